/**
 * Migration 9: threads and forums. Two tables of their own (nothing else is rebuilt): each channel's
 * thread setting (absent: off, as before), and the thread each deadline or story got in a channel
 * (its anchor): which alert starts it (`starter_key`, a ledger key, claimed before it is sent) and,
 * once sent, the thread (the Slack `ts` of that first message, the Discord thread or forum post id),
 * so that no process and no restart starts a second one.
 */
import type { Migration } from "./migrations.js";

export const THREADS_MIGRATION: Migration = {
  version: 9,
  name: "threads and forums: each channel's thread setting, and the thread each deadline or story got",
  sqlite: `
    CREATE TABLE thread_settings (
      platform TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('off', 'on', 'also-channel', 'forum')),
      updated_ms INTEGER NOT NULL,
      PRIMARY KEY (platform, channel_id)
    );
    CREATE TABLE thread_anchors (
      platform TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      anchor_key TEXT NOT NULL,
      starter_key TEXT NOT NULL,
      thread_id TEXT,
      created_ms INTEGER NOT NULL,
      PRIMARY KEY (platform, channel_id, anchor_key)
    );
  `,
  postgres: `
    CREATE TABLE thread_settings (
      platform TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('off', 'on', 'also-channel', 'forum')),
      updated_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (platform, channel_id)
    );
    CREATE TABLE thread_anchors (
      platform TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      anchor_key TEXT NOT NULL,
      starter_key TEXT NOT NULL,
      thread_id TEXT,
      created_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (platform, channel_id, anchor_key)
    );
  `,
};
