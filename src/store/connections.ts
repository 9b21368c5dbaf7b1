/**
 * What each part of the store is handed to reach its database. The engines (sqlite.ts, postgres.ts)
 * open the connection and make these; the parts (subscriptions-sql.ts, claims-sql.ts, ledger-sql.ts,
 * state-sql.ts, changes-sql.ts, migrations.ts) hold one concern each, its SQLite and PostgreSQL
 * dialects side by side. Types only: loading a part loads neither database driver.
 */
import type Database from "better-sqlite3";
import type pg from "pg";

/** A SQLite file opened by better-sqlite3. Instants are stored as epoch milliseconds. */
export interface SqliteConnection {
  readonly db: Database.Database;
  /** `sql`'s statement, prepared once: compiling a statement costs more than running it. */
  stmt(sql: string): Database.Statement;
}

/** A pg Pool on the bot's schema. */
export interface PostgresConnection {
  readonly pool: pg.Pool;
  /**
   * Runs `work` in a transaction that first takes a transaction-scoped advisory lock (`lock`: the
   * statement and its parameters), so whoever else takes that lock waits until this one commits.
   */
  locked<T>(lock: [sql: string, params: unknown[]], work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}
