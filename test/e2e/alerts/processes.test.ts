/**
 * Several bot processes on one PostgreSQL store, end to end: three child processes (the real
 * scheduler on its cron job and the real deliverer, test/support/scripts/fleet-child.ts) fan the 28 Feb
 * 09:00 reminders and one news update out to 1,000 channels (half on the stand-in Discord, half on the
 * stand-in Slack). One is SIGKILLed mid fan-out and another restarted; or the database drops every
 * one of their connections mid fan-out. Every channel must end with each item exactly once — counted
 * on the platforms' side — and no claim left open.
 *
 * The database goes away two ways: a real restart (a fast shutdown, down for a second, started again)
 * of a throwaway server of the test's own, since the server at PGURL_TEST is shared with other test
 * runs that a restart would break; and, on that shared server, every one of the fleet's sessions
 * terminated (pg_terminate_backend), again and again for 1.5 s, so that reconnections fail too.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import type { PlatformName } from "../../../src/store/store.js";
import { ManualClock, systemClock } from "../../../src/time/clock.js";
import {
  freePort,
  killScripts,
  makeScheduler,
  RecordingSender,
  type RunningScript,
  runScript,
  StandInDiscordChannels,
  StandInSlackChannels,
  shippedData,
  shippedStory,
  startThrowawayPostgres,
  TestSchemas,
  tempDir,
  until,
  withEvidence,
} from "../../support/index.js";

const CHANNELS = 1_000;
const LEASE_MS = 2_000;
const NEWS = "update:gaza-2025:event:fleet-talks";
const ITEMS = ["gaza-2025:phase-one-end:1d", "gaza-2025:philadelphi-withdrawal-start:1d", NEWS];
const EXPECTED = CHANNELS * ITEMS.length;

const shared = new TestSchemas("fleet_test");
afterAll(() => shared.dropAll());

afterEach(killScripts);

/** Half the channels on each platform. */
const channels: { platform: PlatformName; channelId: string }[] = Array.from({ length: CHANNELS }, (_, i) =>
  i % 2
    ? { platform: "slack", channelId: `C${100000 + i}` }
    : { platform: "discord", channelId: String(900000 + i) },
);

/**
 * The store as the bot left it at 08:59 in Jerusalem (06:59 UTC): the data known, nothing due yet,
 * every channel subscribed to everything of the story; then a curator's edit (one more event) that
 * the fleet finds as news when it starts.
 */
async function prepare(schemas: TestSchemas): Promise<{ schema: string; dataDir: string }> {
  const schema = schemas.next();
  const store = await schemas.open(schema);
  await makeScheduler({
    store,
    data: { dataset: shippedData() },
    clock: new ManualClock("2025-02-28T06:59:00Z"),
    sender: new RecordingSender(),
  }).tick();
  for (const c of channels) {
    await store.subscribe(
      { ...c, story: "gaza-2025", workspaceId: "w1", kind: "all" },
      new Date("2025-02-28T06:59:30Z"),
    );
  }
  await store.close();
  const dataDir = tempDir();
  const story = shippedStory();
  // The day before the 28 February article, which reports it: known from the start of 28 February
  // (what the article tells of its own day is known only from the end of that day).
  story.events.push(
    withEvidence({
      id: "fleet-talks",
      when: "2025-02-27",
      title: "Mediators meet both delegations in Cairo",
      tags: ["talks"],
      sourceIds: ["aj-2025-02-28"],
    }),
  );
  writeFileSync(join(dataDir, "gaza-2025.json"), JSON.stringify(story));
  return { schema, dataDir };
}

/** The processes of one fleet: one schema, one data folder, one clock (07:00:30 UTC when it starts). */
function fleet(schemas: TestSchemas, schema: string, dataDir: string, apis: string[]) {
  const anchor = systemClock.now().getTime();
  return (name: string): RunningScript =>
    runScript(
      "test/support/scripts/fleet-child.ts",
      [name, schema, dataDir, "2025-02-28T07:00:30Z", String(anchor), String(LEASE_MS), ...apis],
      { PGURL_TEST: schemas.url },
    );
}

/** Both stand-ins, and what they hold. */
async function platforms() {
  const discord = await StandInDiscordChannels.start({ postLatencyMs: 15 });
  const slack = await StandInSlackChannels.start({ postLatencyMs: 15 });
  const markersIn = (c: (typeof channels)[number]) =>
    (c.platform === "discord" ? discord : slack).markersIn(c.channelId);
  return {
    apis: [`discord=${discord.apiUrl}`, `slack=${slack.apiUrl}`],
    total: () => discord.total() + slack.total(),
    /** Channels that do not hold each item exactly once. */
    wrong: () => {
      const want = ITEMS.map(markerFor).sort().join();
      return channels.filter((c) => markersIn(c).sort().join() !== want).map((c) => c.channelId);
    },
    stop: async () => {
      await discord.stop();
      await slack.stop();
    },
  };
}

/** The ledger's rows by state, and by how many attempts they took. */
async function ledger(
  schemas: TestSchemas,
  schema: string,
): Promise<{ states: Record<string, number>; retaken: number }> {
  const client = await schemas.client();
  try {
    const states = await client.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM ${schema}.deliveries GROUP BY state`,
    );
    const retaken = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.deliveries WHERE attempts > 1`,
    );
    return {
      states: Object.fromEntries(states.rows.map((r) => [r.state, r.n])),
      retaken: retaken.rows[0]?.n ?? 0,
    };
  } finally {
    await client.end();
  }
}

/** Claims the process named `name` holds right now. */
async function claimsOf(schemas: TestSchemas, schema: string, name: string): Promise<number> {
  const client = await schemas.client();
  try {
    const r = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.deliveries WHERE state = 'claimed' AND owner LIKE $1`,
      [`${name}:%`],
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Waits until every item is in every channel and the ledger holds no open claim, then a little more. */
async function settled(
  schemas: TestSchemas,
  schema: string,
  side: Awaited<ReturnType<typeof platforms>>,
): Promise<void> {
  await until(
    "every item in every channel and no claim left open",
    async () =>
      side.total() >= EXPECTED && (await ledger(schemas, schema)).states.claimed === undefined
        ? true
        : undefined,
    45_000,
  );
  // Ticks run every second: give them two more to send anything twice, if they were to.
  await new Promise((r) => setTimeout(r, 2_000));
}

/** Checks every channel holds each item exactly once, and the ledger has every row sent. */
async function expectEachItemOnce(
  schemas: TestSchemas,
  schema: string,
  side: Awaited<ReturnType<typeof platforms>>,
): Promise<{ retaken: number }> {
  await settled(schemas, schema, side);
  const wrong = side.wrong();
  expect(wrong, `channels without each item exactly once, e.g. ${wrong.slice(0, 3).join(", ")}`).toEqual([]);
  expect(side.total()).toBe(EXPECTED);
  const { states, retaken } = await ledger(schemas, schema);
  expect(states).toEqual({ sent: EXPECTED });
  return { retaken };
}

/** Three processes fan out; `outage` takes the database away mid fan-out; they must finish the job. */
async function survive(schemas: TestSchemas, outage: (schema: string) => Promise<void>): Promise<void> {
  const side = await platforms();
  try {
    const { schema, dataDir } = await prepare(schemas);
    const members = ["a", "b", "c"].map(fleet(schemas, schema, dataDir, side.apis));

    await until("the fan-out under way", () => (side.total() >= EXPECTED * 0.3 ? true : undefined), 30_000);
    await outage(schema);
    expect(side.total()).toBeLessThan(EXPECTED); // the outage came mid fan-out

    await expectEachItemOnce(schemas, schema, side);
    // Every process lived through it, and stops cleanly.
    for (const m of members) expect(m.child.exitCode).toBeNull();
    for (const m of members) m.child.kill("SIGTERM");
    for (const m of members) {
      const exit = await m.done;
      expect(exit.code, exit.err).toBe(0);
    }
  } finally {
    await side.stop();
  }
}

describe("three bot processes on one PostgreSQL store, fanning out to 1,000 channels", () => {
  it("deliver each item exactly once when one is SIGKILLed mid fan-out and another restarted", async () => {
    const side = await platforms();
    try {
      const { schema, dataDir } = await prepare(shared);
      const start = fleet(shared, schema, dataDir, side.apis);
      const [a, b, c] = ["a", "b", "c"].map(start) as [RunningScript, RunningScript, RunningScript];

      // Frozen (SIGSTOP) before its claims are counted, so it cannot settle them between the count
      // and its death; thawed to go on when it held none at that moment.
      await until(
        "a mid fan-out, holding claims",
        async () => {
          if (side.total() < EXPECTED * 0.4) return undefined;
          a.child.kill("SIGSTOP");
          if ((await claimsOf(shared, schema, "a")) > 0) return true;
          a.child.kill("SIGCONT");
          return undefined;
        },
        30_000,
      );
      a.child.kill("SIGKILL");
      expect((await a.done).signal).toBe("SIGKILL");
      expect(side.total()).toBeLessThan(EXPECTED); // it really died mid fan-out

      b.child.kill("SIGTERM");
      const stopped = await b.done;
      expect(stopped.code, stopped.err).toBe(0);
      const b2 = start("b2");

      const { retaken } = await expectEachItemOnce(shared, schema, side);
      expect(retaken).toBeGreaterThan(0); // the dead process's claims were settled by the others

      for (const m of [c, b2]) m.child.kill("SIGTERM");
      for (const m of [c, b2]) expect((await m.done).code).toBe(0);
    } finally {
      await side.stop();
    }
  }, 60_000);

  it("deliver each item exactly once when PostgreSQL restarts mid fan-out", async () => {
    const url = new URL(`postgres://postgres@127.0.0.1:${await freePort()}/test`);
    const server = await startThrowawayPostgres(url);
    try {
      // A fast shutdown ends every session; for a second nothing answers; then it is back.
      await survive(new TestSchemas("fleet_restart", url.href), () => server.restart(1_000));
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("deliver each item exactly once when the database drops all their sessions mid fan-out", async () => {
    await survive(shared, async (schema) => {
      const admin = await shared.client();
      let dropped = 0;
      try {
        const outageEnds = performance.now() + 1_500;
        while (performance.now() < outageEnds) {
          const r = await admin.query<{ ok: boolean }>(
            "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1",
            [`fleet-${schema}`],
          );
          dropped += r.rows.filter((row) => row.ok).length;
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await admin.end();
      }
      expect(dropped).toBeGreaterThan(0);
    });
  }, 60_000);
});
