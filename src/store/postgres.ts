/**
 * The store on PostgreSQL (pg Pool): for several bot processes sharing one ledger, or hosted
 * databases. The same migrations in PostgreSQL's dialect, applied under an advisory lock so processes
 * starting together migrate once; the scheduler's state changes under another advisory lock, one per
 * schema, so two processes never interleave their read-modify-writes. `schema` (tests: a fresh one
 * per run) is put on the search_path of every pooled connection.
 *
 * This file connects and answers for the whole Store; each concern's SQL is in its own part
 * (parts.ts: subscriptions-sql.ts, claims-sql.ts, ledger-sql.ts, state-sql.ts, edit-record-sql.ts,
 * leads-sql.ts, languages-sql.ts, windows-sql.ts; migrations.ts),
 * beside SQLite's.
 */
import pg from "pg";
import { PostgresClaims } from "./claims-sql.js";
import type { PostgresConnection } from "./connections.js";
import { PostgresChanges } from "./edit-record-sql.js";
import { PostgresEvents } from "./events-sql.js";
import { PostgresUserLanguages } from "./languages-sql.js";
import { PostgresLeads } from "./leads-sql.js";
import { PostgresLedger } from "./ledger-sql.js";
import { migratePostgres, postgresMigrations } from "./migrations.js";
import { StoreOnParts } from "./parts.js";
import { PostgresState } from "./state-sql.js";
import { PostgresSubscriptions } from "./subscriptions-sql.js";
import { PostgresThreads } from "./threads-sql.js";
import { PostgresWindows } from "./windows-sql.js";

export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema to create (if missing) and use instead of the connection's default search_path. */
  schema?: string;
  /** Pool size (default 10). */
  max?: number;
  /** How the connections name themselves to the server (pg_stat_activity). Default "ceasefire-bot". */
  applicationName?: string;
}

/**
 * Runs `work` in a transaction that first takes a transaction-scoped advisory lock (`lock`: the
 * statement and its parameters), so whoever else takes that lock waits until this one commits.
 */
async function locked<T>(
  pool: pg.Pool,
  lock: [sql: string, params: unknown[]],
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A connection lost while the client is checked out is reported as an event: without a listener
  // it would end the process. The query under way fails too; the pool then drops the client.
  let lost: Error | undefined;
  const onError = (err: Error) => {
    lost = err;
  };
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    await client.query(...lock);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.removeListener("error", onError);
    client.release(lost);
  }
}

export class PostgresStore extends StoreOnParts {
  readonly engine = "postgres";
  private readonly sql: PostgresConnection;

  private constructor(private readonly pool: pg.Pool) {
    const connection: PostgresConnection = { pool, locked: (lock, work) => locked(pool, lock, work) };
    super({
      subscriptions: new PostgresSubscriptions(connection),
      claims: new PostgresClaims(connection),
      ledger: new PostgresLedger(connection),
      state: new PostgresState(connection),
      records: new PostgresChanges(connection),
      leads: new PostgresLeads(connection),
      events: new PostgresEvents(connection),
      threads: new PostgresThreads(connection),
      languages: new PostgresUserLanguages(connection),
      windows: new PostgresWindows(connection),
    });
    this.sql = connection;
  }

  /** Connects, creates the schema when asked, and migrates. Throws when the server cannot be reached. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const { schema } = options;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new Error(`not a plain schema name: ${schema}`);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      application_name: options.applicationName ?? "ceasefire-bot",
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client's network error must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const store = new PostgresStore(pool);
    try {
      await migratePostgres(store.sql, schema);
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
    return store;
  }

  migrations(): Promise<number[]> {
    return postgresMigrations(this.sql);
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
