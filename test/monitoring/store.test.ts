/**
 * The store as the running bot uses it: the same Store (it keeps the contract every engine keeps),
 * with each operation timed under its own name in the store latency histogram, failed ones included.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Metrics, noMetrics } from "../../src/monitoring/metrics.js";
import { TimedStore } from "../../src/monitoring/store.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeStoreContract, tempDir } from "../support/index.js";

describeStoreContract(
  "sqlite, timed",
  async () => new TimedStore(SqliteStore.open(join(tempDir(), "store.sqlite")), noMetrics),
);

/** Metrics that keep which store operations started and ended. */
function recording() {
  const started: string[] = [];
  const ended: string[] = [];
  const metrics: Metrics = {
    ...noMetrics,
    storeStarted: (operation) => {
      started.push(operation);
      return () => ended.push(operation);
    },
  };
  return { metrics, started, ended };
}

describe("a timed store", () => {
  it("times each operation under its own name, and is the engine it wraps", async () => {
    const rec = recording();
    const store = new TimedStore(SqliteStore.open(join(tempDir(), "bot.sqlite")), rec.metrics);
    expect(store.engine).toBe("sqlite");
    await store.setState("scheduler.plannedUntil", "2025-02-28T07:00:00.000Z", new Date());
    expect(await store.getState("scheduler.plannedUntil")).toBe("2025-02-28T07:00:00.000Z");
    await store.ping();
    expect(rec.started).toEqual(["setState", "getState", "ping"]);
    expect(rec.ended).toEqual(rec.started);
    await store.close();
  });

  it("times an operation that fails too, and lets the failure through", async () => {
    const rec = recording();
    const inner = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    const store = new TimedStore(inner, rec.metrics);
    await inner.close();
    await expect(store.getState("scheduler.plannedUntil")).rejects.toThrow();
    expect(rec.ended).toEqual(["getState"]);
  });
});
