/**
 * The delivery ledger's reads, in both dialects: one row, the claims whose lease has ended, who was
 * sent what (by key or key prefix), and the latest rows of a story or a channel. The writes (claims,
 * leases, outcomes) are claims-sql.ts's.
 */
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { ChannelRef, Delivery, DeliveryRef, Store } from "./store.js";

type LedgerMethods = Pick<
  Store,
  "delivery" | "unconfirmed" | "receivedBy" | "receivedKeys" | "deliveriesOf" | "recentDeliveries"
>;

// SQLite

interface SqliteDeliveryRow {
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

function fromSqliteRow(r: SqliteDeliveryRow): Delivery {
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

export class SqliteLedger implements LedgerMethods {
  constructor(private readonly sql: SqliteConnection) {}

  async receivedKeys(keys: readonly string[]): Promise<ChannelRef[]> {
    const seen = new Map<string, ChannelRef>();
    for (const key of keys) {
      const rows = this.sql
        .stmt("SELECT platform, channel_id FROM deliveries WHERE key = ? AND state IN ('sent', 'sent_late')")
        .all(key) as { platform: Delivery["platform"]; channel_id: string }[];
      for (const r of rows)
        seen.set(`${r.platform}:${r.channel_id}`, { platform: r.platform, channelId: r.channel_id });
    }
    return [...seen.values()];
  }

  async receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]> {
    const seen = new Map<string, ChannelRef>();
    for (const prefix of keyPrefixes) {
      // A range on the primary key (key, …): "~" sorts after every character a key holds.
      const rows = this.sql
        .stmt(
          `SELECT DISTINCT platform, channel_id FROM deliveries
           WHERE key >= ? AND key < ? AND state IN ('sent', 'sent_late')`,
        )
        .all(prefix, `${prefix}~`) as { platform: Delivery["platform"]; channel_id: string }[];
      for (const r of rows)
        seen.set(`${r.platform}:${r.channel_id}`, { platform: r.platform, channelId: r.channel_id });
    }
    return [...seen.values()];
  }

  async delivery(ref: DeliveryRef): Promise<Delivery | undefined> {
    const row = this.sql
      .stmt("SELECT * FROM deliveries WHERE key = ? AND platform = ? AND channel_id = ?")
      .get(ref.key, ref.platform, ref.channelId) as SqliteDeliveryRow | undefined;
    return row ? fromSqliteRow(row) : undefined;
  }

  async unconfirmed(leaseEndedBy: Date): Promise<Delivery[]> {
    const rows = this.sql
      .stmt(
        "SELECT * FROM deliveries WHERE state = 'claimed' AND lease_ms <= ? ORDER BY claimed_ms, key, platform, channel_id",
      )
      .all(leaseEndedBy.getTime()) as SqliteDeliveryRow[];
    return rows.map(fromSqliteRow);
  }

  async deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]> {
    const rows = keyPrefixes.flatMap(
      (prefix) =>
        this.sql
          .stmt(
            "SELECT * FROM deliveries WHERE key >= ? AND key < ? ORDER BY claimed_ms DESC, due_ms DESC, key LIMIT ?",
          )
          .all(prefix, `${prefix}~`, limit) as SqliteDeliveryRow[],
    );
    return rows
      .sort((a, b) => b.claimed_ms - a.claimed_ms || b.due_ms - a.due_ms || (a.key < b.key ? -1 : 1))
      .slice(0, limit)
      .map(fromSqliteRow);
  }

  async recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]> {
    const rows = this.sql
      .stmt(
        "SELECT * FROM deliveries WHERE platform = ? AND channel_id = ? ORDER BY claimed_ms DESC, due_ms DESC, key LIMIT ?",
      )
      .all(channel.platform, channel.channelId, limit) as SqliteDeliveryRow[];
    return rows.map(fromSqliteRow);
  }
}

// PostgreSQL

interface PostgresDeliveryRow {
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

function fromPostgresRow(r: PostgresDeliveryRow): Delivery {
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

export class PostgresLedger implements LedgerMethods {
  constructor(private readonly sql: PostgresConnection) {}

  async receivedKeys(keys: readonly string[]): Promise<ChannelRef[]> {
    if (keys.length === 0) return [];
    const r = await this.sql.pool.query<{ platform: Delivery["platform"]; channel_id: string }>(
      `SELECT DISTINCT platform, channel_id FROM deliveries
       WHERE key = ANY($1::text[]) AND state IN ('sent', 'sent_late')`,
      [[...keys]],
    );
    return r.rows.map((row) => ({ platform: row.platform, channelId: row.channel_id }));
  }

  async receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]> {
    if (keyPrefixes.length === 0) return [];
    const r = await this.sql.pool.query<{ platform: Delivery["platform"]; channel_id: string }>(
      `SELECT DISTINCT platform, channel_id FROM deliveries
       WHERE key ^@ ANY($1::text[]) AND state IN ('sent', 'sent_late')`,
      [[...keyPrefixes]],
    );
    return r.rows.map((row) => ({ platform: row.platform, channelId: row.channel_id }));
  }

  async delivery(ref: DeliveryRef): Promise<Delivery | undefined> {
    const r = await this.sql.pool.query<PostgresDeliveryRow>(
      "SELECT * FROM deliveries WHERE key = $1 AND platform = $2 AND channel_id = $3",
      [ref.key, ref.platform, ref.channelId],
    );
    const row = r.rows[0];
    return row ? fromPostgresRow(row) : undefined;
  }

  async unconfirmed(leaseEndedBy: Date): Promise<Delivery[]> {
    const r = await this.sql.pool.query<PostgresDeliveryRow>(
      "SELECT * FROM deliveries WHERE state = 'claimed' AND lease_until <= $1 ORDER BY claimed_at, key, platform, channel_id",
      [leaseEndedBy],
    );
    return r.rows.map(fromPostgresRow);
  }

  async deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]> {
    if (keyPrefixes.length === 0) return [];
    const r = await this.sql.pool.query<PostgresDeliveryRow>(
      `SELECT * FROM deliveries WHERE key ^@ ANY($1::text[])
       ORDER BY claimed_at DESC, due_at DESC, key LIMIT $2`,
      [[...keyPrefixes], limit],
    );
    return r.rows.map(fromPostgresRow);
  }

  async recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]> {
    const r = await this.sql.pool.query<PostgresDeliveryRow>(
      `SELECT * FROM deliveries WHERE platform = $1 AND channel_id = $2
       ORDER BY claimed_at DESC, due_at DESC, key LIMIT $3`,
      [channel.platform, channel.channelId, limit],
    );
    return r.rows.map(fromPostgresRow);
  }
}
