/**
 * What every store is: the Store contract's readiness on either engine, the kinds of subscription and
 * the story a channel follows when it follows them all, which engine serves one process only, and
 * which delivery states are final.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import {
  ALL_STORIES,
  isFinal,
  isReaders,
  READER_KINDS,
  SUBSCRIPTION_KINDS,
  servesOneProcess,
} from "../../src/store/store.js";
import { describeReadinessContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("store_test");
afterAll(() => schemas.dropAll());

describeReadinessContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeReadinessContract("postgres", () => schemas.open());

describe("a subscription", () => {
  it("is to reminders, updates or both, of one story or of every story (*), a curators' channel, or a server's events", () => {
    expect(SUBSCRIPTION_KINDS).toEqual(["reminders", "updates", "all", "leads", "events"]);
    expect(READER_KINDS).toEqual(["reminders", "updates", "all"]);
    expect(ALL_STORIES).toBe("*");
  });

  it("makes its channel a readers' channel unless it is a curators' channel or keeps a server's events", () => {
    expect(READER_KINDS.map((kind) => isReaders({ kind }))).toEqual([true, true, true]);
    expect(isReaders({ kind: "leads" })).toBe(false);
    expect(isReaders({ kind: "events" })).toBe(false);
  });
});

describe("the engines", () => {
  it("SQLite serves one bot process; PostgreSQL any number", () => {
    expect(servesOneProcess({ engine: "sqlite" })).toBe(true);
    expect(servesOneProcess({ engine: "postgres" })).toBe(false);
  });
});

describe("a delivery's state", () => {
  it("is final once it is anything but claimed", () => {
    expect(isFinal("claimed")).toBe(false);
    for (const state of ["sent", "sent_late", "skipped", "failed"] as const)
      expect(isFinal(state), state).toBe(true);
  });
});
