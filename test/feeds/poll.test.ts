/**
 * Rounds of the intake against the stand-in news sites, on a SQLite store: each feed fetched once per
 * interval with conditional requests, its items as leads (one per story and link, however many feeds
 * bring it), each refusal written on the feed's state with its reason, back-off and Retry-After, one
 * bad feed never stopping the others, and what /metrics counts.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Feed } from "../../src/dataset/schema-feeds.js";
import { addressPolicy } from "../../src/feeds/addresses.js";
import { backOffMs, pollRound, type WatchedFeed } from "../../src/feeds/poll.js";
import { createPrometheusMetrics } from "../../src/monitoring/prometheus.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { StandInFeeds, tempDir } from "../support/index.js";

const T0 = new Date("2025-02-27T10:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const limits = {
  timeoutMs: 1000,
  maxBytes: 200_000,
  maxRedirects: 3,
  policy: addressPolicy(["127.0.0.1"]),
  userAgent: "ceasefire-bot tests",
};

let feeds: StandInFeeds;
let store: SqliteStore;
let metrics: ReturnType<typeof createPrometheusMetrics>;
beforeAll(async () => {
  feeds = await StandInFeeds.start();
});
afterAll(() => feeds.close());
beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "leads.sqlite"));
  metrics = createPrometheusMetrics({ commands: [] });
});
afterEach(() => store.close());

function watch(id: string, path: string, over: Partial<Feed> = {}): WatchedFeed {
  return {
    story: "gaza-2025",
    feed: { id, url: feeds.url(path), outlet: `Outlet ${id}`, interval: "15m", ...over },
  };
}
const round = (list: WatchedFeed[], at: Date) => pollRound(list, { store, limits, metrics }, at);

describe("a round of the intake", () => {
  it("turns a feed's items into cleaned leads, then asks again only after the interval, conditionally", async () => {
    const rss = watch("rss", "/rss.xml");
    const before = feeds.count("/rss.xml");
    expect(await round([rss], T0)).toEqual({ fetched: 1, notModified: 0, failed: 0, newLeads: 2 });
    const leads = await store.leads({ story: "gaza-2025", limit: 10 });
    expect(leads.map((l) => [l.title, l.link, l.summary, l.publishedAt?.toISOString()])).toEqual([
      [
        "Ceasefire talks resume in Cairo",
        "https://news.example/world/talks-resume",
        "Negotiators met on Thursday.",
        "2025-02-27T07:30:00.000Z",
      ],
      [
        "Hostage exchange & aid convoy",
        "https://news.example/world/exchange",
        "Aid trucks crossed at Kerem Shalom.",
        "2025-02-27T06:00:00.000Z",
      ],
    ]);
    await round([rss], later(5));
    expect(feeds.count("/rss.xml") - before).toBe(1);
    expect(await round([rss], later(15))).toMatchObject({ notModified: 1, newLeads: 0 });
    expect(feeds.lastHeaders.get("/rss.xml")?.["if-none-match"]).toBe('"v1"');
    const state = await store.feedState("gaza-2025", "rss");
    expect([
      state?.etag,
      state?.lastOkAt?.toISOString(),
      state?.nextFetchAt.toISOString(),
      state?.lastItems,
    ]).toEqual(['"v1"', later(15).toISOString(), later(30).toISOString(), 2]);
  });

  it("keeps one lead for the same article from RSS, Atom and JSON Feed", async () => {
    const report = await round(
      [watch("rss", "/rss.xml"), watch("atom", "/atom.xml"), watch("json", "/feed.json")],
      T0,
    );
    expect(report).toMatchObject({ fetched: 3, failed: 0, newLeads: 2 });
    expect(await store.leadCounts("gaza-2025")).toEqual({ new: 2, used: 0, dismissed: 0 });
  });

  it("keeps only the items the keywords include, and names the keywords they matched", async () => {
    await round(
      [watch("rss", "/rss.xml", { include: ["ceasefire", "kerem shalom"], exclude: ["cairo"] })],
      T0,
    );
    const leads = await store.leads({ story: "gaza-2025", limit: 10 });
    expect(leads.map((l) => [l.title, l.matched])).toEqual([
      ["Hostage exchange & aid convoy", ["kerem shalom"]],
    ]);
  });

  it("writes each refusal on the feed's state in words, and the other feeds are read as usual", async () => {
    const bad = [
      watch("broken", "/broken.xml"),
      watch("html", "/page.html"),
      watch("slow", "/slow.xml"),
      watch("endless", "/endless.xml"),
      watch("private", "/to-private"),
    ];
    const report = await round([...bad, watch("rss", "/rss.xml")], T0);
    expect(report).toMatchObject({ fetched: 1, failed: 5, newLeads: 2 });
    const errors = Object.fromEntries(
      (await store.feedStates("gaza-2025")).map((s) => [s.feedId, [s.failures, s.lastError]]),
    );
    expect(errors).toEqual({
      broken: [1, expect.stringMatching(/^the feed is not well-formed XML \(line \d+: .+\)$/)],
      html: [1, "the address answered an HTML page, not a feed"],
      slow: [1, "no complete answer within 1 s"],
      endless: [1, "the feed is larger than 200000 bytes"],
      private: [1, "10.0.0.1 is a private address"],
      rss: [0, undefined],
    });
  });

  it("leaves out items with a javascript: or data: link and says so; cleans markup and controls from titles", async () => {
    feeds.serve("/mixed.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<rss version="2.0"><channel><title>x</title>
<item><title>Bad</title><link>javascript:alert(1)</link></item>
<item><title>Worse</title><link>data:text/html,hi</link></item>
<item><title>&lt;script&gt;x()&lt;/script&gt;&lt;b&gt;Truce&lt;/b&gt; holds&#x202E;&#x7;</title><link>https://news.example/truce</link></item>
</channel></rss>`);
    });
    await round([watch("mixed", "/mixed.xml")], T0);
    expect((await store.leads({ story: "gaza-2025", limit: 10 })).map((l) => l.title)).toEqual([
      "Truce holds",
    ]);
    expect((await store.feedState("gaza-2025", "mixed"))?.lastError).toBe(
      "2 items left out: the item's link is a javascript: address, not http: or https:; the item's link is a data: address, not http: or https:",
    );
  });

  it("backs off after failures, doubling from the interval, and waits out a Retry-After", async () => {
    const broken = watch("broken", "/broken.xml");
    await round([broken], T0);
    expect((await store.feedState("gaza-2025", "broken"))?.nextFetchAt).toEqual(later(30));
    await round([broken], later(30));
    expect((await store.feedState("gaza-2025", "broken"))?.nextFetchAt).toEqual(later(30 + 60));
    expect(backOffMs(15 * 60_000, 12)).toBe(24 * 3_600_000);
    await round([watch("busy", "/busy.xml")], T0);
    const busy = await store.feedState("gaza-2025", "busy");
    expect([busy?.nextFetchAt, busy?.lastError]).toEqual([later(120), "the server asked to wait (HTTP 429)"]);
  });

  it("counts fetches, errors and new leads per feed on /metrics", async () => {
    const list = [watch("rss", "/rss.xml"), watch("html", "/page.html")];
    await round(list, T0);
    await round(list, later(60));
    const text = await metrics.registry.metrics();
    expect(text).toContain('ceasefire_feed_fetches_total{story="gaza-2025",feed="rss",result="ok"} 1');
    expect(text).toContain(
      'ceasefire_feed_fetches_total{story="gaza-2025",feed="rss",result="not-modified"} 1',
    );
    expect(text).toContain('ceasefire_feed_errors_total{story="gaza-2025",feed="html",reason="html"} 2');
    expect(text).toContain('ceasefire_feed_new_leads_total{story="gaza-2025",feed="rss"} 2');
  });
});
