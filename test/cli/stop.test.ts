/**
 * Stopping a long-running command on SIGTERM or SIGINT: the stop runs once, with a time limit on the
 * work under way. (That the process then exits 0, 1 or 128 + the signal is specified where it runs as
 * a process: test/e2e/shutdown.test.ts and the desk's and the proxy's command tests.)
 */
import { describe, expect, it } from "vitest";
import { exitOnStopSignals, settledWithin } from "../../src/cli/stop.js";
import { silentLog } from "../support/index.js";

describe("settledWithin", () => {
  it("is true when the work settles in time, fulfilled or rejected", async () => {
    expect(await settledWithin(Promise.resolve("done"), 50)).toBe(true);
    expect(await settledWithin(Promise.reject(new Error("failed")), 50)).toBe(true);
  });

  it("is false when the work is still under way at the limit", async () => {
    expect(await settledWithin(new Promise(() => {}), 20)).toBe(false);
  });
});

describe("exitOnStopSignals", () => {
  it("listens for SIGTERM and SIGINT until what it returns removes its handlers", () => {
    const before = { term: process.listenerCount("SIGTERM"), int: process.listenerCount("SIGINT") };
    const remove = exitOnStopSignals({ stop: async () => true, stopping: () => false, log: silentLog() });
    expect(process.listenerCount("SIGTERM")).toBe(before.term + 1);
    expect(process.listenerCount("SIGINT")).toBe(before.int + 1);
    remove();
    expect(process.listenerCount("SIGTERM")).toBe(before.term);
    expect(process.listenerCount("SIGINT")).toBe(before.int);
  });
});
