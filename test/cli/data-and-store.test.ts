/**
 * What `start` opens first: the dataset (a bad one ends the start), and the store, which is waited
 * for while PostgreSQL is away (said once, named by /readyz's ping) and fails the start at once for
 * anything else.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openData, StoreWhenReachable } from "../../src/cli/data-and-store.js";
import { Cancel } from "../../src/delivery/reconnect.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import { captureLog, freePort, silentLog, tempDir } from "../support/index.js";

const backOff = { initialMs: 5, maxMs: 1_000 };

function refused(port: number): Error {
  return Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: "ECONNREFUSED" });
}

describe("the dataset", () => {
  it("opens from the data folder, and says on io why it cannot", async () => {
    const errors: string[] = [];
    const io = { out: () => {}, err: (t: string) => void errors.push(t) };
    const data = await openData("data", silentLog(), io);
    expect(data?.dataset.stories.length).toBeGreaterThan(0);
    data?.close();
    expect(await openData(join(tempDir(), "missing"), silentLog(), io)).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe("the store when PostgreSQL is away at start", () => {
  it("is waited for, said once, and named by the readiness ping until it opens", async () => {
    const { log, lines } = captureLog();
    let tries = 0;
    let release: () => void = () => {};
    const reachable = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store = new StoreWhenReachable({
      config: { DATA_DIR: tempDir(), DATABASE_URL: "postgres://bot@127.0.0.1:5999/bot" },
      log,
      backOff,
      open: async (): Promise<Store> => {
        tries++;
        if (tries < 3) throw refused(5999);
        await reachable;
        return SqliteStore.open(join(tempDir(), "bot.sqlite"));
      },
    });
    await expect(store.ping()).rejects.toThrow("not open yet");
    const opening = store.open();
    await expect.poll(() => tries).toBe(3);
    await expect(store.ping()).rejects.toThrow(
      "PostgreSQL is unreachable: connect ECONNREFUSED 127.0.0.1:5999 (DATABASE_URL)",
    );
    release();
    const opened = await opening;
    expect(opened).toBeDefined();
    await expect(store.ping()).resolves.toBeUndefined();
    const warned = lines().filter((l) => l.level === 40);
    expect(warned).toHaveLength(1);
    expect(lines().map((l) => l.msg)).toContain("PostgreSQL is reachable again (DATABASE_URL)");
    await opened?.close();
  });

  it("tries the real server's address and says what refused it", async () => {
    const port = await freePort();
    const { log, lines } = captureLog();
    const store = new StoreWhenReachable({
      config: { DATA_DIR: tempDir(), DATABASE_URL: `postgres://bot@127.0.0.1:${port}/bot` },
      log,
      backOff: { initialMs: 10_000, maxMs: 10_000 },
    });
    const cancel = new Cancel();
    const opening = store.open(cancel);
    await expect.poll(() => lines().length).toBe(1);
    cancel.cancel();
    await expect(opening).resolves.toBeUndefined();
    expect(String(lines()[0]?.msg)).toMatch(
      new RegExp(
        `^PostgreSQL is unreachable: connect ECONNREFUSED 127.0.0.1:${port} \\(DATABASE_URL\\); retrying in`,
      ),
    );
  });

  it("names PostgreSQL going away once open, for the readiness ping", async () => {
    const sqlite = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    let away = false;
    const store = new StoreWhenReachable({
      config: { DATA_DIR: tempDir(), DATABASE_URL: "postgres://bot@127.0.0.1:5999/bot" },
      log: silentLog(),
      backOff,
      open: async () =>
        Object.assign(Object.create(sqlite) as Store, {
          ping: () => (away ? Promise.reject(refused(5999)) : Promise.resolve()),
        }),
    });
    await store.open();
    await expect(store.ping()).resolves.toBeUndefined();
    away = true;
    await expect(store.ping()).rejects.toThrow(
      "PostgreSQL is unreachable: connect ECONNREFUSED 127.0.0.1:5999 (DATABASE_URL)",
    );
    await sqlite.close();
  });

  it("fails at once for anything that is not an outage", async () => {
    const store = new StoreWhenReachable({
      config: { DATA_DIR: tempDir(), DATABASE_URL: "postgres://bot@127.0.0.1:5999/bot" },
      log: silentLog(),
      backOff,
      open: () =>
        Promise.reject(Object.assign(new Error("password authentication failed"), { code: "28P01" })),
    });
    await expect(store.open()).rejects.toThrow("password authentication failed");
  });
});
