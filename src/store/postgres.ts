/**
 * The store on PostgreSQL (pg Pool): for several bot processes sharing one ledger, or hosted
 * databases. The same migrations in PostgreSQL's dialect, applied under an advisory lock so processes
 * starting together migrate once; the scheduler's state changes under another advisory lock, one per
 * schema, so two processes never interleave their read-modify-writes. `schema` (tests: a fresh one
 * per run) is put on the search_path of every pooled connection.
 *
 * This file connects and answers for the whole Store; each concern's SQL is in its own part
 * (subscriptions-sql.ts, claims-sql.ts, ledger-sql.ts, state-sql.ts, changes-sql.ts, migrations.ts),
 * beside SQLite's.
 */
import pg from "pg";
import { PostgresClaims } from "./claims-sql.js";
import type { PostgresConnection } from "./connections.js";
import { PostgresChanges } from "./edit-record-sql.js";
import { PostgresLedger } from "./ledger-sql.js";
import { migratePostgres, postgresMigrations } from "./migrations.js";
import { PostgresState } from "./state-sql.js";
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
import { PostgresSubscriptions } from "./subscriptions-sql.js";

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

export class PostgresStore implements Store {
  readonly engine = "postgres";
  private readonly sql: PostgresConnection;
  private readonly subscriptions: PostgresSubscriptions;
  private readonly claims: PostgresClaims;
  private readonly ledger: PostgresLedger;
  private readonly state: PostgresState;
  private readonly records: PostgresChanges;

  private constructor(private readonly pool: pg.Pool) {
    this.sql = { pool, locked: (lock, work) => locked(pool, lock, work) };
    this.subscriptions = new PostgresSubscriptions(this.sql);
    this.claims = new PostgresClaims(this.sql);
    this.ledger = new PostgresLedger(this.sql);
    this.state = new PostgresState(this.sql);
    this.records = new PostgresChanges(this.sql);
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
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
