/**
 * The store on a SQLite file (better-sqlite3): the default, one bot process, no server to run.
 * WAL mode lets /subscriptions read while the scheduler writes; a busy timeout covers a second
 * process (a CLI command) touching the same file. Instants are stored as epoch milliseconds.
 *
 * This file opens the file and answers for the whole Store; each concern's SQL is in its own part
 * (subscriptions-sql.ts, claims-sql.ts, ledger-sql.ts, state-sql.ts, changes-sql.ts, migrations.ts),
 * beside PostgreSQL's.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SqliteClaims } from "./claims-sql.js";
import type { SqliteConnection } from "./connections.js";
import { SqliteChanges } from "./edit-record-sql.js";
import { SqliteLedger } from "./ledger-sql.js";
import { migrateSqlite, sqliteMigrations } from "./migrations.js";
import { SqliteState } from "./state-sql.js";
import type {
  ChangeRecord,
  ChannelRef,
  Delivery,
  DeliveryRef,
  Lease,
  NewChangeRecord,
  NewDelivery,
  Outcome,
  StateChange,
  Store,
  StoryChannelRef,
  SubscribeInput,
  Subscription,
} from "./store.js";
import { SqliteSubscriptions } from "./subscriptions-sql.js";

export class SqliteStore implements Store {
  readonly engine = "sqlite";
  private readonly db: Database.Database;
  private readonly sql: SqliteConnection;
  private readonly subscriptions: SqliteSubscriptions;
  private readonly claims: SqliteClaims;
  private readonly ledger: SqliteLedger;
  private readonly state: SqliteState;
  private readonly records: SqliteChanges;

  private constructor(readonly path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.pragma("synchronous = NORMAL");
    /** Prepared once: compiling a statement costs more than running it. */
    const statements = new Map<string, Database.Statement>();
    this.db = db;
    this.sql = {
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
    this.subscriptions = new SqliteSubscriptions(this.sql);
    this.claims = new SqliteClaims(this.sql);
    this.ledger = new SqliteLedger(this.sql);
    this.state = new SqliteState(this.sql);
    this.records = new SqliteChanges(this.sql);
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

  // Subscriptions (subscriptions-sql.ts)

  subscribe(input: SubscribeInput, at: Date): Promise<Subscription> {
    return this.subscriptions.subscribe(input, at);
  }

  deactivate(
    channel: ChannelRef & { story?: string | undefined },
    reason: string,
    at: Date,
  ): Promise<number> {
    return this.subscriptions.deactivate(channel, reason, at);
  }

  subscription(channel: StoryChannelRef): Promise<Subscription | undefined> {
    return this.subscriptions.subscription(channel);
  }

  channelSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    return this.subscriptions.channelSubscriptions(channel);
  }

  activeSubscriptions(): Promise<Subscription[]> {
    return this.subscriptions.activeSubscriptions();
  }

  // The ledger's claims (claims-sql.ts)

  claim(entry: NewDelivery, at: Date): Promise<boolean> {
    return this.claims.claim(entry, at);
  }

  skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean> {
    return this.claims.skip(entry, reason, at);
  }

  retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean> {
    return this.claims.retake(ref, seenAttempts, at, lease);
  }

  renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number> {
    return this.claims.renew(refs, lease, at);
  }

  endLeases(at: Date): Promise<number> {
    return this.claims.endLeases(at);
  }

  finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean> {
    return this.claims.finish(ref, outcome, at);
  }

  // The ledger's rows (ledger-sql.ts)

  delivery(ref: DeliveryRef): Promise<Delivery | undefined> {
    return this.ledger.delivery(ref);
  }

  unconfirmed(leaseEndedBy: Date): Promise<Delivery[]> {
    return this.ledger.unconfirmed(leaseEndedBy);
  }

  receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]> {
    return this.ledger.receivedBy(keyPrefixes);
  }

  receivedKeys(keys: readonly string[]): Promise<ChannelRef[]> {
    return this.ledger.receivedKeys(keys);
  }

  deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]> {
    return this.ledger.deliveriesOf(keyPrefixes, limit);
  }

  recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]> {
    return this.ledger.recentDeliveries(channel, limit);
  }

  // The edit record (edit-record-sql.ts)

  recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void> {
    return this.records.recordChanges(changes, at);
  }

  changes(story: string, limit: number): Promise<ChangeRecord[]> {
    return this.records.changes(story, limit);
  }

  // The scheduler's state (state-sql.ts)

  getState(name: string): Promise<string | undefined> {
    return this.state.getState(name);
  }

  setState(name: string, value: string, at: Date): Promise<void> {
    return this.state.setState(name, value, at);
  }

  updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T> {
    return this.state.updateState(names, change, at);
  }

  async ping(): Promise<void> {
    this.sql.stmt("SELECT 1").get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
