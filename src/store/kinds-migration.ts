/**
 * Migration 7: a subscription may be a curators' channel (`leads`), and the ledger keeps the digests
 * of new leads sent to it (`digest`). SQLite cannot change a CHECK: both tables are rebuilt with their
 * rows as they are; PostgreSQL swaps the constraints.
 * The rebuild repeats migration 5's text but for the table's name and kinds on purpose: a released
 * migration is a snapshot of its SQL, never built by code that a later change could edit.
 */
import type { Migration } from "./migrations.js";

export const KINDS_MIGRATION: Migration = {
  version: 7,
  name: "curators' channels (subscription kind leads) and their digests (delivery kind digest)",
  sqlite: `
    CREATE TABLE subscriptions_with_leads (
      platform TEXT NOT NULL
        CHECK (platform GLOB '[a-z]*' AND platform NOT GLOB '*[^a-z0-9-]*' AND length(platform) <= 32),
      channel_id TEXT NOT NULL,
      story TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('reminders', 'updates', 'all', 'leads')),
      lead_times TEXT,
      since_ms INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      created_by TEXT,
      updated_ms INTEGER NOT NULL,
      deactivated_ms INTEGER,
      deactivation_reason TEXT,
      PRIMARY KEY (platform, channel_id, story)
    );
    INSERT INTO subscriptions_with_leads
      SELECT platform, channel_id, story, workspace_id, kind, lead_times, since_ms, active, created_by,
             updated_ms, deactivated_ms, deactivation_reason
      FROM subscriptions;
    DROP TABLE subscriptions;
    ALTER TABLE subscriptions_with_leads RENAME TO subscriptions;
    CREATE INDEX subscriptions_active ON subscriptions (active, since_ms);
    CREATE TABLE deliveries_with_digests (
      key TEXT NOT NULL,
      platform TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('reminder', 'update', 'digest')),
      state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'sent_late', 'skipped', 'failed')),
      due_ms INTEGER NOT NULL,
      marker TEXT NOT NULL,
      summary TEXT NOT NULL,
      owner TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      claimed_ms INTEGER NOT NULL,
      finished_ms INTEGER,
      message_id TEXT,
      reason TEXT,
      lease_ms INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (key, platform, channel_id)
    );
    INSERT INTO deliveries_with_digests
      SELECT key, platform, channel_id, kind, state, due_ms, marker, summary, owner, attempts, claimed_ms,
             finished_ms, message_id, reason, lease_ms
      FROM deliveries;
    DROP TABLE deliveries;
    ALTER TABLE deliveries_with_digests RENAME TO deliveries;
    CREATE INDEX deliveries_channel ON deliveries (platform, channel_id, claimed_ms);
    CREATE INDEX deliveries_leases ON deliveries (lease_ms) WHERE state = 'claimed';
  `,
  postgres: `
    ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_kind_check;
    ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_kind_check
      CHECK (kind IN ('reminders', 'updates', 'all', 'leads'));
    ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check;
    ALTER TABLE deliveries ADD CONSTRAINT deliveries_kind_check
      CHECK (kind IN ('reminder', 'update', 'digest'));
  `,
};
