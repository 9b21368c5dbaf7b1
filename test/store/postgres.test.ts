/**
 * The Store contract on PostgreSQL, in a fresh schema per store (test/support/postgres.ts: the
 * server at PGURL_TEST; when it is not reachable these tests fail, never skip, saying how to start it).
 */
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import type { PostgresStore } from "../../src/store/postgres.js";
import { TestSchemas } from "../support/index.js";
import { describeStoreContract } from "./contract.js";

const schemas = new TestSchemas("store_test");
afterAll(() => schemas.dropAll());

describe("PostgreSQL for the store tests", () => {
  it("is reachable", async () => {
    const client = await schemas.client();
    expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await client.end();
  });
});

describeStoreContract("postgres", () => schemas.open());

describe("PostgresStore", () => {
  it("migrates once even when three processes open the same schema together", async () => {
    const schema = schemas.next("shared");
    const stores = await Promise.all([1, 2, 3].map(() => schemas.open(schema, { max: 2 })));
    for (const store of stores) {
      expect(await store.migrations()).toEqual([1, 2, 3, 4, 5]);
      await store.close();
    }
  });

  it("keeps every change of the scheduler's state when two processes make them at once", async () => {
    const schema = schemas.next("state");
    const a = await schemas.open(schema);
    const b = await schemas.open(schema);
    const append = (store: PostgresStore, item: string) =>
      store.updateState(
        ["updates.pending"],
        (values) => ({
          set: {
            "updates.pending": JSON.stringify([...JSON.parse(values.get("updates.pending") ?? "[]"), item]),
          },
          result: undefined,
        }),
        new Date(0),
      );
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(i % 2 ? a : b, `u${i}`)));
    const pending = JSON.parse((await a.getState("updates.pending")) ?? "[]") as string[];
    expect(pending.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `u${i}`).sort());
    await a.close();
    await b.close();
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
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5]);
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
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5]);
    expect((await store.activeSubscriptions()).map((s) => [s.channelId, s.story])).toEqual([["111", "*"]]);
    await store.close();
  });
});
