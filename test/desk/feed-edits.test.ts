/**
 * The feed forms: a feed added to a story file that lists none (the list is made), changed in place,
 * removed; each checked by the loader's own feed schema, with the field at fault named.
 */
import { describe, expect, it } from "vitest";
import { indexStory } from "../../src/dataset/dataset.js";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import { EditError } from "../../src/desk/edit-text.js";
import { FORMS } from "../../src/desk/edits.js";
import { FEED_KEY, feedFields, feedPresets, feedValues } from "../../src/desk/feed-edits.js";
import { shippedStoryText } from "../support/index.js";

const FEED = {
  id: "reuters-world",
  url: "https://feeds.example.org/reuters/world.xml",
  outlet: "Reuters",
  interval: "15m",
  include: "ceasefire, hostages",
  exclude: "",
};

/** Applies a feed form to a story file's text; returns the new text parsed and where it wrote. */
function applied(name: "feed" | "feed-remove", form: Record<string, string>, file = shippedStoryText) {
  const read = FORMS[name].read(form);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const data = parseStoryText("gaza-2025.json", file).data as StoryFile;
  const result = read.apply(file, data);
  const next = parseStoryText("gaza-2025.json", result.text);
  expect(next.errors).toEqual([]);
  return { text: result.text, at: result.at, data: next.data as StoryFile };
}

describe("adding a feed", () => {
  it("makes the story's feeds list when it has none, with the keywords as lists", () => {
    expect((parseStoryText("x.json", shippedStoryText).data as StoryFile).feeds).toEqual([]);
    const { data, at } = applied("feed", FEED);
    expect(at).toBe("feeds[0]");
    expect(data.feeds).toEqual([
      {
        id: "reuters-world",
        url: "https://feeds.example.org/reuters/world.xml",
        outlet: "Reuters",
        interval: "15m",
        include: ["ceasefire", "hostages"],
      },
    ]);
  });

  it("adds after the others, and takes 30 minutes when no interval is given", () => {
    const first = applied("feed", FEED);
    const { data, at, text } = applied("feed", { ...FEED, id: "bbc", interval: "" }, first.text);
    expect(at).toBe("feeds[1]");
    expect(data.feeds[1]).toMatchObject({ id: "bbc", interval: "30m" });
    expect(JSON.parse(text).feeds[1].interval).toBeUndefined();
  });

  it("refuses an id the story has already, a non-web address and too short an interval", () => {
    const first = applied("feed", FEED);
    const again = FORMS.feed.read(FEED);
    if (!again.ok) throw new Error("the form should read");
    const data = parseStoryText("x.json", first.text).data as StoryFile;
    expect(() => again.apply(first.text, data)).toThrow(EditError);
    const bad = FORMS.feed.read({ ...FEED, url: "javascript:alert(1)", interval: "1m" });
    expect(bad).toEqual({
      ok: false,
      errors: { url: "must be an http: or https: address, not javascript:", interval: "must be at least 5m" },
    });
  });
});

describe("changing and removing a feed", () => {
  const withTwo = applied("feed", { ...FEED, id: "bbc" }, applied("feed", FEED).text).text;

  it("changes the feed it names in place, its id too", () => {
    const { data, at } = applied(
      "feed",
      { ...FEED, [FEED_KEY]: "reuters-world", id: "reuters", outlet: "Reuters World" },
      withTwo,
    );
    expect(at).toBe("feeds[0]");
    expect(data.feeds.map((f) => f.id)).toEqual(["reuters", "bbc"]);
    expect(data.feeds[0]?.outlet).toBe("Reuters World");
  });

  it("removes the feed it names, and says so when there is none by that id", () => {
    const { data, at } = applied("feed-remove", { [FEED_KEY]: "reuters-world" }, withTwo);
    expect(at).toBe("feeds[0]");
    expect(data.feeds.map((f) => f.id)).toEqual(["bbc"]);
    const none = FORMS["feed-remove"].read({ [FEED_KEY]: "nope" });
    if (!none.ok) throw new Error("the form should read");
    expect(() => none.apply(withTwo, parseStoryText("x.json", withTwo).data as StoryFile)).toThrow(
      'no feed "nope" in this story',
    );
    expect(FORMS["feed-remove"].read({})).toEqual({
      ok: false,
      errors: { [FEED_KEY]: "choose the feed to remove" },
    });
  });

  it("opens the form on the feed a link names, its keywords separated by commas", () => {
    const story = indexStory("gaza-2025.json", parseStoryText("x.json", withTwo).data as StoryFile);
    expect(feedPresets(story, { [FEED_KEY]: "reuters-world" })).toEqual({
      ...FEED,
      [FEED_KEY]: "reuters-world",
      include: "ceasefire, hostages",
    });
    expect(feedPresets(story, { [FEED_KEY]: "nope" })).toEqual({});
    const bbc = story.feeds[1];
    if (bbc) expect(feedValues(bbc).id).toBe("bbc");
    const f = (name: string, label: string, extra = {}) => ({ name, label, ...extra });
    expect(feedFields(story, "feed-remove", f)[0]?.choices).toEqual([
      { value: "reuters-world", label: "reuters-world — Reuters" },
      { value: "bbc", label: "bbc — Reuters" },
    ]);
  });
});
