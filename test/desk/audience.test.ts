/**
 * What subscribed channels would get because of an edit, as the desk shows it before a save: how
 * many channels per platform, and each notice the edit would send now, computed with the scheduler's
 * own functions.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countsText, pendingNotices } from "../../src/desk/audience.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { datasetOf, tempDir, truceDataset, truceStory } from "../support/index.js";

describe("how many channels", () => {
  it("says the count per platform, by the platform's title", () => {
    expect(countsText([{ platform: "discord" }, { platform: "discord" }, { platform: "slack" }])).toBe(
      "2 Discord, 1 Slack channels",
    );
    expect(countsText([{ platform: "slack" }])).toBe("1 Slack channel");
    expect(countsText([])).toBe("no channel");
  });
});

describe("the notices an edit would send now", () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  });
  afterEach(async () => {
    await store.close();
  });

  const now = new Date("2025-02-21T10:00:00Z");
  const edited = () =>
    datasetOf(
      truceStory((s) => {
        s.events.push({
          id: "second-talks",
          when: "2025-02-20",
          title: "Talks resume in the east",
          sourceIds: ["s-0220"],
          evidence: "Talks resumed.",
        });
      }),
    );

  it("are each new notice with the channels following the story that get updates", async () => {
    for (const [platform, channelId] of [
      ["discord", "1"],
      ["discord", "2"],
      ["slack", "C1"],
    ] as const) {
      await store.subscribe(
        { platform, channelId, story: "truce", workspaceId: "w", kind: "updates" },
        new Date("2025-01-01T00:00:00Z"),
      );
    }
    await store.subscribe(
      { platform: "slack", channelId: "C2", story: "truce", workspaceId: "w", kind: "reminders" },
      new Date("2025-01-01T00:00:00Z"),
    );
    const notices = await pendingNotices(store, truceDataset().defaultStory, edited(), now);
    expect(notices).toEqual([
      {
        title: "News update",
        text: expect.stringContaining("Talks resume in the east"),
        counts: "2 Discord, 1 Slack channels",
      },
    ]);
  });

  it("are none when the edit adds nothing new, or its story is gone from the data", async () => {
    const story = truceDataset().defaultStory;
    expect(await pendingNotices(store, story, truceDataset(), now)).toEqual([]);
    const other = truceStory();
    other.story.id = "other";
    expect(await pendingNotices(store, story, datasetOf(other), now)).toEqual([]);
  });
});
