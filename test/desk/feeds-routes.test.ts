/**
 * The feeds page over HTTP: the story's feeds with their states from the store; a feed added, changed
 * and removed through the edit forms' check-then-save flow, written to the story file's `feeds`.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionOf } from "../../src/desk/edit-text.js";
import { type DeskClient, type DeskRig, deskClient, startDeskRig } from "../support/harness/desk.js";

let rig: DeskRig;
let desk: DeskClient;
const FEED = { id: "reuters-world", url: "https://feeds.example.org/reuters.xml", outlet: "Reuters" };

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-02T12:00:00Z" });
  desk = await deskClient(rig.url);
}, 30_000);
afterAll(async () => {
  await rig.close();
});

const version = () => versionOf(readFileSync(rig.file, "utf8"));
const feedsInFile = () => JSON.parse(readFileSync(rig.file, "utf8")).feeds;

describe("the feeds page", () => {
  it("says the story watches none, and offers to add one", async () => {
    const page = await (await desk.get("/desk/stories/gaza-2025/feeds")).text();
    expect(page).toContain("This story watches no feed yet.");
    expect(page).toContain('<a href="/desk/stories/gaza-2025/edit/feed">Add a feed</a>');
  });

  it("adds a feed through check, then save, writing it into the story file", async () => {
    const check = await desk.post("/desk/stories/gaza-2025/edit/feed", { ...FEED, version: version() });
    const checked = await check.text();
    expect(check.status, checked).toBe(200);
    expect(checked).toContain("<code>feeds.reuters-world</code>");
    expect(feedsInFile()).toBeUndefined();
    const save = await desk.post("/desk/stories/gaza-2025/edit/feed", {
      ...FEED,
      version: version(),
      action: "save",
    });
    expect(save.status).toBe(303);
    expect(save.headers.get("location")).toBe("/desk/stories/gaza-2025/feeds?saved=1");
    expect(feedsInFile()).toEqual([FEED]);
  });

  it("lists the feed with its state and its error reason on its row", async () => {
    await rig.store.saveFeedState({
      story: "gaza-2025",
      feedId: "reuters-world",
      etag: undefined,
      lastModified: undefined,
      nextFetchAt: new Date("2025-03-02T12:30:00Z"),
      failures: 2,
      lastFetchedAt: new Date("2025-03-02T11:30:00Z"),
      lastOkAt: undefined,
      lastError: "refused: the address resolves to a private network (10.0.0.1)",
      lastItems: 0,
      lastNewLeads: 0,
    });
    const page = await (await desk.get("/desk/stories/gaza-2025/feeds")).text();
    const row = page.slice(page.indexOf('id="feed-reuters-world"'));
    expect(row).toContain("refused: the address resolves to a private network (10.0.0.1)");
    expect(row).toContain('<td class="error">2</td>');
  });

  it("changes and removes a feed, and refuses a bad one with the field at fault", async () => {
    const bad = await desk.post("/desk/stories/gaza-2025/edit/feed", {
      ...FEED,
      feed: FEED.id,
      interval: "2m",
      version: version(),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<p class="error" id="f-interval-error">must be at least 5m</p>');
    const form = await (await desk.get("/desk/stories/gaza-2025/edit/feed?feed=reuters-world")).text();
    expect(form).toContain('value="https://feeds.example.org/reuters.xml"');
    const change = { ...FEED, feed: FEED.id, interval: "1h", version: version(), action: "save" };
    expect((await desk.post("/desk/stories/gaza-2025/edit/feed", change)).status).toBe(303);
    expect(feedsInFile()).toEqual([{ ...FEED, interval: "1h" }]);
    const remove = { feed: FEED.id, version: version(), action: "save" };
    expect((await desk.post("/desk/stories/gaza-2025/edit/feed-remove", remove)).status).toBe(303);
    expect(feedsInFile()).toEqual([]);
  });

  it("is not found for a story the dataset lacks", async () => {
    expect((await desk.get("/desk/stories/nowhere/feeds")).status).toBe(404);
  });
});
