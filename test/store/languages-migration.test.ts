/**
 * Migration 10 on either engine: a store migrated before it keeps its subscriptions as they were,
 * each with no language (English), and nobody has chosen a language yet.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LANGUAGES_MIGRATION } from "../../src/store/languages-migration.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { sqliteFileAt, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("languages_migration_test");
afterAll(() => schemas.dropAll());

const T0 = new Date("2026-12-07T10:00:00Z");
const channel = { platform: "discord", channelId: "333" };

describe("migration 10 (languages)", () => {
  it("is version 10: a table of its own and a column added to subscriptions, nothing dropped", () => {
    expect(LANGUAGES_MIGRATION.version).toBe(10);
    for (const sql of [LANGUAGES_MIGRATION.sqlite, LANGUAGES_MIGRATION.postgres]) {
      expect(sql).not.toMatch(/\bDROP\b/);
      expect(sql.match(/CREATE TABLE (\w+)/g)).toEqual(["CREATE TABLE user_languages"]);
      expect(sql.match(/ALTER TABLE \w+ ADD COLUMN \w+/g)).toEqual([
        "ALTER TABLE subscriptions ADD COLUMN language",
      ]);
    }
  });

  it("carries a SQLite file's subscriptions over unchanged, in no language", async () => {
    const { path, db } = sqliteFileAt(9);
    db.exec(`INSERT INTO subscriptions (platform, channel_id, story, workspace_id, kind, since_ms, updated_ms)
             VALUES ('discord', '333', 'gaza-2025', 'g1', 'reminders', 0, 0)`);
    db.close();
    const store = SqliteStore.open(path);
    try {
      expect(await store.migrations()).toContain(10);
      const [sub] = await store.activeSubscriptions();
      expect([sub?.channelId, sub?.story, sub?.kind, sub?.language]).toEqual([
        "333",
        "gaza-2025",
        "reminders",
        undefined,
      ]);
      expect(await store.userLanguage({ platform: "discord", userId: "U1" })).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  for (const [engine, open] of [
    ["sqlite", async () => SqliteStore.open(join(tempDir(), "t.sqlite"))],
    ["postgres", () => schemas.open()],
  ] as const) {
    it(`leaves a new subscription in no language and nobody's choice made (${engine})`, async () => {
      const store = await open();
      try {
        expect(await store.migrations()).toContain(10);
        const sub = await store.subscribe({ ...channel, story: "*", workspaceId: "g1", kind: "all" }, T0);
        expect(sub.language).toBeUndefined();
        expect(await store.userLanguage({ platform: "discord", userId: "U1" })).toBeUndefined();
      } finally {
        await store.close();
      }
    });
  }
});
