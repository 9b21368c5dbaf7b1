/** Feed documents read into items (RSS 2.0, Atom, JSON Feed), or refused with a reason. */
import { describe, expect, it } from "vitest";
import { parseFeedDocument } from "../../src/feeds/parse-feed.js";
import { atomDocument, jsonFeedDocument, rssDocument } from "../support/index.js";

describe("reading a feed document", () => {
  it.each([
    ["RSS 2.0", rssDocument()],
    ["Atom", atomDocument()],
    ["JSON Feed", jsonFeedDocument()],
  ])("reads %s items: title, link, published instant, summary", (_format, body) => {
    const parsed = parseFeedDocument(body);
    expect(parsed.ok && parsed.items.map((i) => [i.link, i.publishedAt?.toISOString()])).toEqual([
      ["https://news.example/world/talks-resume?utm_source=rss#top", "2025-02-27T07:30:00.000Z"],
      ["https://news.example/world/exchange/", "2025-02-27T06:00:00.000Z"],
    ]);
    expect(parsed.ok && parsed.items[0]?.title).toBe("Ceasefire talks resume in Cairo");
  });

  it("refuses an HTML page, broken XML, broken JSON and a document of no feed format", () => {
    expect(parseFeedDocument("\n<!DOCTYPE html><html><body>x</body></html>")).toEqual({
      ok: false,
      failure: "html",
      reason: "the address answered an HTML page, not a feed",
    });
    expect(parseFeedDocument("<rss><channel><item>").ok || "refused").toBe("refused");
    expect(parseFeedDocument('{"items": [').ok || "refused").toBe("refused");
    expect(parseFeedDocument("<note>hi</note>")).toMatchObject({ ok: false, failure: "not-a-feed" });
    expect(parseFeedDocument("plain words")).toMatchObject({ ok: false, failure: "not-a-feed" });
  });
});
