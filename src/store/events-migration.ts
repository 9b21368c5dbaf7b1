/**
 * Migration 8: a subscription may be of kind `events` (a Discord server's scheduled events follow a
 * story's deadlines), and the table of those events, one row per (platform, workspace, story,
 * deadline) with its lease (src/calendar-events/event-store.ts). SQLite cannot change a CHECK: the
 * subscriptions table is rebuilt with its rows as they are; PostgreSQL swaps the constraint.
 * The rebuild repeats migration 5's text but for the table's name and kinds on purpose: a released
 * migration is a snapshot of its SQL, never built by code that a later change could edit.
 */
import type { Migration } from "./migrations.js";

export const EVENTS_MIGRATION: Migration = {
  version: 8,
  name: "scheduled events: subscription kind events and the events made for deadlines",
  sqlite: `
    CREATE TABLE subscriptions_with_events (
      platform TEXT NOT NULL
        CHECK (platform GLOB '[a-z]*' AND platform NOT GLOB '*[^a-z0-9-]*' AND length(platform) <= 32),
      channel_id TEXT NOT NULL,
      story TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('reminders', 'updates', 'all', 'leads', 'events')),
      lead_times TEXT,
      since_ms INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      created_by TEXT,
      updated_ms INTEGER NOT NULL,
      deactivated_ms INTEGER,
      deactivation_reason TEXT,
      PRIMARY KEY (platform, channel_id, story)
    );
    INSERT INTO subscriptions_with_events
      SELECT platform, channel_id, story, workspace_id, kind, lead_times, since_ms, active, created_by,
             updated_ms, deactivated_ms, deactivation_reason
      FROM subscriptions;
    DROP TABLE subscriptions;
    ALTER TABLE subscriptions_with_events RENAME TO subscriptions;
    CREATE INDEX subscriptions_active ON subscriptions (active, since_ms);
    CREATE TABLE scheduled_events (
      platform TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      story TEXT NOT NULL,
      deadline TEXT NOT NULL,
      event_id TEXT,
      synced TEXT,
      ended INTEGER NOT NULL DEFAULT 0,
      owner TEXT,
      lease_ms INTEGER NOT NULL DEFAULT 0,
      updated_ms INTEGER NOT NULL,
      PRIMARY KEY (platform, workspace_id, story, deadline)
    );
  `,
  postgres: `
    ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_kind_check;
    ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_kind_check
      CHECK (kind IN ('reminders', 'updates', 'all', 'leads', 'events'));
    CREATE TABLE scheduled_events (
      platform TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      story TEXT NOT NULL,
      deadline TEXT NOT NULL,
      event_id TEXT,
      synced TEXT,
      ended BOOLEAN NOT NULL DEFAULT FALSE,
      owner TEXT,
      lease_until TIMESTAMPTZ NOT NULL DEFAULT 'epoch',
      updated_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (platform, workspace_id, story, deadline)
    );
  `,
};
