/**
 * Migration 7 on either engine: the rows of a version-6 store are carried over as they were, and the
 * store then keeps curators' channels (subscription kind `leads`) and their digests (delivery kind
 * `digest`), while still refusing any other kind.
 */
import { afterAll, describe, expect, it } from "vitest";
import { KINDS_MIGRATION } from "../../src/store/kinds-migration.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { NewDelivery, Store, SubscriptionKind } from "../../src/store/store.js";
import { sqliteFileAt, TestSchemas } from "../support/index.js";

const schemas = new TestSchemas("kinds_migration_test");
afterAll(() => schemas.dropAll());

const T0 = new Date("2026-03-02T10:00:00Z");
const curators = { platform: "discord", channelId: "222", story: "gaza-2025" };
const digest: NewDelivery = {
  key: "leads:gaza-2025:2026-03-02T10:00:00.000Z",
  platform: "discord",
  channelId: "222",
  kind: "digest",
  dueAt: T0,
  marker: "m",
  summary: "3 new leads",
};

/** What every migrated store must keep, and refuse. */
async function keepsLeadsAndDigests(store: Store): Promise<void> {
  const sub = await store.subscribe({ ...curators, workspaceId: "g1", kind: "leads", userId: "u1" }, T0);
  expect(sub).toMatchObject({ kind: "leads", active: true });
  expect(await store.claim(digest, T0)).toBe(true);
  expect((await store.delivery(digest))?.kind).toBe("digest");
  await expect(
    store.subscribe({ ...curators, workspaceId: "g1", kind: "leadz" as SubscriptionKind }, T0),
  ).rejects.toThrow();
}

describe("migration 7", () => {
  it("comes after the leads migration", () => {
    expect(MIGRATIONS.find((m) => m.version === 7)).toBe(KINDS_MIGRATION);
    expect(MIGRATIONS.find((m) => m.version === 6)?.name).toMatch(/^leads/);
  });

  it("carries a SQLite file's subscriptions and ledger over, and then keeps leads and digests", async () => {
    const { path, db } = sqliteFileAt(6);
    db.exec(`INSERT INTO subscriptions (platform, channel_id, story, workspace_id, kind, since_ms, updated_ms)
             VALUES ('discord', '111', 'gaza-2025', 'g1', 'reminders', 0, 0)`);
    db.exec(`INSERT INTO deliveries (key, platform, channel_id, kind, state, due_ms, marker, summary, owner, attempts, claimed_ms, lease_ms)
             VALUES ('k', 'discord', '111', 'reminder', 'claimed', 0, 'm', 's', 'old:1', 1, 5, 7)`);
    db.close();
    const store = SqliteStore.open(path);
    expect((await store.activeSubscriptions()).map((s) => [s.channelId, s.kind])).toEqual([
      ["111", "reminders"],
    ]);
    const [row] = await store.unconfirmed(new Date(7));
    expect(row).toMatchObject({ key: "k", kind: "reminder", owner: "old:1", attempts: 1 });
    expect(row?.leaseUntil.getTime()).toBe(7);
    await keepsLeadsAndDigests(store);
    await store.close();
  });

  it("lets a PostgreSQL schema keep leads and digests", async () => {
    const store = await schemas.open();
    await keepsLeadsAndDigests(store);
    await store.close();
  });
});
