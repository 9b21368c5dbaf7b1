/**
 * The feed intake inside the real `start` (in process, on the console platform, with the health
 * routes and a clock the test moves): a story lists seven feeds on the stand-in news sites — RSS,
 * Atom and JSON Feed bringing the same two articles, one malformed, one slower than FEEDS_TIMEOUT, one
 * endless, one redirecting to a private address — and FEEDS_ALLOW_PRIVATE allows 127.0.0.1 only.
 * Over two intervals each good feed is fetched once per interval, the second time conditionally (and
 * answered 304); the articles are two leads in the store; each bad feed's reason is on its state and
 * every fetch, error and new lead is counted on /metrics.
 */
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../../commands/index.js";
import { loadBotConfig } from "../../../src/cli/bot-config.js";
import { startBot } from "../../../src/cli/start.js";
import { platforms } from "../../../src/platforms/index.js";
import { SQLITE_FILE } from "../../../src/store/open.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import { ManualClock } from "../../../src/time/clock.js";
import {
  FEED_VALIDATORS,
  freePort,
  StandInFeeds,
  shippedStory,
  tempDir,
  until,
  writeStoryFolder,
} from "../../support/index.js";

const T0 = "2025-02-27T10:00:00Z";
const INTERVAL_MS = 15 * 60_000;
const GOOD = { rss: "/rss.xml", atom: "/atom.xml", json: "/feed.json" };
const BAD = { broken: "/broken.xml", slow: "/slow.xml", huge: "/endless.xml", private: "/to-private" };

let feeds: StandInFeeds;
beforeAll(async () => {
  feeds = await StandInFeeds.start();
});
afterAll(() => feeds.close());

/** The text of /metrics. */
async function metricsText(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

const fetches = (feed: string, result: string) =>
  `ceasefire_feed_fetches_total{story="gaza-2025",feed="${feed}",result="${result}"} 1`;

/** The bot as `start` runs it, on a story listing every feed of GOOD and BAD (every 15 minutes), with `env`. */
async function runBot(env: Record<string, string>) {
  const story = shippedStory();
  story.feeds = Object.entries({ ...GOOD, ...BAD }).map(([id, path]) => ({
    id,
    url: feeds.url(path),
    outlet: `Outlet ${id}`,
    interval: "15m",
  }));
  const dataDir = tempDir();
  const port = await freePort();
  const clock = new ManualClock(T0);
  const input = new PassThrough();
  const exit = startBot({
    bot: loadBotConfig(
      {
        LOG_LEVEL: "silent",
        DATA_DIR: dataDir,
        HEALTH_PORT: String(port),
        SCHEDULER_CRON: "* * * * * *",
        ...env,
      },
      platforms,
    ),
    registry,
    dataPath: writeStoryFolder({ "gaza-2025.json": story }),
    clockStart: undefined,
    clock,
    io: { out: () => {}, err: () => {} },
    input,
    output: new PassThrough(),
  });
  return { port, clock, input, exit, dataDir };
}

const total = () => [...feeds.requests.values()].reduce((a, b) => a + b, 0);

describe("the feed intake in the running bot", () => {
  it("polls each good feed once per interval, conditionally, keeps the leads, and says why each bad feed failed", async () => {
    const { port, clock, input, exit, dataDir } = await runBot({
      FEEDS_ALLOW_PRIVATE: "127.0.0.1",
      FEEDS_TIMEOUT: "1s",
      FEEDS_MAX_BYTES: "1MB",
    });

    // The first round: every feed fetched once.
    const first = await until("the first round on /metrics", async () => {
      const text = await metricsText(port).catch(() => "");
      const done = [
        ...Object.keys(GOOD).map((f) => fetches(f, "ok")),
        ...Object.keys(BAD).map((f) => fetches(f, "failed")),
      ];
      return done.every((line) => text.includes(line)) ? text : undefined;
    });
    expect(first).toContain('ceasefire_feed_new_leads_total{story="gaza-2025",feed="rss"} 2');

    // An interval later: the good feeds asked again with their validators (304), the bad ones backing off.
    clock.advance(INTERVAL_MS);
    const second = await until("the second round on /metrics", async () => {
      const text = await metricsText(port);
      return Object.keys(GOOD).every((f) => text.includes(fetches(f, "not-modified"))) ? text : undefined;
    });
    // A few more rounds at the same instant fetch nothing.
    await new Promise((r) => setTimeout(r, 2_200));
    const counts = (paths: Record<string, string>) => Object.values(paths).map((p) => feeds.count(p));
    expect(counts(GOOD)).toEqual([2, 2, 2]);
    expect(counts(BAD)).toEqual([1, 1, 1, 1]);
    for (const path of Object.values(GOOD))
      expect(feeds.lastHeaders.get(path)?.["if-none-match"]).toBe(FEED_VALIDATORS.etag);

    expect(second).toContain(
      'ceasefire_feed_errors_total{story="gaza-2025",feed="broken",reason="malformed"} 1',
    );
    expect(second).toContain('ceasefire_feed_errors_total{story="gaza-2025",feed="slow",reason="timeout"} 1');
    expect(second).toContain(
      'ceasefire_feed_errors_total{story="gaza-2025",feed="huge",reason="too-large"} 1',
    );
    expect(second).toContain(
      'ceasefire_feed_errors_total{story="gaza-2025",feed="private",reason="address"} 1',
    );
    const newLeads = [...second.matchAll(/^ceasefire_feed_new_leads_total\{[^}]*\} (\d+)$/gm)];
    expect(newLeads.reduce((sum, m) => sum + Number(m[1]), 0)).toBe(2);

    input.end();
    expect(await exit).toBe(0);

    const store = SqliteStore.open(join(dataDir, SQLITE_FILE));
    try {
      const leads = await store.leads({ story: "gaza-2025", limit: 10 });
      expect(leads.map((l) => [l.title, l.link])).toEqual([
        ["Ceasefire talks resume in Cairo", "https://news.example/world/talks-resume"],
        ["Hostage exchange & aid convoy", "https://news.example/world/exchange"],
      ]);
      const states = Object.fromEntries(
        (await store.feedStates("gaza-2025")).map((s) => [s.feedId, [s.failures, s.lastError]]),
      );
      expect(states).toEqual({
        rss: [0, undefined],
        atom: [0, undefined],
        json: [0, undefined],
        broken: [1, expect.stringMatching(/^the feed is not well-formed XML/)],
        slow: [1, "no complete answer within 1 s"],
        huge: [1, "the feed is larger than 1000000 bytes"],
        private: [1, "10.0.0.1 is a private address"],
      });
    } finally {
      await store.close();
    }
  }, 30_000);

  it("polls nothing with FEEDS=off", async () => {
    const before = total();
    const { port, input, exit } = await runBot({ FEEDS: "off", FEEDS_ALLOW_PRIVATE: "127.0.0.1" });
    await until(
      "the health routes",
      async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status,
    );
    // The scheduler has ticked (every second) twice meanwhile; the intake would have polled at once.
    await new Promise((r) => setTimeout(r, 2_200));
    expect(await metricsText(port)).not.toContain("ceasefire_feed_fetches_total{");
    input.end();
    expect(await exit).toBe(0);
    expect(total()).toBe(before);
  });
});
