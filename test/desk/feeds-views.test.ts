/**
 * The feeds page's table: each feed with how it has fared, and why its last fetch was refused or
 * failed on its own row, escaped.
 */
import { describe, expect, it } from "vitest";
import { indexStory } from "../../src/dataset/dataset.js";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import { feedsTable } from "../../src/desk/feeds-views.js";
import type { FeedState } from "../../src/feeds/lead.js";
import { shippedStory } from "../support/index.js";

const render = async (h: unknown) => String(await h);

function storyWithFeeds(feeds: unknown[]) {
  const raw = shippedStory();
  raw.feeds = feeds;
  return indexStory(
    "gaza-2025.json",
    parseStoryText("gaza-2025.json", JSON.stringify(raw)).data as StoryFile,
  );
}

const FEEDS = [
  {
    id: "reuters-world",
    url: "https://feeds.example.org/reuters.xml",
    outlet: "Reuters",
    include: ["ceasefire"],
  },
  { id: "broken", url: "https://feeds.example.org/broken.xml", outlet: "<i>Broken</i> News", interval: "1h" },
];

const state = (fields: Partial<FeedState>): FeedState => ({
  story: "gaza-2025",
  feedId: "reuters-world",
  etag: undefined,
  lastModified: undefined,
  nextFetchAt: new Date("2025-03-02T10:30:00Z"),
  failures: 0,
  lastFetchedAt: new Date("2025-03-02T10:00:00Z"),
  lastOkAt: new Date("2025-03-02T10:00:00Z"),
  lastError: undefined,
  lastItems: 20,
  lastNewLeads: 3,
  ...fields,
});

describe("the feeds table", () => {
  it("shows each feed's last and next fetch in the story's zone, its failures and its last new leads", async () => {
    const page = await render(feedsTable(storyWithFeeds(FEEDS), [state({})]));
    const row = page.slice(page.indexOf('id="feed-reuters-world"'), page.indexOf('id="feed-broken"'));
    expect(row).toMatch(/2 Mar 2025, 12:00 GMT\+2/);
    expect(row).toMatch(/2 Mar 2025, 12:30 GMT\+2/);
    expect(row).toContain("3 of 20 items");
    expect(row).toContain("include: ceasefire");
    expect(row).toContain("every 30m");
    expect(row).toContain('href="/desk/stories/gaza-2025/edit/feed?feed=reuters-world"');
    expect(row).toContain('href="/desk/stories/gaza-2025/edit/feed-remove?feed=reuters-world"');
  });

  it("shows why a feed's last fetch was refused on that feed's row, escaped, with its failures", async () => {
    const reason = "the feed answered an HTML page <html>, not a feed";
    const page = await render(
      feedsTable(storyWithFeeds(FEEDS), [
        state({}),
        state({ feedId: "broken", failures: 3, lastError: reason }),
      ]),
    );
    const row = page.slice(page.indexOf('id="feed-broken"'));
    expect(row).toContain("the feed answered an HTML page &lt;html&gt;, not a feed");
    expect(row).toContain('<td class="error">3</td>');
    expect(row).toContain("&lt;i&gt;Broken&lt;/i&gt; News");
    const other = page.slice(page.indexOf('id="feed-reuters-world"'), page.indexOf('id="feed-broken"'));
    expect(other).not.toContain("HTML page");
  });

  it("says when a feed was never fetched, and when the story watches none", async () => {
    const page = await render(feedsTable(storyWithFeeds(FEEDS), []));
    expect(page).toContain("<td>never</td>");
    expect(page).toContain("as soon as the intake runs");
    expect(await render(feedsTable(storyWithFeeds([]), []))).toBe("<p>This story watches no feed yet.</p>");
  });
});
