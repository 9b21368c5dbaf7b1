/**
 * This process's leases on the rows it works on: a claim is the process's for `leaseMs`, renewed every
 * third of it while the row is held, and no longer once it is let go; a store that cannot renew is
 * logged and the sends go on.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Leases } from "../../src/delivery/leases.js";
import { markerFor } from "../../src/delivery/marker.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { captureLog, silentLog, tempDir } from "../support/index.js";

const LEASE_MS = 90;
const KEY = "gaza-2025:phase-one-end:1d";
const ref = { platform: "discord" as const, channelId: "C1", key: KEY };
const entry = { ...ref, kind: "reminder" as const, dueAt: new Date(), marker: markerFor(KEY), summary: "" };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let store: SqliteStore;
beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
});
afterEach(async () => {
  await store.close().catch(() => {});
});

function leases(log = silentLog()): Leases {
  return new Leases({ store, log, now: () => new Date(), owner: "host:1", leaseMs: LEASE_MS });
}

describe("a lease", () => {
  it("is this process's, until leaseMs from now", () => {
    const before = Date.now();
    const lease = leases().lease();
    expect(lease.owner).toBe("host:1");
    expect(lease.until.getTime()).toBeGreaterThanOrEqual(before + LEASE_MS);
    expect(lease.until.getTime()).toBeLessThanOrEqual(Date.now() + LEASE_MS);
  });
});

describe("a held row", () => {
  it("has its lease renewed while held, and no longer once let go", async () => {
    const l = leases();
    const lease = l.lease();
    await store.claim({ ...entry, owner: lease.owner, leaseUntil: lease.until }, new Date());
    const first = (await store.delivery(ref))?.leaseUntil.getTime() ?? 0;
    l.hold(ref);
    await pause(LEASE_MS * 2);
    const renewed = (await store.delivery(ref))?.leaseUntil.getTime() ?? 0;
    expect(renewed).toBeGreaterThan(first);
    l.letGo(ref);
    await pause(LEASE_MS / 3); // a renewal under way when it was let go ends
    const settled = (await store.delivery(ref))?.leaseUntil.getTime();
    await pause(LEASE_MS);
    expect((await store.delivery(ref))?.leaseUntil.getTime()).toBe(settled);
  });

  it("is still held when the store cannot renew its lease, which is logged", async () => {
    const captured = captureLog();
    const l = leases(captured.log);
    await store.close();
    l.hold(ref);
    await expect
      .poll(() => captured.text(), { timeout: 2_000 })
      .toContain("could not renew the leases of the claims under way");
    l.letGo(ref);
  });
});
