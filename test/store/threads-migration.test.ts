/**
 * Migration 9 on either engine: a store migrated before it keeps its subscriptions and ledger as they
 * were, and every channel's thread setting starts off.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { THREADS_MIGRATION } from "../../src/store/threads-migration.js";
import { TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("threads_migration_test");
afterAll(() => schemas.dropAll());

const T0 = new Date("2026-03-02T10:00:00Z");
const channel = { platform: "discord", channelId: "333" };

describe("migration 9 (threads and forums)", () => {
  it("is version 9 and adds tables of its own only", () => {
    expect(THREADS_MIGRATION.version).toBe(9);
    for (const sql of [THREADS_MIGRATION.sqlite, THREADS_MIGRATION.postgres]) {
      expect(sql).not.toMatch(/\b(ALTER|DROP)\b/);
      expect(sql.match(/CREATE TABLE (\w+)/g)).toEqual([
        "CREATE TABLE thread_settings",
        "CREATE TABLE thread_anchors",
      ]);
    }
  });

  for (const [engine, open] of [
    ["sqlite", async () => SqliteStore.open(join(tempDir(), "t.sqlite"))],
    ["postgres", () => schemas.open()],
  ] as const) {
    it(`leaves every channel off until it asks for threads (${engine})`, async () => {
      const store = await open();
      try {
        expect(await store.migrations()).toContain(9);
        await store.subscribe({ ...channel, story: "*", workspaceId: "g1", kind: "all" }, T0);
        expect(await store.threadMode(channel)).toBe("off");
      } finally {
        await store.close();
      }
    });
  }
});
