/**
 * `/calendar/<story>.ics` on the health server (src/calendar/route.ts): the feed as known at the
 * clock's instant, a strong ETag and If-None-Match, HEAD, 404 and 405, and the live dataset (a reload
 * counts at the next request), and `?language=` (the feed in that language, a feed kept per
 * language, 400 for an unknown one).
 */
import { afterEach, describe, expect, it } from "vitest";
import { calendarFeed } from "../../src/calendar/feed.js";
import {
  CALENDAR_MAX_AGE,
  calendarPath,
  calendarRoutes,
  feedBuilder,
  matchesEtag,
} from "../../src/calendar/route.js";
import { storyAt } from "../../src/dataset/asof.js";
import type { Dataset } from "../../src/dataset/dataset.js";
import { type HealthServer, startHealthServer } from "../../src/monitoring/health.js";
import { ManualClock } from "../../src/time/clock.js";
import {
  DURING,
  datasetOf,
  handoverSequence,
  silentLog,
  truceDataset,
  truceStory,
} from "../support/index.js";

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The route on a health server of its own, with a clock and a dataset the test changes. */
async function serve(at: string) {
  const clock = new ManualClock(at);
  const data: { dataset: Dataset } = { dataset: truceDataset() };
  server = await startHealthServer({
    port: 0,
    host: "127.0.0.1",
    routes: calendarRoutes({ data, clock, log: silentLog() }),
  });
  const base = `http://127.0.0.1:${server.port()}`;
  return { clock, data, get: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) };
}

describe("GET /calendar/<story>.ics", () => {
  it("answers the story's feed as iCalendar, cacheable for five minutes, with a strong ETag", async () => {
    const s = await serve("2025-02-21T00:00:00Z");
    const res = await s.get("/calendar/truce.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe(`public, max-age=${CALENDAR_MAX_AGE}`);
    expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const body = await res.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(body));
  });

  it("answers 304 to If-None-Match with the feed's ETag while nothing new is known", async () => {
    const s = await serve("2025-02-21T00:00:00Z");
    const etag = (await s.get("/calendar/truce.ics")).headers.get("etag") ?? "";
    s.clock.set("2025-02-25T00:00:00Z");
    const again = await s.get("/calendar/truce.ics", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
  });

  it("raises SEQUENCE and changes the ETag once the deadline's move is known", async () => {
    const s = await serve("2025-01-25T09:00:00Z");
    const before = await s.get("/calendar/truce.ics");
    const etag = before.headers.get("etag") ?? "";
    expect(handoverSequence(await before.text())).toBe(0);
    s.clock.set("2025-01-25T11:00:00Z");
    const after = await s.get("/calendar/truce.ics", { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(handoverSequence(await after.text())).toBe(1);
  });

  it("follows the live dataset: a reload counts at the next request", async () => {
    const s = await serve("2025-02-21T00:00:00Z");
    const first = await s.get("/calendar/truce.ics");
    const etag = first.headers.get("etag") ?? "";
    s.data.dataset = datasetOf(
      truceStory((story) => {
        story.deadlines[0].moves.push({
          at: "2025-02-19",
          due: "2025-03-01",
          kind: "postponed",
          attribution: "West",
          sourceIds: ["s-0220"],
          evidence: "As the source reports.",
        });
      }),
    );
    const next = await s.get("/calendar/truce.ics", { headers: { "if-none-match": etag } });
    expect(next.status).toBe(200);
    expect(handoverSequence(await next.text())).toBe(2);
  });

  it("answers HEAD with the headers alone", async () => {
    const s = await serve("2025-02-21T00:00:00Z");
    const get = await s.get("/calendar/truce.ics");
    const head = await s.get("/calendar/truce.ics", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    expect(await head.text()).toBe("");
  });

  it("answers 404 in plain text for a story it does not have, naming the feeds it has", async () => {
    const s = await serve("2025-02-21T00:00:00Z");
    for (const path of [
      "/calendar/nowhere.ics",
      "/calendar/truce",
      "/calendar/truce.ics/more",
      "/calendar/",
    ]) {
      const res = await s.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
    expect(await (await s.get("/calendar/nowhere.ics")).text()).toContain("/calendar/truce.ics");
  });

  it("answers 405 to any other method", async () => {
    const s = await serve("2025-02-21T00:00:00Z");
    const res = await s.get("/calendar/truce.ics", { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("the feeds kept between requests", () => {
  it("writes a story's feed again only when something new is known", () => {
    const build = feedBuilder(calendarFeed);
    const story = truceDataset().defaultStory;
    const first = build(story, new Date("2025-02-21T00:00:00Z"));
    expect(build(story, new Date("2025-02-25T00:00:00Z"))).toBe(first);
    const earlier = build(story, new Date("2025-01-25T09:00:00Z"));
    expect(earlier.etag).not.toBe(first.etag);
    expect(handoverSequence(earlier.body)).toBe(0);
  });
});

describe("matching If-None-Match", () => {
  it("matches the ETag in a list, a weak form of it, or *", () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag('W/"b"', '"b"')).toBe(true);
    expect(matchesEtag("*", '"b"')).toBe(true);
    expect(matchesEtag('"c"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});

const truce = truceDataset().defaultStory;

/** The UIDs of a feed's events, in order (a UID is short enough never to be folded). */
const uids = (text: string) => [...text.matchAll(/^UID:(.+?)\r?$/gm)].map((m) => m[1]);

describe("feeds in a language", () => {
  it("keeps a written feed per language: two languages in turn do not write each other's again", () => {
    let writes = 0;
    const build = feedBuilder((at, entries) => {
      writes += 1;
      return calendarFeed(at, entries);
    });
    const at = new Date(DURING);
    const en = build(truce, at);
    const ar = build(truce, at, "ar");
    expect(ar.etag).not.toBe(en.etag);
    expect(build(truce, at, "en")).toBe(en);
    expect(build(truce, at, "ar")).toBe(ar);
    expect(writes).toBe(2);
  });

  it("names the language in the path only when it is not English", () => {
    expect(calendarPath("gaza-2025")).toBe("/calendar/gaza-2025.ics");
    expect(calendarPath("gaza-2025", "en")).toBe("/calendar/gaza-2025.ics");
    expect(calendarPath("gaza-2025", "ar")).toBe("/calendar/gaza-2025.ics?language=ar");
  });
});

describe("GET /calendar/<story>.ics?language=", () => {
  it("answers the feed in the language asked, and the English feed for `en` or no language", async () => {
    const { get } = await serve("2025-02-21T00:00:00Z");
    const plain = await (await get("/calendar/truce.ics")).text();
    const en = await get("/calendar/truce.ics?language=en");
    expect(await en.text()).toBe(plain);
    const ar = await get("/calendar/truce.ics?language=ar");
    expect(ar.status).toBe(200);
    expect(ar.headers.get("content-language")).toBe("ar");
    const body = await ar.text();
    expect(body).not.toBe(plain);
    expect(uids(plain).length).toBeGreaterThan(0);
    expect(uids(body)).toEqual(uids(plain));
    expect(body).toBe(calendarFeed(storyAt(truce, new Date("2025-02-21T00:00:00Z"), "ar")));
  });

  it("answers 400 naming the languages to an unknown language", async () => {
    const { get } = await serve("2025-02-21T00:00:00Z");
    const res = await get("/calendar/truce.ics?language=de");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await res.text();
    expect(text).toContain("No such language: de.");
    for (const language of ["en", "ar", "he", "fr"]) expect(text).toContain(`${language} (`);
  });

  it("says 404 in the language asked, with the feeds in that language", async () => {
    const { get } = await serve("2025-02-21T00:00:00Z");
    const res = await get("/calendar/nothing.ics?language=ar");
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).toContain("لا يوجد تقويم بهذا الاسم");
    expect(text).toContain("/calendar/truce.ics?language=ar");
  });
});
