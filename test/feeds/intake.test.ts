/**
 * The intake's rounds against the stand-in news sites: the feeds of the dataset served right now (a
 * curator's edit is picked up at the next round), in one process at a time — two intakes on one
 * PostgreSQL store never both fetch a feed in a round, counted on the stand-in's side — and a stop
 * that waits for the round under way and lets the lease go.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/dataset/dataset.js";
import { addressPolicy } from "../../src/feeds/addresses.js";
import { INTAKE_LEASE, Intake, type IntakeOptions, watchedFeeds } from "../../src/feeds/intake.js";
import { noMetrics } from "../../src/monitoring/metrics.js";
import type { PostgresStore } from "../../src/store/postgres.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ManualClock } from "../../src/time/clock.js";
import {
  datasetOf,
  type RawStory,
  StandInFeeds,
  shippedStory,
  silentLog,
  TestSchemas,
  tempDir,
  until,
} from "../support/index.js";

const T0 = "2025-02-27T10:00:00Z";
const MINUTE = 60_000;
const LEASE_MS = 3 * MINUTE;

let feeds: StandInFeeds;
beforeAll(async () => {
  feeds = await StandInFeeds.start();
});
afterAll(() => feeds.close());

/** The shipped story watching the stand-in's `paths` (feed ids are the paths' names), every 15 minutes. */
function storyWatching(...paths: string[]): RawStory {
  const story = shippedStory();
  story.feeds = paths.map((path) => ({
    id: path.replace(/^\/|\..*$/g, "").replace(/[^a-z0-9]+/g, "-"),
    url: feeds.url(path),
    outlet: `Outlet of ${path}`,
    interval: "15m",
  }));
  return story;
}

/** Requests of each path since `before` (a copy of the stand-in's counts). */
function since(before: ReadonlyMap<string, number>, ...paths: string[]): number[] {
  return paths.map((p) => feeds.count(p) - (before.get(p) ?? 0));
}

function intake(
  store: IntakeOptions["store"],
  data: { dataset: Dataset },
  clock: ManualClock,
  owner?: string,
): Intake {
  return new Intake({
    store,
    data,
    clock,
    log: silentLog(),
    limits: {
      timeoutMs: 2_000,
      maxBytes: 200_000,
      maxRedirects: 3,
      policy: addressPolicy(["127.0.0.1"]),
      userAgent: "ceasefire-bot tests",
    },
    metrics: noMetrics,
    leaseMs: LEASE_MS,
    ...(owner ? { owner } : {}),
  });
}

describe("the intake in one process", () => {
  let store: SqliteStore;
  let clock: ManualClock;
  beforeEach(() => {
    store = SqliteStore.open(join(tempDir(), "intake.sqlite"));
    clock = new ManualClock(T0);
  });
  afterEach(() => store.close());

  it("polls the feeds the served dataset lists, once per interval, and picks a curator's edit up at the next round", async () => {
    const data = { dataset: datasetOf(storyWatching("/rss.xml")) };
    const running = intake(store, data, clock);
    const before = new Map(feeds.requests);
    expect(await running.round()).toMatchObject({ ran: true, fetched: 1, newLeads: 2 });
    clock.advance(5 * MINUTE);
    expect(await running.round()).toMatchObject({ ran: true, fetched: 0, notModified: 0 });
    expect(since(before, "/rss.xml")).toEqual([1]);

    // A curator adds a feed: the next round fetches it, the first one waits out its interval.
    data.dataset = datasetOf(storyWatching("/rss.xml", "/atom.xml"));
    expect(await running.round()).toMatchObject({ fetched: 1, notModified: 0 });
    clock.advance(10 * MINUTE);
    expect(await running.round()).toMatchObject({ fetched: 0, notModified: 1 });
    expect(since(before, "/rss.xml", "/atom.xml")).toEqual([2, 1]);
    expect(watchedFeeds(data.dataset).map((w) => [w.story, w.feed.id])).toEqual([
      ["gaza-2025", "rss"],
      ["gaza-2025", "atom"],
    ]);
    await running.stop();
  });

  it("does nothing while no story lists a feed", async () => {
    const total = [...feeds.requests.values()].reduce((a, b) => a + b, 0);
    const running = intake(store, { dataset: datasetOf(shippedStory()) }, clock);
    expect(await running.round()).toEqual({ ran: false, why: "no-feeds" });
    expect([...feeds.requests.values()].reduce((a, b) => a + b, 0)).toBe(total);
    expect(await store.getState(INTAKE_LEASE)).toBeUndefined();
  });

  it("takes the lease a previous run left on a store for one process (that process is gone)", async () => {
    const data = { dataset: datasetOf(storyWatching("/feed.json")) };
    const until = new Date(clock.now().getTime() + LEASE_MS).toISOString();
    await store.setState(INTAKE_LEASE, JSON.stringify({ owner: "dead-run", until }), clock.now());
    expect(await intake(store, data, clock).round()).toMatchObject({ ran: true, fetched: 1 });
  });

  it("runs a first round as soon as it starts; stop waits for the round under way", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived = 0;
    feeds.serve("/held.xml", (_req, res) => {
      arrived++;
      void held.then(() => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          '<rss version="2.0"><channel><title>x</title><item><title>Held</title><link>https://news.example/held</link></item></channel></rss>',
        );
      });
    });
    const running = intake(store, { dataset: datasetOf(storyWatching("/held.xml")) }, clock);
    running.start();
    await until("the round's request", () => (arrived > 0 ? true : undefined));
    let stopped = false;
    const stopping = running.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await store.leads({ story: "gaza-2025", limit: 5 })).map((l) => l.title)).toEqual(["Held"]);
    expect(await store.feedState("gaza-2025", "held")).toMatchObject({ lastNewLeads: 1 });
    expect(await running.round()).toEqual({ ran: false, why: "stopped" });
    expect(arrived).toBe(1);
  });
});

describe("two intakes on one PostgreSQL store", () => {
  const schemas = new TestSchemas("intake_test");
  afterAll(() => schemas.dropAll());
  let stores: PostgresStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
  });

  /** Two processes' intakes: each its own connection pool to one schema, one clock. */
  async function pair(story: RawStory): Promise<{ a: Intake; b: Intake; clock: ManualClock }> {
    const schema = schemas.next();
    stores = [await schemas.open(schema), await schemas.open(schema)];
    const clock = new ManualClock(T0);
    const data = { dataset: datasetOf(story) };
    const [one, two] = stores;
    if (!one || !two) throw new Error("no stores");
    return { a: intake(one, data, clock, "process-a"), b: intake(two, data, clock, "process-b"), clock };
  }

  it("never both fetch a feed in a round: one polls, every feed once per interval", async () => {
    const paths = ["/rss.xml", "/atom.xml", "/feed.json"];
    const { a, b, clock } = await pair(storyWatching(...paths));
    const before = new Map(feeds.requests);
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([a.round(), b.round()]);
      expect(results.filter((r) => r.ran).length, `round ${round}`).toBe(1);
      expect(since(before, ...paths)).toEqual(paths.map(() => round + 1));
      clock.advance(15 * MINUTE);
    }
  });

  it("hands the polling over when the holder stops, or once the lease of one that died has ended", async () => {
    const { a, b, clock } = await pair(storyWatching("/rss.xml"));
    expect(await a.round()).toMatchObject({ ran: true });
    expect(await b.round()).toEqual({ ran: false, why: "not-ours" });
    await a.stop();
    expect(await b.round()).toMatchObject({ ran: true });

    // b dies without letting go: c waits for the lease to end.
    const [one] = stores;
    if (!one) throw new Error("no store");
    const c = intake(one, { dataset: datasetOf(storyWatching("/rss.xml")) }, clock, "process-c");
    clock.advance(LEASE_MS - 1);
    expect(await c.round()).toEqual({ ran: false, why: "not-ours" });
    clock.advance(1);
    expect(await c.round()).toMatchObject({ ran: true });
  });
});
