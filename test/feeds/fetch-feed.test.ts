/**
 * Fetching a feed against the stand-in news sites: conditional requests, and each way a server could
 * hold or misuse the bot refused with its reason (a timeout, a size cap, a redirect limit, an address
 * on a private network). The tests allow 127.0.0.1 only, explicitly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressPolicy } from "../../src/feeds/addresses.js";
import { type FetchLimits, fetchFeed, retryAfterMs } from "../../src/feeds/fetch-feed.js";
import { FEED_VALIDATORS, StandInFeeds } from "../support/index.js";

const at = new Date("2025-02-27T10:00:00Z");
const none = { etag: undefined, lastModified: undefined };
const TEST_LIMITS: FetchLimits = {
  timeoutMs: 1500,
  maxBytes: 200_000,
  maxRedirects: 3,
  policy: addressPolicy(["127.0.0.1"]),
  userAgent: "ceasefire-bot tests",
};

let feeds: StandInFeeds;
beforeAll(async () => {
  feeds = await StandInFeeds.start();
});
afterAll(() => feeds.close());

describe("fetching a feed", () => {
  it("gets the document and its validators, then a 304 when it sends them back", async () => {
    const first = await fetchFeed(feeds.url("/rss.xml"), none, TEST_LIMITS, at);
    expect(first).toMatchObject({ kind: "ok", ...FEED_VALIDATORS });
    expect(first.kind === "ok" && first.body).toContain("<rss");
    const again = await fetchFeed(feeds.url("/rss.xml"), FEED_VALIDATORS, TEST_LIMITS, at);
    expect(again).toEqual({ kind: "not-modified", ...FEED_VALIDATORS });
    expect(feeds.lastHeaders.get("/rss.xml")?.["if-none-match"]).toBe(FEED_VALIDATORS.etag);
  });

  it("refuses an address on a loopback or private network unless the operator allows it", async () => {
    const strict = { ...TEST_LIMITS, policy: addressPolicy([]) };
    expect(await fetchFeed(feeds.url("/rss.xml"), none, strict, at)).toMatchObject({
      kind: "failed",
      failure: "address",
      reason: "127.0.0.1 is a loopback address",
    });
    expect(await fetchFeed(`http://localhost:${feeds.port}/rss.xml`, none, strict, at)).toMatchObject({
      kind: "failed",
      failure: "address",
    });
  });

  it("checks every hop of a redirect: to 10.0.0.1, or to 127.0.0.2 when only 127.0.0.1 is allowed", async () => {
    expect(await fetchFeed(feeds.url("/to-private"), none, TEST_LIMITS, at)).toMatchObject({
      failure: "address",
      reason: "10.0.0.1 is a private address",
    });
    expect(await fetchFeed(feeds.url("/to-loopback"), none, TEST_LIMITS, at)).toMatchObject({
      failure: "address",
      reason: "127.0.0.2 is a loopback address",
    });
  });

  it("follows redirects up to the limit", async () => {
    const before = feeds.count("/loop");
    expect(await fetchFeed(feeds.url("/loop"), none, TEST_LIMITS, at)).toMatchObject({
      failure: "redirects",
      reason: "more than 3 redirects",
    });
    expect(feeds.count("/loop") - before).toBe(4);
  });

  it("gives up on a body that never comes, at the timeout", async () => {
    const started = performance.now();
    const got = await fetchFeed(feeds.url("/slow.xml"), none, { ...TEST_LIMITS, timeoutMs: 300 }, at);
    expect(got).toMatchObject({ failure: "timeout", reason: "no complete answer within 0.3 s" });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("stops reading an endless body at the size cap", async () => {
    expect(await fetchFeed(feeds.url("/endless.xml"), none, TEST_LIMITS, at)).toMatchObject({
      failure: "too-large",
      reason: "the feed is larger than 200000 bytes",
    });
  });

  it("hands on a 429's Retry-After, in seconds or as a date", async () => {
    expect(await fetchFeed(feeds.url("/busy.xml"), none, TEST_LIMITS, at)).toMatchObject({
      failure: "rate-limited",
      retryAfterMs: 7_200_000,
    });
    expect(retryAfterMs("Thu, 27 Feb 2025 11:00:00 GMT", at)).toBe(3_600_000);
    expect(retryAfterMs("soon", at)).toBeUndefined();
  });

  it("says when the server answers an error", async () => {
    expect(await fetchFeed(feeds.url("/missing.xml"), none, TEST_LIMITS, at)).toMatchObject({
      failure: "http",
      reason: "the server answered HTTP 404",
    });
  });
});
