/**
 * Threads in the store, in both dialects: each channel's thread setting (thread_settings; no row:
 * off) and the thread each deadline or story got in a channel (thread_anchors). A thread is claimed
 * before it exists: the first alert that needs it inserts the anchor's row naming itself the starter
 * (INSERT … ON CONFLICT DO NOTHING: one starter whoever races), and the thread is recorded once that
 * alert is sent (its message starts the thread). An alert whose starter never made it takes the
 * starter's place (compare-and-set), and a thread found gone is forgotten so the next alert starts one.
 */
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { ChannelRef } from "./store.js";

/**
 * How a channel takes its alerts: `off` in the channel (as before); `on` each deadline's alerts in a
 * thread of their own; `also-channel` the same, each reply also shown in the channel; `forum` one post
 * per story (a Discord forum or media channel, which takes no message outside a post).
 */
export type ThreadMode = "off" | "on" | "also-channel" | "forum";
export const THREAD_MODES: readonly ThreadMode[] = ["off", "on", "also-channel", "forum"];

/** A deadline's or a story's thread in one channel (`anchor`: see delivery/threads.ts). */
export interface AnchorRef extends ChannelRef {
  anchor: string;
}

/** An anchor's row: the ledger key of the alert that starts its thread, and the thread once it has one. */
export interface ThreadAnchor {
  starterKey: string;
  threadId: string | undefined;
}

export interface ThreadStore {
  /** Sets a channel's thread setting. */
  setThreadMode(channel: ChannelRef, mode: ThreadMode, at: Date): Promise<void>;
  /** A channel's thread setting (`off` when never set). */
  threadMode(channel: ChannelRef): Promise<ThreadMode>;
  /** Every channel whose thread setting is not `off`, with it. */
  threadedChannels(): Promise<(ChannelRef & { mode: ThreadMode })[]>;
  /** The anchor's row, if any. */
  threadOf(ref: AnchorRef): Promise<ThreadAnchor | undefined>;
  /** Makes `starterKey` the anchor's starter unless it has one; answers with the anchor's row. */
  claimThread(ref: AnchorRef, starterKey: string, at: Date): Promise<ThreadAnchor>;
  /** Records the thread `starterKey` started, unless one is recorded; answers with the recorded one. */
  recordThread(ref: AnchorRef, starterKey: string, threadId: string): Promise<string | undefined>;
  /** Hands a thread not yet started from `fromKey` (which never made it) to `toKey`. True when done. */
  passThread(ref: AnchorRef, fromKey: string, toKey: string): Promise<boolean>;
  /** Forgets the anchor while its thread is still `threadId` (the thread is gone). True when forgotten. */
  forgetThread(ref: AnchorRef, threadId: string): Promise<boolean>;
}

interface AnchorRow {
  starter_key: string;
  thread_id: string | null;
}

function fromRow(row: AnchorRow | undefined): ThreadAnchor | undefined {
  return row ? { starterKey: row.starter_key, threadId: row.thread_id ?? undefined } : undefined;
}

export class SqliteThreads implements ThreadStore {
  constructor(private readonly sql: SqliteConnection) {}

  async setThreadMode(channel: ChannelRef, mode: ThreadMode, at: Date): Promise<void> {
    this.sql
      .stmt(
        `INSERT INTO thread_settings (platform, channel_id, mode, updated_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET mode = excluded.mode, updated_ms = excluded.updated_ms`,
      )
      .run(channel.platform, channel.channelId, mode, at.getTime());
  }

  async threadMode(channel: ChannelRef): Promise<ThreadMode> {
    const row = this.sql
      .stmt("SELECT mode FROM thread_settings WHERE platform = ? AND channel_id = ?")
      .get(channel.platform, channel.channelId) as { mode: ThreadMode } | undefined;
    return row?.mode ?? "off";
  }

  async threadedChannels(): Promise<(ChannelRef & { mode: ThreadMode })[]> {
    const rows = this.sql
      .stmt("SELECT platform, channel_id, mode FROM thread_settings WHERE mode <> 'off'")
      .all() as { platform: string; channel_id: string; mode: ThreadMode }[];
    return rows.map((r) => ({ platform: r.platform, channelId: r.channel_id, mode: r.mode }));
  }

  async threadOf(ref: AnchorRef): Promise<ThreadAnchor | undefined> {
    const row = this.sql
      .stmt(
        "SELECT starter_key, thread_id FROM thread_anchors WHERE platform = ? AND channel_id = ? AND anchor_key = ?",
      )
      .get(ref.platform, ref.channelId, ref.anchor) as AnchorRow | undefined;
    return fromRow(row);
  }

  async claimThread(ref: AnchorRef, starterKey: string, at: Date): Promise<ThreadAnchor> {
    this.sql
      .stmt(
        `INSERT INTO thread_anchors (platform, channel_id, anchor_key, starter_key, created_ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id, anchor_key) DO NOTHING`,
      )
      .run(ref.platform, ref.channelId, ref.anchor, starterKey, at.getTime());
    return (await this.threadOf(ref)) ?? { starterKey, threadId: undefined };
  }

  async recordThread(ref: AnchorRef, starterKey: string, threadId: string): Promise<string | undefined> {
    this.sql
      .stmt(
        `UPDATE thread_anchors SET thread_id = ?
         WHERE platform = ? AND channel_id = ? AND anchor_key = ? AND starter_key = ? AND thread_id IS NULL`,
      )
      .run(threadId, ref.platform, ref.channelId, ref.anchor, starterKey);
    return (await this.threadOf(ref))?.threadId;
  }

  async passThread(ref: AnchorRef, fromKey: string, toKey: string): Promise<boolean> {
    const r = this.sql
      .stmt(
        `UPDATE thread_anchors SET starter_key = ?
         WHERE platform = ? AND channel_id = ? AND anchor_key = ? AND starter_key = ? AND thread_id IS NULL`,
      )
      .run(toKey, ref.platform, ref.channelId, ref.anchor, fromKey);
    return r.changes > 0;
  }

  async forgetThread(ref: AnchorRef, threadId: string): Promise<boolean> {
    const r = this.sql
      .stmt(
        "DELETE FROM thread_anchors WHERE platform = ? AND channel_id = ? AND anchor_key = ? AND thread_id = ?",
      )
      .run(ref.platform, ref.channelId, ref.anchor, threadId);
    return r.changes > 0;
  }
}

export class PostgresThreads implements ThreadStore {
  constructor(private readonly sql: PostgresConnection) {}

  async setThreadMode(channel: ChannelRef, mode: ThreadMode, at: Date): Promise<void> {
    await this.sql.pool.query(
      `INSERT INTO thread_settings (platform, channel_id, mode, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, channel_id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`,
      [channel.platform, channel.channelId, mode, at],
    );
  }

  async threadMode(channel: ChannelRef): Promise<ThreadMode> {
    const r = await this.sql.pool.query<{ mode: ThreadMode }>(
      "SELECT mode FROM thread_settings WHERE platform = $1 AND channel_id = $2",
      [channel.platform, channel.channelId],
    );
    return r.rows[0]?.mode ?? "off";
  }

  async threadedChannels(): Promise<(ChannelRef & { mode: ThreadMode })[]> {
    const r = await this.sql.pool.query<{ platform: string; channel_id: string; mode: ThreadMode }>(
      "SELECT platform, channel_id, mode FROM thread_settings WHERE mode <> 'off'",
    );
    return r.rows.map((row) => ({ platform: row.platform, channelId: row.channel_id, mode: row.mode }));
  }

  async threadOf(ref: AnchorRef): Promise<ThreadAnchor | undefined> {
    const r = await this.sql.pool.query<AnchorRow>(
      "SELECT starter_key, thread_id FROM thread_anchors WHERE platform = $1 AND channel_id = $2 AND anchor_key = $3",
      [ref.platform, ref.channelId, ref.anchor],
    );
    return fromRow(r.rows[0]);
  }

  async claimThread(ref: AnchorRef, starterKey: string, at: Date): Promise<ThreadAnchor> {
    await this.sql.pool.query(
      `INSERT INTO thread_anchors (platform, channel_id, anchor_key, starter_key, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform, channel_id, anchor_key) DO NOTHING`,
      [ref.platform, ref.channelId, ref.anchor, starterKey, at],
    );
    return (await this.threadOf(ref)) ?? { starterKey, threadId: undefined };
  }

  async recordThread(ref: AnchorRef, starterKey: string, threadId: string): Promise<string | undefined> {
    await this.sql.pool.query(
      `UPDATE thread_anchors SET thread_id = $1
       WHERE platform = $2 AND channel_id = $3 AND anchor_key = $4 AND starter_key = $5 AND thread_id IS NULL`,
      [threadId, ref.platform, ref.channelId, ref.anchor, starterKey],
    );
    return (await this.threadOf(ref))?.threadId;
  }

  async passThread(ref: AnchorRef, fromKey: string, toKey: string): Promise<boolean> {
    const r = await this.sql.pool.query(
      `UPDATE thread_anchors SET starter_key = $1
       WHERE platform = $2 AND channel_id = $3 AND anchor_key = $4 AND starter_key = $5 AND thread_id IS NULL`,
      [toKey, ref.platform, ref.channelId, ref.anchor, fromKey],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async forgetThread(ref: AnchorRef, threadId: string): Promise<boolean> {
    const r = await this.sql.pool.query(
      "DELETE FROM thread_anchors WHERE platform = $1 AND channel_id = $2 AND anchor_key = $3 AND thread_id = $4",
      [ref.platform, ref.channelId, ref.anchor, threadId],
    );
    return (r.rowCount ?? 0) > 0;
  }
}
