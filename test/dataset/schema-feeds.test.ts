/**
 * A story's news feeds (its optional `feeds` list), as the loader reads them and reports what breaks
 * them: each at the exact path, like every other data error.
 */
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.js";
import { FEED_INTERVAL_DEFAULT, feedSchema, intervalMs } from "../../src/dataset/schema-feeds.js";
import { loadBroken, shippedStory, writeStoryFolder } from "../support/index.js";

const wire = { id: "wire", url: "https://news.example/feed.xml", outlet: "Example News" };

describe("a story's feeds", () => {
  it("are optional: a story without them watches none", async () => {
    const story = shippedStory();
    delete story.feeds;
    const loaded = await loadDataset(writeStoryFolder({ "story.json": story }));
    expect(loaded.ok && loaded.dataset.stories.map((s) => s.feeds)).toEqual([[]]);
  });

  it("take an id, an http(s) address and an outlet; the interval defaults to 30m", () => {
    const feed = feedSchema.parse({
      ...wire,
      include: [" ceasefire ", "hostage deal"],
      exclude: ["opinion"],
    });
    expect(feed).toEqual({
      ...wire,
      interval: FEED_INTERVAL_DEFAULT,
      include: ["ceasefire", "hostage deal"],
      exclude: ["opinion"],
    });
    expect(intervalMs(feed.interval)).toBe(30 * 60_000);
    expect(intervalMs("1h")).toBe(3_600_000);
    expect(intervalMs("1d")).toBeUndefined();
  });

  it("refuse an address that is not http or https, at its path", async () => {
    expect(
      await loadBroken((s) => {
        s.feeds = [wire, { ...wire, id: "other", url: "javascript:alert(1)" }];
      }),
    ).toEqual(["feeds[1].url: must be an http: or https: address, not javascript:"]);
  });

  it("refuse an interval under 5m, over 24h, or not written as minutes or hours", async () => {
    expect(
      await loadBroken((s) => {
        s.feeds = [
          { ...wire, id: "a", interval: "4m" },
          { ...wire, id: "b", interval: "25h" },
          { ...wire, id: "c", interval: "1d" },
        ];
      }),
    ).toEqual([
      "feeds[0].interval: must be at least 5m",
      "feeds[1].interval: must be at most 24h",
      'feeds[2].interval: must be a number and a unit m or h, like "15m" or "1h"',
    ]);
  });

  it("refuse a keyword without a word, a missing outlet and unknown fields", async () => {
    expect(
      await loadBroken((s) => {
        s.feeds = [
          { ...wire, include: ["  "] },
          { id: "b", url: wire.url },
          { ...wire, id: "c", keywords: ["x"] },
        ];
      }),
    ).toEqual([
      "feeds[0].include[0]: must hold a word (a letter or a digit)",
      "feeds[1].outlet: is required (string)",
      'feeds[2]: unknown field(s) "keywords"',
    ]);
  });

  it("have unique ids, the second named with the first", async () => {
    expect(
      await loadBroken((s) => {
        s.feeds = [wire, { ...wire, url: "https://other.example/rss" }];
      }),
    ).toEqual(['feeds[1].id: duplicate id "wire" (also feeds[0])']);
  });
});
