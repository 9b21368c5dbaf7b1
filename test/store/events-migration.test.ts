/**
 * Migration 8 on either engine: the subscriptions of a version-7 store are carried over as they were,
 * and the store then keeps subscriptions of kind `events` and the events' rows, while still refusing
 * any other kind.
 */
import { afterAll, describe, expect, it } from "vitest";
import { EVENTS_MIGRATION } from "../../src/store/events-migration.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store, SubscriptionKind } from "../../src/store/store.js";
import { sqliteFileAt, TestSchemas } from "../support/index.js";

const schemas = new TestSchemas("events_migration_test");
afterAll(() => schemas.dropAll());

const T0 = new Date("2026-03-02T10:00:00Z");
const server = { platform: "discord", channelId: "222", story: "gaza-2025", workspaceId: "g1" };

async function keepsEvents(store: Store): Promise<void> {
  expect(await store.subscribe({ ...server, kind: "events" }, T0)).toMatchObject({ kind: "events" });
  const ref = { platform: "discord", workspaceId: "g1", story: "gaza-2025", deadline: "d" };
  expect(await store.claimEvent(ref, { owner: "a", until: T0 }, T0)).toMatchObject(ref);
  await expect(store.subscribe({ ...server, kind: "eventz" as SubscriptionKind }, T0)).rejects.toThrow();
}

describe("migration 8", () => {
  it("is version 8, after the kinds migration", () => {
    expect(MIGRATIONS.find((m) => m.version === 8)).toBe(EVENTS_MIGRATION);
  });

  it("carries a SQLite file's subscriptions over, and then keeps events", async () => {
    const { path, db } = sqliteFileAt(7);
    db.exec(`INSERT INTO subscriptions (platform, channel_id, story, workspace_id, kind, lead_times, since_ms, updated_ms)
             VALUES ('discord', '111', 'gaza-2025', 'g1', 'reminders', '["1d"]', 5, 6),
                    ('slack', 'C1', '*', 'T1', 'leads', NULL, 7, 8)`);
    db.close();
    const store = SqliteStore.open(path);
    expect((await store.activeSubscriptions()).map((s) => [s.channelId, s.kind, s.leadTimes])).toEqual([
      ["111", "reminders", ["1d"]],
      ["C1", "leads", undefined],
    ]);
    await keepsEvents(store);
    await store.close();
  });

  it("lets a PostgreSQL schema keep events", async () => {
    const store = await schemas.open();
    await keepsEvents(store);
    await store.close();
  });
});
