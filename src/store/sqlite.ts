/**
 * The store on a SQLite file (better-sqlite3): the default, one bot process, no server to run.
 * WAL mode lets /subscriptions read while the scheduler writes; a busy timeout covers a second
 * process (a CLI command) touching the same file. Instants are stored as epoch milliseconds.
 *
 * This file opens the file and answers for the whole Store; each concern's SQL is in its own part
 * (parts.ts: subscriptions-sql.ts, claims-sql.ts, ledger-sql.ts, state-sql.ts, edit-record-sql.ts,
 * leads-sql.ts, languages-sql.ts, windows-sql.ts; migrations.ts),
 * beside PostgreSQL's.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SqliteClaims } from "./claims-sql.js";
import type { SqliteConnection } from "./connections.js";
import { SqliteChanges } from "./edit-record-sql.js";
import { SqliteEvents } from "./events-sql.js";
import { SqliteUserLanguages } from "./languages-sql.js";
import { SqliteLeads } from "./leads-sql.js";
import { SqliteLedger } from "./ledger-sql.js";
import { migrateSqlite, sqliteMigrations } from "./migrations.js";
import { StoreOnParts } from "./parts.js";
import { SqliteState } from "./state-sql.js";
import { SqliteSubscriptions } from "./subscriptions-sql.js";
import { SqliteThreads } from "./threads-sql.js";
import { SqliteWindows } from "./windows-sql.js";

export class SqliteStore extends StoreOnParts {
  readonly engine = "sqlite";
  private readonly db: Database.Database;
  private readonly sql: SqliteConnection;

  private constructor(readonly path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.pragma("synchronous = NORMAL");
    /** Prepared once: compiling a statement costs more than running it. */
    const statements = new Map<string, Database.Statement>();
    const connection: SqliteConnection = {
      db,
      stmt(sql) {
        let statement = statements.get(sql);
        if (!statement) {
          statement = db.prepare(sql);
          statements.set(sql, statement);
        }
        return statement;
      },
    };
    super({
      subscriptions: new SqliteSubscriptions(connection),
      claims: new SqliteClaims(connection),
      ledger: new SqliteLedger(connection),
      state: new SqliteState(connection),
      records: new SqliteChanges(connection),
      leads: new SqliteLeads(connection),
      events: new SqliteEvents(connection),
      threads: new SqliteThreads(connection),
      languages: new SqliteUserLanguages(connection),
      windows: new SqliteWindows(connection),
    });
    this.db = db;
    this.sql = connection;
  }

  /** Opens (creating the file and its folder when needed) and migrates. */
  static open(path: string): SqliteStore {
    const store = new SqliteStore(path);
    migrateSqlite(store.sql);
    return store;
  }

  /** Applied migration versions (for tests and `doctor`-style checks). */
  migrations(): Promise<number[]> {
    return sqliteMigrations(this.sql);
  }

  async ping(): Promise<void> {
    this.sql.stmt("SELECT 1").get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
