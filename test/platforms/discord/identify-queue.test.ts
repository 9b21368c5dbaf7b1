/**
 * One identify queue for every process (src/platforms/discord/identify-queue.ts): two discord.js clients,
 * as two processes each running one shard of a bot whose max_concurrency is 1, against the stand-in
 * that refuses an IDENTIFY less than 5 s after the last in its bucket, as Discord does. Through one store
 * (two connections to one SQLite file, as two processes open it) they identify 5 s apart and none is
 * refused; each on its own, they identify at once and Discord refuses one.
 */
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/platforms/discord/adapter.js";
import {
  IDENTIFY_WINDOW_MS,
  SharedIdentifyThrottler,
} from "../../../src/platforms/discord/identify-queue.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import type { WindowStore } from "../../../src/store/windows-sql.js";
import { captureLog, StandInDiscordGuilds, shippedCore, tempDir } from "../../support/index.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two "processes", shard 0 and shard 1 of 2, each with its own store connection when `shared`. */
async function twoProcesses(shared: boolean) {
  const standIn = await StandInDiscordGuilds.start({ guildCount: 20, shardCount: 2, maxConcurrency: 1 });
  cleanups.push(() => standIn.stop());
  const { core, data } = await shippedCore();
  cleanups.push(() => data.close());
  const file = join(tempDir(), "store.sqlite");
  const adapters: DiscordAdapter[] = [];
  for (const shard of [0, 1]) {
    const store = SqliteStore.open(file);
    cleanups.push(() => store.close());
    const adapter = createDiscordAdapter({
      core,
      token: "a-token",
      appId: standIn.appId,
      apiUrl: standIn.apiUrl,
      shards: { ids: [shard], count: 2 },
      log: captureLog().log,
      ...(shared ? { windows: store } : {}),
    });
    cleanups.push(() => adapter.stop());
    adapters.push(adapter);
  }
  return { standIn, adapters };
}

describe("the identify queue every process shares", () => {
  it("has two processes' shards in one bucket identify 5 s apart, none refused by Discord", async () => {
    const { standIn, adapters } = await twoProcesses(true);
    await Promise.all(adapters.map((a) => a.start()));
    expect(adapters.every((a) => a.connected())).toBe(true);
    expect(standIn.stats.identifiesTooSoon).toBe(0);
    expect(standIn.identified.map((i) => i.shard).sort()).toEqual([0, 1]);
    const [first, second] = standIn.identified;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(IDENTIFY_WINDOW_MS);
  }, 30_000);

  it("without it, the two processes identify at once and Discord refuses one", async () => {
    const { standIn, adapters } = await twoProcesses(false);
    for (const adapter of adapters) void adapter.start().catch(() => {});
    const until = Date.now() + 10_000;
    while (standIn.stats.identifiesTooSoon === 0 && Date.now() < until) await sleep(20);
    expect(standIn.stats.identifiesTooSoon).toBeGreaterThan(0);
    // In one CI run the teardown hung past 30 s, the clients stopped just as the refused shard was
    // handling its invalid session (not reproduced since). The refused shard identifies again on its
    // own: the clients are stopped once both are up, as no other test here stops them mid-handshake.
    const settled = Date.now() + 20_000;
    while (!adapters.every((a) => a.connected()) && Date.now() < settled) await sleep(50);
  }, 45_000);

  it("keys each bucket by the bot and by shard % max_concurrency", () => {
    const windows: WindowStore = { takeWindow: async () => 0 };
    const throttler = new SharedIdentifyThrottler({
      windows,
      appId: "42",
      maxConcurrency: 16,
      log: captureLog().log,
    });
    expect([0, 15, 16, 37].map((shard) => throttler.bucketKey(shard))).toEqual([
      "discord-identify:42:0",
      "discord-identify:42:15",
      "discord-identify:42:0",
      "discord-identify:42:5",
    ]);
  });

  it("waits what the store says is left, then identifies once it has the window", async () => {
    const answers = [120, 0];
    const asked: string[] = [];
    const windows: WindowStore = {
      takeWindow: async (key) => {
        asked.push(key);
        return answers.shift() ?? 0;
      },
    };
    const throttler = new SharedIdentifyThrottler({
      windows,
      appId: "42",
      maxConcurrency: 1,
      log: captureLog().log,
      jitterMs: 0,
    });
    const started = performance.now();
    await throttler.waitForIdentify(3, new AbortController().signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(asked).toEqual(["discord-identify:42:0", "discord-identify:42:0"]);
  });

  it("keeps the limit on its own, saying so once, when the store does not answer", async () => {
    const windows: WindowStore = {
      takeWindow: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      },
    };
    const { log, lines } = captureLog();
    const throttler = new SharedIdentifyThrottler({ windows, appId: "42", maxConcurrency: 2, log });
    const signal = new AbortController().signal;
    await throttler.waitForIdentify(0, signal);
    await throttler.waitForIdentify(1, signal);
    const warnings = lines().filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.msg)).toContain("keeps Discord's identify limit on its own");
    expect(warnings[0]).toMatchObject({ err: "connect ECONNREFUSED 127.0.0.1:5432" });
  });

  it("stops waiting when the shard is told to stop", async () => {
    const windows: WindowStore = { takeWindow: async () => 60_000 };
    const throttler = new SharedIdentifyThrottler({
      windows,
      appId: "42",
      maxConcurrency: 1,
      log: captureLog().log,
    });
    const abort = new AbortController();
    const waiting = throttler.waitForIdentify(0, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow(/abort/i);
  });
});
