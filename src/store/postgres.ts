/**
 * The store on PostgreSQL (pg Pool): for several bot processes sharing one ledger, or hosted
 * databases. The same migrations in PostgreSQL's dialect, applied under an advisory lock so processes
 * starting together migrate once; the scheduler's state changes under another advisory lock, one per
 * schema, so two processes never interleave their read-modify-writes. `schema` (tests: a fresh one
 * per run) is put on the search_path of every pooled connection.
 */
import pg from "pg";
import { MIGRATIONS } from "./migrations.js";
import {
  type ChangeColumns,
  type ChangeRecord,
  type ChannelRef,
  type Delivery,
  type DeliveryRef,
  type Lease,
  type NewChangeRecord,
  type NewDelivery,
  type Outcome,
  type StateChange,
  type Store,
  type StoryChannelRef,
  type SubscribeInput,
  type Subscription,
  stateValues,
  toChange,
} from "./store.js";

/** Any number: the advisory lock that serialises migrations of this bot's schema. */
const MIGRATION_LOCK = 0x0ce45ef1;
/**
 * Any number (a 32-bit key, paired with a hash of the schema's name): the advisory lock that
 * serialises changes of the scheduler's state in one schema. Two-key locks never clash with the
 * one-key migration lock.
 */
const STATE_LOCK = 0x0ce45ef2;

const UPSERT_STATE = `INSERT INTO scheduler_state (name, value, updated_at) VALUES ($1, $2, $3)
  ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`;

interface SubscriptionRow {
  platform: Subscription["platform"];
  channel_id: string;
  story: string;
  workspace_id: string;
  kind: Subscription["kind"];
  lead_times: string[] | null;
  since: Date;
  active: boolean;
  created_by: string | null;
  updated_at: Date;
  deactivated_at: Date | null;
  deactivation_reason: string | null;
}

interface DeliveryRow {
  key: string;
  platform: Delivery["platform"];
  channel_id: string;
  kind: Delivery["kind"];
  state: Delivery["state"];
  due_at: Date;
  marker: string;
  summary: string;
  owner: string | null;
  attempts: number;
  claimed_at: Date;
  lease_until: Date;
  finished_at: Date | null;
  message_id: string | null;
  reason: string | null;
}

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    platform: r.platform,
    channelId: r.channel_id,
    story: r.story,
    workspaceId: r.workspace_id,
    kind: r.kind,
    leadTimes: r.lead_times ?? undefined,
    since: r.since,
    active: r.active,
    createdBy: r.created_by ?? undefined,
    updatedAt: r.updated_at,
    deactivatedAt: r.deactivated_at ?? undefined,
    deactivationReason: r.deactivation_reason ?? undefined,
  };
}

function toDelivery(r: DeliveryRow): Delivery {
  return {
    key: r.key,
    platform: r.platform,
    channelId: r.channel_id,
    kind: r.kind,
    state: r.state,
    dueAt: r.due_at,
    marker: r.marker,
    summary: r.summary,
    ...(r.owner === null ? {} : { owner: r.owner }),
    attempts: r.attempts,
    claimedAt: r.claimed_at,
    leaseUntil: r.lease_until,
    finishedAt: r.finished_at ?? undefined,
    messageId: r.message_id ?? undefined,
    reason: r.reason ?? undefined,
  };
}

export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema to create (if missing) and use instead of the connection's default search_path. */
  schema?: string;
  /** Pool size (default 10). */
  max?: number;
  /** How the connections name themselves to the server (pg_stat_activity). Default "ceasefire-bot". */
  applicationName?: string;
}

export class PostgresStore implements Store {
  readonly engine = "postgres";

  private constructor(private readonly pool: pg.Pool) {}

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
      await store.migrate(schema);
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
    return store;
  }

  /**
   * Runs `work` in a transaction that first takes a transaction-scoped advisory lock (`lock`: the
   * statement and its parameters), so whoever else takes that lock waits until this one commits.
   */
  private async locked<T>(
    lock: [sql: string, params: unknown[]],
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
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

  private migrate(schema: string | undefined): Promise<void> {
    return this.locked(["SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]], async (client) => {
      // Under the lock: CREATE SCHEMA IF NOT EXISTS itself races between sessions.
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
      );
      const done = new Set(
        (await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map(
          (r) => r.version,
        ),
      );
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query(m.postgres);
        await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
          m.version,
          m.name,
        ]);
      }
    });
  }

  async migrations(): Promise<number[]> {
    const r = await this.pool.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    return r.rows.map((row) => row.version);
  }

  async subscribe(input: SubscribeInput, at: Date): Promise<Subscription> {
    const r = await this.pool.query<SubscriptionRow>(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, kind, lead_times, since, active, created_by, updated_at, story)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, TRUE, $7, $6, $8)
       ON CONFLICT (platform, channel_id, story) DO UPDATE SET
         workspace_id = EXCLUDED.workspace_id,
         kind = EXCLUDED.kind,
         lead_times = EXCLUDED.lead_times,
         since = CASE WHEN subscriptions.active THEN subscriptions.since ELSE EXCLUDED.since END,
         created_by = CASE WHEN subscriptions.active THEN subscriptions.created_by ELSE EXCLUDED.created_by END,
         active = TRUE,
         updated_at = EXCLUDED.updated_at,
         deactivated_at = NULL,
         deactivation_reason = NULL
       RETURNING *`,
      [
        input.platform,
        input.channelId,
        input.workspaceId,
        input.kind,
        input.leadTimes ? JSON.stringify([...input.leadTimes]) : null,
        at,
        input.userId ?? null,
        input.story,
      ],
    );
    const row = r.rows[0];
    if (!row) throw new Error("subscription upsert returned no row");
    return toSubscription(row);
  }

  async deactivate(
    channel: ChannelRef & { story?: string | undefined },
    reason: string,
    at: Date,
  ): Promise<number> {
    const r = await this.pool.query(
      `UPDATE subscriptions SET active = FALSE, deactivated_at = $1, deactivation_reason = $2, updated_at = $1
       WHERE platform = $3 AND channel_id = $4 AND ($5::text IS NULL OR story = $5) AND active`,
      [at, reason, channel.platform, channel.channelId, channel.story ?? null],
    );
    return r.rowCount ?? 0;
  }

  async subscription(channel: StoryChannelRef): Promise<Subscription | undefined> {
    const r = await this.pool.query<SubscriptionRow>(
      "SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND story = $3",
      [channel.platform, channel.channelId, channel.story],
    );
    const row = r.rows[0];
    return row ? toSubscription(row) : undefined;
  }

  async channelSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    const r = await this.pool.query<SubscriptionRow>(
      "SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY story",
      [channel.platform, channel.channelId],
    );
    return r.rows.map(toSubscription);
  }

  async receivedKeys(keys: readonly string[]): Promise<ChannelRef[]> {
    if (keys.length === 0) return [];
    const r = await this.pool.query<{ platform: Delivery["platform"]; channel_id: string }>(
      `SELECT DISTINCT platform, channel_id FROM deliveries
       WHERE key = ANY($1::text[]) AND state IN ('sent', 'sent_late')`,
      [[...keys]],
    );
    return r.rows.map((row) => ({ platform: row.platform, channelId: row.channel_id }));
  }

  async receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]> {
    if (keyPrefixes.length === 0) return [];
    const r = await this.pool.query<{ platform: Delivery["platform"]; channel_id: string }>(
      `SELECT DISTINCT platform, channel_id FROM deliveries
       WHERE key ^@ ANY($1::text[]) AND state IN ('sent', 'sent_late')`,
      [[...keyPrefixes]],
    );
    return r.rows.map((row) => ({ platform: row.platform, channelId: row.channel_id }));
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const r = await this.pool.query<SubscriptionRow>(
      "SELECT * FROM subscriptions WHERE active ORDER BY since, platform, channel_id",
    );
    return r.rows.map(toSubscription);
  }

  private async insertDelivery(
    entry: NewDelivery,
    state: "claimed" | "skipped",
    reason: string | null,
    at: Date,
  ): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_at, marker, summary, owner, attempts, claimed_at, finished_at, reason, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (key, platform, channel_id) DO NOTHING`,
      [
        entry.key,
        entry.platform,
        entry.channelId,
        entry.kind,
        state,
        entry.dueAt,
        entry.marker,
        entry.summary,
        entry.owner ?? null,
        state === "claimed" ? 1 : 0,
        at,
        state === "claimed" ? null : at,
        reason,
        state === "claimed" ? (entry.leaseUntil ?? at) : at,
      ],
    );
    return (r.rowCount ?? 0) > 0;
  }

  claim(entry: NewDelivery, at: Date): Promise<boolean> {
    return this.insertDelivery(entry, "claimed", null, at);
  }

  skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean> {
    return this.insertDelivery(entry, "skipped", reason, at);
  }

  async retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE deliveries SET attempts = attempts + 1, claimed_at = $1, owner = COALESCE($6, owner), lease_until = $7
       WHERE key = $2 AND platform = $3 AND channel_id = $4 AND state = 'claimed' AND attempts = $5
         AND (lease_until <= $1 OR owner = $6)`,
      [at, ref.key, ref.platform, ref.channelId, seenAttempts, lease?.owner ?? null, lease?.until ?? at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number> {
    if (refs.length === 0) return 0;
    const r = await this.pool.query(
      `UPDATE deliveries AS d SET lease_until = $1
       FROM unnest($2::text[], $3::text[], $4::text[]) AS r(key, platform, channel_id)
       WHERE d.key = r.key AND d.platform = r.platform AND d.channel_id = r.channel_id
         AND d.state = 'claimed' AND d.owner = $5 AND d.lease_until > $6`,
      [
        lease.until,
        refs.map((x) => x.key),
        refs.map((x) => x.platform),
        refs.map((x) => x.channelId),
        lease.owner,
        at,
      ],
    );
    return r.rowCount ?? 0;
  }

  async endLeases(at: Date): Promise<number> {
    const r = await this.pool.query(
      "UPDATE deliveries SET lease_until = $1 WHERE state = 'claimed' AND lease_until > $1",
      [at],
    );
    return r.rowCount ?? 0;
  }

  async finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE deliveries SET state = $1, finished_at = $2, message_id = $3, reason = $4
       WHERE key = $5 AND platform = $6 AND channel_id = $7 AND state = 'claimed'`,
      [
        outcome.state,
        at,
        "messageId" in outcome ? outcome.messageId : null,
        "reason" in outcome ? outcome.reason : null,
        ref.key,
        ref.platform,
        ref.channelId,
      ],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async delivery(ref: DeliveryRef): Promise<Delivery | undefined> {
    const r = await this.pool.query<DeliveryRow>(
      "SELECT * FROM deliveries WHERE key = $1 AND platform = $2 AND channel_id = $3",
      [ref.key, ref.platform, ref.channelId],
    );
    const row = r.rows[0];
    return row ? toDelivery(row) : undefined;
  }

  async unconfirmed(leaseEndedBy: Date): Promise<Delivery[]> {
    const r = await this.pool.query<DeliveryRow>(
      "SELECT * FROM deliveries WHERE state = 'claimed' AND lease_until <= $1 ORDER BY claimed_at, key, platform, channel_id",
      [leaseEndedBy],
    );
    return r.rows.map(toDelivery);
  }

  async deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]> {
    if (keyPrefixes.length === 0) return [];
    const r = await this.pool.query<DeliveryRow>(
      `SELECT * FROM deliveries WHERE key ^@ ANY($1::text[])
       ORDER BY claimed_at DESC, due_at DESC, key LIMIT $2`,
      [[...keyPrefixes], limit],
    );
    return r.rows.map(toDelivery);
  }

  async recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]> {
    const r = await this.pool.query<DeliveryRow>(
      `SELECT * FROM deliveries WHERE platform = $1 AND channel_id = $2
       ORDER BY claimed_at DESC, due_at DESC, key LIMIT $3`,
      [channel.platform, channel.channelId, limit],
    );
    return r.rows.map(toDelivery);
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async getState(name: string): Promise<string | undefined> {
    const r = await this.pool.query<{ value: string }>("SELECT value FROM scheduler_state WHERE name = $1", [
      name,
    ]);
    return r.rows[0]?.value;
  }

  async recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void> {
    if (changes.length === 0) return;
    await this.pool.query(
      `INSERT INTO changes (story, path, kind, old_value, new_value, by_user, at)
       SELECT s, p, k, o, n, b, $7
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c(s, p, k, o, n, b)`,
      [
        changes.map((c) => c.story),
        changes.map((c) => c.path),
        changes.map((c) => c.kind),
        changes.map((c) => c.old ?? null),
        changes.map((c) => c.new ?? null),
        changes.map((c) => c.by ?? null),
        at,
      ],
    );
  }

  async changes(story: string, limit: number): Promise<ChangeRecord[]> {
    // BIGSERIAL ids come back as text.
    const r = await this.pool.query<Omit<ChangeColumns, "id"> & { id: string; at: Date }>(
      "SELECT * FROM changes WHERE story = $1 ORDER BY at DESC, id DESC LIMIT $2",
      [story, limit],
    );
    return r.rows.map((row) => toChange({ ...row, id: Number(row.id) }));
  }

  async setState(name: string, value: string, at: Date): Promise<void> {
    await this.pool.query(UPSERT_STATE, [name, value, at]);
  }

  updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T> {
    return this.locked(
      ["SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [STATE_LOCK]],
      async (client) => {
        const r = await client.query<{ name: string; value: string }>(
          "SELECT name, value FROM scheduler_state WHERE name = ANY($1::text[])",
          [[...names]],
        );
        const { set, result } = change(stateValues(names, r.rows));
        for (const [name, value] of Object.entries(set)) await client.query(UPSERT_STATE, [name, value, at]);
        return result;
      },
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
