/**
 * The store's schema, migrated in order on either engine: the migrations a file or schema lacks are
 * applied once, even by processes opening it together, and the rows of an older schema are carried
 * over (a subscription from before stories to every story, a claim from before leases as free at once).
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { LATEST_VERSION, MIGRATIONS } from "../../src/store/migrations.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("migrations_test");
afterAll(() => schemas.dropAll());

describe("the migrations", () => {
  it("are numbered 1 to the latest, in order, each in both dialects", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    for (const m of MIGRATIONS) {
      expect(m.name.length, `migration ${m.version}`).toBeGreaterThan(0);
      expect(m.sqlite.trim().length, `migration ${m.version} on SQLite`).toBeGreaterThan(0);
      expect(m.postgres.trim().length, `migration ${m.version} on PostgreSQL`).toBeGreaterThan(0);
    }
  });
});

describe("migrating a SQLite file", () => {
  it("carries a subscription made before stories could be chosen over to every story (*)", async () => {
    const path = join(tempDir(), "v1.sqlite");
    const db = new Database(path);
    db.exec(MIGRATIONS[0]?.sqlite ?? "");
    db.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)",
    );
    db.exec("INSERT INTO schema_migrations VALUES (1, 'v1', 0)");
    db.exec(`INSERT INTO subscriptions (platform, channel_id, workspace_id, kind, since_ms, updated_ms)
             VALUES ('discord', '111', 'g1', 'reminders', 0, 0)`);
    db.close();
    const store = SqliteStore.open(path);
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await store.activeSubscriptions()).map((s) => [s.channelId, s.story, s.kind])).toEqual([
      ["111", "*", "reminders"],
    ]);
    await store.close();
  });

  it("carries a claim made before claims had leases over as free at once", async () => {
    const path = join(tempDir(), "v2.sqlite");
    const db = new Database(path);
    db.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)",
    );
    for (const m of MIGRATIONS.slice(0, 2)) {
      db.exec(m.sqlite);
      db.prepare("INSERT INTO schema_migrations VALUES (?, ?, 0)").run(m.version, m.name);
    }
    const claimedMs = Date.parse("2025-02-28T07:00:00Z");
    db.prepare(
      `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_ms, marker, summary, owner, attempts, claimed_ms)
       VALUES ('k', 'discord', '111', 'reminder', 'claimed', 0, 'm', 's', 'old:1', 1, ?)`,
    ).run(claimedMs);
    db.close();
    const store = SqliteStore.open(path);
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const [row] = await store.unconfirmed(new Date(claimedMs));
    expect(row?.leaseUntil.toISOString()).toBe("2025-02-28T07:00:00.000Z");
    await store.close();
  });
});

describe("migrating a PostgreSQL schema", () => {
  it("migrates once even when three processes open the same schema together", async () => {
    const schema = schemas.next("shared");
    const stores = await Promise.all([1, 2, 3].map(() => schemas.open(schema, { max: 2 })));
    for (const store of stores) {
      expect(await store.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      await store.close();
    }
  });

  it("carries a claim made before claims had leases over as free at once", async () => {
    const schema = schemas.next("v2");
    const client = await schemas.client();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    await client.query(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    for (const m of MIGRATIONS.slice(0, 2)) {
      await client.query(m.postgres);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        m.version,
        m.name,
      ]);
    }
    await client.query(
      `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_at, marker, summary, owner, attempts, claimed_at)
       VALUES ('k', 'discord', '111', 'reminder', 'claimed', now(), 'm', 's', 'old:1', 1, '2025-02-28T07:00:00Z')`,
    );
    await client.end();
    const store = await schemas.open(schema);
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const [row] = await store.unconfirmed(new Date("2025-02-28T07:00:00Z"));
    expect(row?.leaseUntil.toISOString()).toBe("2025-02-28T07:00:00.000Z");
    await store.close();
  });

  it("carries a subscription made before stories could be chosen over to every story (*)", async () => {
    const schema = schemas.next("v1");
    const client = await schemas.client();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    await client.query(MIGRATIONS[0]?.postgres ?? "");
    await client.query(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    await client.query("INSERT INTO schema_migrations (version, name) VALUES (1, 'v1')");
    await client.query(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, kind, since, updated_at)
       VALUES ('discord', '111', 'g1', 'reminders', now(), now())`,
    );
    await client.end();
    const store = await schemas.open(schema);
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await store.activeSubscriptions()).map((s) => [s.channelId, s.story])).toEqual([["111", "*"]]);
    await store.close();
  });
});
