/**
 * Threads in the store, in both dialects: each channel's thread setting (thread_settings; no row:
 * off) and the thread each deadline or story got in a channel (thread_anchors). `recordAnchor` inserts
 * only when no thread is recorded for the anchor yet and answers with the one recorded (the first
 * wins), so two processes that both started one agree on which is the thread from then on.
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

export interface ThreadStore {
  /** Sets a channel's thread setting. */
  setThreadMode(channel: ChannelRef, mode: ThreadMode, at: Date): Promise<void>;
  /** A channel's thread setting (`off` when never set). */
  threadMode(channel: ChannelRef): Promise<ThreadMode>;
  /** The thread recorded for an anchor, if any. */
  threadOf(ref: AnchorRef): Promise<string | undefined>;
  /** Records `threadId` for the anchor unless one is recorded already; answers with the recorded one. */
  recordThread(ref: AnchorRef, threadId: string, at: Date): Promise<string>;
  /** Forgets the anchor's thread when it is still `threadId` (the thread is gone; the next alert starts one). */
  forgetThread(ref: AnchorRef, threadId: string): Promise<boolean>;
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

  async threadOf(ref: AnchorRef): Promise<string | undefined> {
    const row = this.sql
      .stmt("SELECT thread_id FROM thread_anchors WHERE platform = ? AND channel_id = ? AND anchor_key = ?")
      .get(ref.platform, ref.channelId, ref.anchor) as { thread_id: string } | undefined;
    return row?.thread_id;
  }

  async recordThread(ref: AnchorRef, threadId: string, at: Date): Promise<string> {
    this.sql
      .stmt(
        `INSERT INTO thread_anchors (platform, channel_id, anchor_key, thread_id, created_ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id, anchor_key) DO NOTHING`,
      )
      .run(ref.platform, ref.channelId, ref.anchor, threadId, at.getTime());
    return (await this.threadOf(ref)) ?? threadId;
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

  async threadOf(ref: AnchorRef): Promise<string | undefined> {
    const r = await this.sql.pool.query<{ thread_id: string }>(
      "SELECT thread_id FROM thread_anchors WHERE platform = $1 AND channel_id = $2 AND anchor_key = $3",
      [ref.platform, ref.channelId, ref.anchor],
    );
    return r.rows[0]?.thread_id;
  }

  async recordThread(ref: AnchorRef, threadId: string, at: Date): Promise<string> {
    await this.sql.pool.query(
      `INSERT INTO thread_anchors (platform, channel_id, anchor_key, thread_id, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform, channel_id, anchor_key) DO NOTHING`,
      [ref.platform, ref.channelId, ref.anchor, threadId, at],
    );
    return (await this.threadOf(ref)) ?? threadId;
  }

  async forgetThread(ref: AnchorRef, threadId: string): Promise<boolean> {
    const r = await this.sql.pool.query(
      "DELETE FROM thread_anchors WHERE platform = $1 AND channel_id = $2 AND anchor_key = $3 AND thread_id = $4",
      [ref.platform, ref.channelId, ref.anchor, threadId],
    );
    return (r.rowCount ?? 0) > 0;
  }
}
