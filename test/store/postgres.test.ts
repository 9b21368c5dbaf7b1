/**
 * The Store contract on PostgreSQL, in a fresh schema per run. The global setup starts a throwaway
 * server when nothing listens at PGURL_TEST on this machine; when PostgreSQL is still not reachable
 * this test fails (never skips), saying how to start it.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { PostgresStore } from "../../src/store/postgres.js";
import { describeStoreContract } from "./contract.js";

const url = process.env.PGURL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
const runSchema = `store_test_${process.pid}_${Date.now().toString(36)}`;
let counter = 0;
let reachable: Error | undefined;

const HOW_TO_START = `PostgreSQL is not reachable at ${url.replace(/:[^:@/]*@/, ":***@")}.
The store's contract tests need it (they never skip). The test run starts a throwaway server itself
when nothing listens at that address on this machine (see test/global-setup.ts); otherwise start one:
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start   # Debian/Ubuntu
  # or: docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:16
or point PGURL_TEST at another server (postgres://user@host:port/database).`;

beforeAll(async () => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    reachable = err as Error;
  } finally {
    await client.end().catch(() => {});
  }
});

afterAll(async () => {
  if (reachable) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schemas = await client.query<{ nspname: string }>(
    "SELECT nspname FROM pg_namespace WHERE nspname LIKE $1",
    [`${runSchema}%`],
  );
  for (const { nspname } of schemas.rows) await client.query(`DROP SCHEMA ${nspname} CASCADE`);
  await client.end();
});

async function openFresh(): Promise<PostgresStore> {
  if (reachable) throw new Error(`${HOW_TO_START}\n(${reachable.message})`);
  return PostgresStore.open({ connectionString: url, schema: `${runSchema}_${++counter}`, max: 4 });
}

describe("PostgreSQL for the store tests", () => {
  it("is reachable", () => {
    if (reachable) throw new Error(`${HOW_TO_START}\n(${reachable.message})`);
    expect(reachable).toBeUndefined();
  });
});

describeStoreContract("postgres", openFresh);

describe("PostgresStore", () => {
  it("migrates once even when three processes open the same schema together", async () => {
    if (reachable) throw new Error(HOW_TO_START);
    const schema = `${runSchema}_shared`;
    const stores = await Promise.all(
      [1, 2, 3].map(() => PostgresStore.open({ connectionString: url, schema, max: 2 })),
    );
    for (const store of stores) {
      expect(await store.migrations()).toEqual([1, 2, 3]);
      await store.close();
    }
  });

  it("keeps every change of the scheduler's state when two processes make them at once", async () => {
    if (reachable) throw new Error(HOW_TO_START);
    const schema = `${runSchema}_state`;
    const a = await PostgresStore.open({ connectionString: url, schema, max: 4 });
    const b = await PostgresStore.open({ connectionString: url, schema, max: 4 });
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
    if (reachable) throw new Error(HOW_TO_START);
    const schema = `${runSchema}_v2`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
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
    const store = await PostgresStore.open({ connectionString: url, schema, max: 2 });
    expect(await store.migrations()).toEqual([1, 2, 3]);
    const [row] = await store.unconfirmed(new Date("2025-02-28T07:00:00Z"));
    expect(row?.leaseUntil.toISOString()).toBe("2025-02-28T07:00:00.000Z");
    await store.close();
  });

  it("carries a subscription made before stories could be chosen over to every story (*)", async () => {
    if (reachable) throw new Error(HOW_TO_START);
    const schema = `${runSchema}_v1`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
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
    const store = await PostgresStore.open({ connectionString: url, schema, max: 2 });
    expect(await store.migrations()).toEqual([1, 2, 3]);
    expect((await store.activeSubscriptions()).map((s) => [s.channelId, s.story])).toEqual([["111", "*"]]);
    await store.close();
  });
});
