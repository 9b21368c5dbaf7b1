/**
 * The store on a SQLite file (better-sqlite3): the default, one bot process, no server to run.
 * WAL mode lets /subscriptions read while the scheduler writes; a busy timeout covers a second
 * process (a CLI command) touching the same file. Instants are stored as epoch milliseconds.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
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

interface SubscriptionRow {
  platform: Subscription["platform"];
  channel_id: string;
  story: string;
  workspace_id: string;
  kind: Subscription["kind"];
  lead_times: string | null;
  since_ms: number;
  active: number;
  created_by: string | null;
  updated_ms: number;
  deactivated_ms: number | null;
  deactivation_reason: string | null;
}

interface DeliveryRow {
  key: string;
  platform: Delivery["platform"];
  channel_id: string;
  kind: Delivery["kind"];
  state: Delivery["state"];
  due_ms: number;
  marker: string;
  summary: string;
  owner: string | null;
  attempts: number;
  claimed_ms: number;
  lease_ms: number;
  finished_ms: number | null;
  message_id: string | null;
  reason: string | null;
}

type ChangeRow = ChangeColumns & { at_ms: number };

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    platform: r.platform,
    channelId: r.channel_id,
    story: r.story,
    workspaceId: r.workspace_id,
    kind: r.kind,
    leadTimes: r.lead_times === null ? undefined : (JSON.parse(r.lead_times) as string[]),
    since: new Date(r.since_ms),
    active: r.active === 1,
    createdBy: r.created_by ?? undefined,
    updatedAt: new Date(r.updated_ms),
    deactivatedAt: r.deactivated_ms === null ? undefined : new Date(r.deactivated_ms),
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
    dueAt: new Date(r.due_ms),
    marker: r.marker,
    summary: r.summary,
    ...(r.owner === null ? {} : { owner: r.owner }),
    attempts: r.attempts,
    claimedAt: new Date(r.claimed_ms),
    leaseUntil: new Date(r.lease_ms),
    finishedAt: r.finished_ms === null ? undefined : new Date(r.finished_ms),
    messageId: r.message_id ?? undefined,
    reason: r.reason ?? undefined,
  };
}

export class SqliteStore implements Store {
  readonly engine = "sqlite";
  private readonly db: Database.Database;
  /** Prepared once: compiling a statement costs more than running it. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(readonly path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("synchronous = NORMAL");
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Opens (creating the file and its folder when needed) and migrates. */
  static open(path: string): SqliteStore {
    const store = new SqliteStore(path);
    store.migrate();
    return store;
  }

  private migrate(): void {
    const db = this.db;
    db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)",
    );
    // IMMEDIATE takes the write lock first, so two processes opening one file migrate one after the other.
    const apply = db.transaction(() => {
      const done = new Set(
        (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map(
          (r) => r.version,
        ),
      );
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        db.exec(m.sqlite);
        db.prepare(
          "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, CAST(strftime('%s', 'now') AS INTEGER) * 1000)",
        ).run(m.version, m.name);
      }
    });
    apply.immediate();
  }

  /** Applied migration versions (for tests and `doctor`-style checks). */
  async migrations(): Promise<number[]> {
    return (
      this.stmt("SELECT version FROM schema_migrations ORDER BY version").all() as { version: number }[]
    ).map((r) => r.version);
  }

  async subscribe(input: SubscribeInput, at: Date): Promise<Subscription> {
    const leads = input.leadTimes ? JSON.stringify([...input.leadTimes]) : null;
    const now = at.getTime();
    this.stmt(
      `INSERT INTO subscriptions (platform, channel_id, story, workspace_id, kind, lead_times, since_ms, active, created_by, updated_ms)
         VALUES (@platform, @channelId, @story, @workspaceId, @kind, @leads, @now, 1, @userId, @now)
         ON CONFLICT (platform, channel_id, story) DO UPDATE SET
           workspace_id = excluded.workspace_id,
           kind = excluded.kind,
           lead_times = excluded.lead_times,
           since_ms = CASE WHEN subscriptions.active = 1 THEN subscriptions.since_ms ELSE excluded.since_ms END,
           created_by = CASE WHEN subscriptions.active = 1 THEN subscriptions.created_by ELSE excluded.created_by END,
           active = 1,
           updated_ms = excluded.updated_ms,
           deactivated_ms = NULL,
           deactivation_reason = NULL`,
    ).run({
      platform: input.platform,
      channelId: input.channelId,
      story: input.story,
      workspaceId: input.workspaceId,
      kind: input.kind,
      leads,
      now,
      userId: input.userId ?? null,
    });
    const sub = await this.subscription(input);
    if (!sub) throw new Error("subscription vanished after upsert");
    return sub;
  }

  async deactivate(
    channel: ChannelRef & { story?: string | undefined },
    reason: string,
    at: Date,
  ): Promise<number> {
    const r = this.stmt(
      `UPDATE subscriptions SET active = 0, deactivated_ms = ?, deactivation_reason = ?, updated_ms = ?
         WHERE platform = ? AND channel_id = ? AND (? IS NULL OR story = ?) AND active = 1`,
    ).run(
      at.getTime(),
      reason,
      at.getTime(),
      channel.platform,
      channel.channelId,
      channel.story ?? null,
      channel.story ?? null,
    );
    return r.changes;
  }

  async subscription(channel: StoryChannelRef): Promise<Subscription | undefined> {
    const row = this.stmt(
      "SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND story = ?",
    ).get(channel.platform, channel.channelId, channel.story) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  async channelSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    const rows = this.stmt(
      "SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY story",
    ).all(channel.platform, channel.channelId) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async receivedKeys(keys: readonly string[]): Promise<ChannelRef[]> {
    const seen = new Map<string, ChannelRef>();
    for (const key of keys) {
      const rows = this.stmt(
        "SELECT platform, channel_id FROM deliveries WHERE key = ? AND state IN ('sent', 'sent_late')",
      ).all(key) as { platform: Delivery["platform"]; channel_id: string }[];
      for (const r of rows)
        seen.set(`${r.platform}:${r.channel_id}`, { platform: r.platform, channelId: r.channel_id });
    }
    return [...seen.values()];
  }

  async receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]> {
    const seen = new Map<string, ChannelRef>();
    for (const prefix of keyPrefixes) {
      // A range on the primary key (key, …): "~" sorts after every character a key holds.
      const rows = this.stmt(
        `SELECT DISTINCT platform, channel_id FROM deliveries
           WHERE key >= ? AND key < ? AND state IN ('sent', 'sent_late')`,
      ).all(prefix, `${prefix}~`) as { platform: Delivery["platform"]; channel_id: string }[];
      for (const r of rows)
        seen.set(`${r.platform}:${r.channel_id}`, { platform: r.platform, channelId: r.channel_id });
    }
    return [...seen.values()];
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const rows = this.stmt(
      "SELECT * FROM subscriptions WHERE active = 1 ORDER BY since_ms, platform, channel_id",
    ).all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  private insertDelivery(entry: NewDelivery, state: "claimed" | "skipped", reason: string | null, at: Date) {
    return this.stmt(
      `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_ms, marker, summary, owner, attempts, claimed_ms, finished_ms, reason, lease_ms)
         VALUES (@key, @platform, @channelId, @kind, @state, @due, @marker, @summary, @owner, @attempts, @at, @finished, @reason, @lease)
         ON CONFLICT (key, platform, channel_id) DO NOTHING`,
    ).run({
      key: entry.key,
      platform: entry.platform,
      channelId: entry.channelId,
      kind: entry.kind,
      state,
      due: entry.dueAt.getTime(),
      marker: entry.marker,
      summary: entry.summary,
      owner: entry.owner ?? null,
      attempts: state === "claimed" ? 1 : 0,
      at: at.getTime(),
      finished: state === "claimed" ? null : at.getTime(),
      reason,
      lease: (state === "claimed" ? (entry.leaseUntil ?? at) : at).getTime(),
    }).changes;
  }

  async claim(entry: NewDelivery, at: Date): Promise<boolean> {
    return this.insertDelivery(entry, "claimed", null, at) > 0;
  }

  async skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean> {
    return this.insertDelivery(entry, "skipped", reason, at) > 0;
  }

  async retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean> {
    const r = this.stmt(
      `UPDATE deliveries SET attempts = attempts + 1, claimed_ms = @at, owner = COALESCE(@owner, owner), lease_ms = @until
         WHERE key = @key AND platform = @platform AND channel_id = @channelId AND state = 'claimed'
           AND attempts = @seen AND (lease_ms <= @at OR owner = @owner)`,
    ).run({
      at: at.getTime(),
      owner: lease?.owner ?? null,
      until: (lease?.until ?? at).getTime(),
      key: ref.key,
      platform: ref.platform,
      channelId: ref.channelId,
      seen: seenAttempts,
    });
    return r.changes > 0;
  }

  async renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number> {
    const statement = this.stmt(
      `UPDATE deliveries SET lease_ms = @until
         WHERE key = @key AND platform = @platform AND channel_id = @channelId AND state = 'claimed'
           AND owner = @owner AND lease_ms > @at`,
    );
    const renewAll = this.db.transaction(() =>
      refs.reduce(
        (n, ref) =>
          n +
          statement.run({
            until: lease.until.getTime(),
            key: ref.key,
            platform: ref.platform,
            channelId: ref.channelId,
            owner: lease.owner,
            at: at.getTime(),
          }).changes,
        0,
      ),
    );
    return renewAll();
  }

  async endLeases(at: Date): Promise<number> {
    return this.stmt("UPDATE deliveries SET lease_ms = ? WHERE state = 'claimed' AND lease_ms > ?").run(
      at.getTime(),
      at.getTime(),
    ).changes;
  }

  async finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean> {
    const r = this.stmt(
      `UPDATE deliveries SET state = ?, finished_ms = ?, message_id = ?, reason = ?
         WHERE key = ? AND platform = ? AND channel_id = ? AND state = 'claimed'`,
    ).run(
      outcome.state,
      at.getTime(),
      "messageId" in outcome ? outcome.messageId : null,
      "reason" in outcome ? outcome.reason : null,
      ref.key,
      ref.platform,
      ref.channelId,
    );
    return r.changes > 0;
  }

  async delivery(ref: DeliveryRef): Promise<Delivery | undefined> {
    const row = this.stmt("SELECT * FROM deliveries WHERE key = ? AND platform = ? AND channel_id = ?").get(
      ref.key,
      ref.platform,
      ref.channelId,
    ) as DeliveryRow | undefined;
    return row ? toDelivery(row) : undefined;
  }

  async unconfirmed(leaseEndedBy: Date): Promise<Delivery[]> {
    const rows = this.stmt(
      "SELECT * FROM deliveries WHERE state = 'claimed' AND lease_ms <= ? ORDER BY claimed_ms, key, platform, channel_id",
    ).all(leaseEndedBy.getTime()) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  async deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]> {
    const rows = keyPrefixes.flatMap(
      (prefix) =>
        this.stmt(
          "SELECT * FROM deliveries WHERE key >= ? AND key < ? ORDER BY claimed_ms DESC, due_ms DESC, key LIMIT ?",
        ).all(prefix, `${prefix}~`, limit) as DeliveryRow[],
    );
    return rows
      .sort((a, b) => b.claimed_ms - a.claimed_ms || b.due_ms - a.due_ms || (a.key < b.key ? -1 : 1))
      .slice(0, limit)
      .map(toDelivery);
  }

  async recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]> {
    const rows = this.stmt(
      "SELECT * FROM deliveries WHERE platform = ? AND channel_id = ? ORDER BY claimed_ms DESC, due_ms DESC, key LIMIT ?",
    ).all(channel.platform, channel.channelId, limit) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  async ping(): Promise<void> {
    this.stmt("SELECT 1").get();
  }

  async recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void> {
    const insert = this.stmt(
      "INSERT INTO changes (story, path, kind, old_value, new_value, at_ms, by_user) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.db.transaction(() => {
      for (const c of changes)
        insert.run(c.story, c.path, c.kind, c.old ?? null, c.new ?? null, at.getTime(), c.by ?? null);
    })();
  }

  async changes(story: string, limit: number): Promise<ChangeRecord[]> {
    const rows = this.stmt("SELECT * FROM changes WHERE story = ? ORDER BY at_ms DESC, id DESC LIMIT ?").all(
      story,
      limit,
    ) as ChangeRow[];
    return rows.map((r) => toChange({ ...r, at: new Date(r.at_ms) }));
  }

  async getState(name: string): Promise<string | undefined> {
    const row = this.stmt("SELECT value FROM scheduler_state WHERE name = ?").get(name) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  async setState(name: string, value: string, at: Date): Promise<void> {
    this.writeState(name, value, at);
  }

  private writeState(name: string, value: string, at: Date): void {
    this.stmt(
      `INSERT INTO scheduler_state (name, value, updated_ms) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms`,
    ).run(name, value, at.getTime());
  }

  async updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T> {
    const read = this.stmt("SELECT name, value FROM scheduler_state WHERE name = ?");
    const update = this.db.transaction(() => {
      const rows = names.flatMap((name) => read.all(name) as { name: string; value: string }[]);
      const { set, result } = change(stateValues(names, rows));
      for (const [name, value] of Object.entries(set)) this.writeState(name, value, at);
      return result;
    });
    // IMMEDIATE: the write lock is taken before the read, so another connection cannot change the values between.
    return update.immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
