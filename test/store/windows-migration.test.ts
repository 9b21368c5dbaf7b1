/**
 * Migration 11 on either engine: a table of its own for the shared time windows; a store migrated
 * before it keeps what it had, and every window is open.
 */
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { WINDOWS_MIGRATION } from "../../src/store/windows-migration.js";
import { sqliteFileAt, TestSchemas } from "../support/index.js";

const schemas = new TestSchemas("windows_migration_test");
afterAll(() => schemas.dropAll());

describe("migration 11 (shared windows)", () => {
  it("is version 11: one table of its own, nothing else touched", () => {
    expect(WINDOWS_MIGRATION.version).toBe(11);
    for (const sql of [WINDOWS_MIGRATION.sqlite, WINDOWS_MIGRATION.postgres]) {
      expect(sql).not.toMatch(/\b(DROP|ALTER)\b/);
      expect(sql.match(/CREATE TABLE (\w+)/g)).toEqual(["CREATE TABLE time_windows"]);
    }
  });

  it("carries a SQLite file at version 10 over with its subscriptions, every window open", async () => {
    const { path, db } = sqliteFileAt(10);
    db.exec(`INSERT INTO subscriptions (platform, channel_id, story, workspace_id, kind, since_ms, updated_ms)
             VALUES ('discord', '333', 'gaza-2025', 'g1', 'reminders', 0, 0)`);
    db.close();
    const store = SqliteStore.open(path);
    try {
      expect(await store.migrations()).toContain(11);
      expect((await store.activeSubscriptions()).map((s) => s.channelId)).toEqual(["333"]);
      expect(await store.takeWindow("discord-identify:1:0", 5_000)).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("gives a new PostgreSQL schema the table, every window open", async () => {
    const store = await schemas.open();
    try {
      expect(await store.migrations()).toContain(11);
      expect(await store.takeWindow("discord-identify:1:0", 5_000)).toBe(0);
    } finally {
      await store.close();
    }
  });
});
