/**
 * The store's subscriptions (which channels follow which story, for what, since when), in both
 * dialects: one row per (platform, channel, story); subscribing again changes the active row (keeping
 * its `since`) or re-activates an old one from the new instant. A subscription's language (NULL:
 * English) is replaced only when one is given: subscribing again to change the kind or the lead times
 * keeps it.
 */
import { isLanguage } from "../language/languages.js";
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { ChannelRef, Store, StoryChannelRef, SubscribeInput, Subscription } from "./store.js";

type SubscriptionMethods = Pick<
  Store,
  "subscribe" | "deactivate" | "subscription" | "channelSubscriptions" | "activeSubscriptions"
>;

// SQLite

interface SqliteSubscriptionRow {
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
  language: string | null;
}

/** The row's language, when it has one (the column's CHECK admits only ours). */
function languageField(language: string | null): Pick<Subscription, "language"> {
  return isLanguage(language) ? { language } : {};
}

function fromSqliteRow(r: SqliteSubscriptionRow): Subscription {
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
    ...languageField(r.language),
  };
}

export class SqliteSubscriptions implements SubscriptionMethods {
  constructor(private readonly sql: SqliteConnection) {}

  async subscribe(input: SubscribeInput, at: Date): Promise<Subscription> {
    const leads = input.leadTimes ? JSON.stringify([...input.leadTimes]) : null;
    const now = at.getTime();
    this.sql
      .stmt(
        `INSERT INTO subscriptions (platform, channel_id, story, workspace_id, kind, lead_times, since_ms, active, created_by, updated_ms, language)
         VALUES (@platform, @channelId, @story, @workspaceId, @kind, @leads, @now, 1, @userId, @now, @language)
         ON CONFLICT (platform, channel_id, story) DO UPDATE SET
           workspace_id = excluded.workspace_id,
           kind = excluded.kind,
           lead_times = excluded.lead_times,
           language = COALESCE(excluded.language, subscriptions.language),
           since_ms = CASE WHEN subscriptions.active = 1 THEN subscriptions.since_ms ELSE excluded.since_ms END,
           created_by = CASE WHEN subscriptions.active = 1 THEN subscriptions.created_by ELSE excluded.created_by END,
           active = 1,
           updated_ms = excluded.updated_ms,
           deactivated_ms = NULL,
           deactivation_reason = NULL`,
      )
      .run({
        platform: input.platform,
        channelId: input.channelId,
        story: input.story,
        workspaceId: input.workspaceId,
        kind: input.kind,
        leads,
        now,
        userId: input.userId ?? null,
        language: input.language ?? null,
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
    const r = this.sql
      .stmt(
        `UPDATE subscriptions SET active = 0, deactivated_ms = ?, deactivation_reason = ?, updated_ms = ?
         WHERE platform = ? AND channel_id = ? AND (? IS NULL OR story = ?) AND active = 1`,
      )
      .run(
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
    const row = this.sql
      .stmt("SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND story = ?")
      .get(channel.platform, channel.channelId, channel.story) as SqliteSubscriptionRow | undefined;
    return row ? fromSqliteRow(row) : undefined;
  }

  async channelSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    const rows = this.sql
      .stmt("SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY story")
      .all(channel.platform, channel.channelId) as SqliteSubscriptionRow[];
    return rows.map(fromSqliteRow);
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const rows = this.sql
      .stmt("SELECT * FROM subscriptions WHERE active = 1 ORDER BY since_ms, platform, channel_id")
      .all() as SqliteSubscriptionRow[];
    return rows.map(fromSqliteRow);
  }
}

// PostgreSQL

interface PostgresSubscriptionRow {
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
  language: string | null;
}

function fromPostgresRow(r: PostgresSubscriptionRow): Subscription {
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
    ...languageField(r.language),
  };
}

export class PostgresSubscriptions implements SubscriptionMethods {
  constructor(private readonly sql: PostgresConnection) {}

  async subscribe(input: SubscribeInput, at: Date): Promise<Subscription> {
    const r = await this.sql.pool.query<PostgresSubscriptionRow>(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, kind, lead_times, since, active, created_by, updated_at, story, language)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, TRUE, $7, $6, $8, $9)
       ON CONFLICT (platform, channel_id, story) DO UPDATE SET
         workspace_id = EXCLUDED.workspace_id,
         kind = EXCLUDED.kind,
         lead_times = EXCLUDED.lead_times,
         language = COALESCE(EXCLUDED.language, subscriptions.language),
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
        input.language ?? null,
      ],
    );
    const row = r.rows[0];
    if (!row) throw new Error("subscription upsert returned no row");
    return fromPostgresRow(row);
  }

  async deactivate(
    channel: ChannelRef & { story?: string | undefined },
    reason: string,
    at: Date,
  ): Promise<number> {
    const r = await this.sql.pool.query(
      `UPDATE subscriptions SET active = FALSE, deactivated_at = $1, deactivation_reason = $2, updated_at = $1
       WHERE platform = $3 AND channel_id = $4 AND ($5::text IS NULL OR story = $5) AND active`,
      [at, reason, channel.platform, channel.channelId, channel.story ?? null],
    );
    return r.rowCount ?? 0;
  }

  async subscription(channel: StoryChannelRef): Promise<Subscription | undefined> {
    const r = await this.sql.pool.query<PostgresSubscriptionRow>(
      "SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND story = $3",
      [channel.platform, channel.channelId, channel.story],
    );
    const row = r.rows[0];
    return row ? fromPostgresRow(row) : undefined;
  }

  async channelSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    const r = await this.sql.pool.query<PostgresSubscriptionRow>(
      "SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY story",
      [channel.platform, channel.channelId],
    );
    return r.rows.map(fromPostgresRow);
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const r = await this.sql.pool.query<PostgresSubscriptionRow>(
      "SELECT * FROM subscriptions WHERE active ORDER BY since, platform, channel_id",
    );
    return r.rows.map(fromPostgresRow);
  }
}
