/**
 * The store's schema as numbered migrations, one SQL text per dialect. Each store applies the ones its
 * `schema_migrations` table lacks, in order, inside a transaction, when it opens; a migration is never
 * edited once released — a change is a new migration. How each dialect applies them is at the end.
 */
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import { EVENTS_MIGRATION } from "./events-migration.js";
import { KINDS_MIGRATION } from "./kinds-migration.js";
import { LANGUAGES_MIGRATION } from "./languages-migration.js";
import { THREADS_MIGRATION } from "./threads-migration.js";
import { WINDOWS_MIGRATION } from "./windows-migration.js";

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "subscriptions, delivery ledger, scheduler state",
    sqlite: `
      CREATE TABLE subscriptions (
        platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
        channel_id TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reminders', 'updates', 'all')),
        lead_times TEXT,
        since_ms INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_by TEXT,
        updated_ms INTEGER NOT NULL,
        deactivated_ms INTEGER,
        deactivation_reason TEXT,
        PRIMARY KEY (platform, channel_id)
      );
      CREATE INDEX subscriptions_active ON subscriptions (active, since_ms);
      CREATE TABLE deliveries (
        key TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reminder', 'update')),
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
        PRIMARY KEY (key, platform, channel_id)
      );
      CREATE INDEX deliveries_channel ON deliveries (platform, channel_id, claimed_ms);
      CREATE INDEX deliveries_unconfirmed ON deliveries (claimed_ms) WHERE state = 'claimed';
      CREATE TABLE scheduler_state (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_ms INTEGER NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE subscriptions (
        platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
        channel_id TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reminders', 'updates', 'all')),
        lead_times JSONB,
        since TIMESTAMPTZ NOT NULL,
        active BOOLEAN NOT NULL DEFAULT TRUE,
        created_by TEXT,
        updated_at TIMESTAMPTZ NOT NULL,
        deactivated_at TIMESTAMPTZ,
        deactivation_reason TEXT,
        PRIMARY KEY (platform, channel_id)
      );
      CREATE INDEX subscriptions_active ON subscriptions (active, since);
      CREATE TABLE deliveries (
        key TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reminder', 'update')),
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'sent_late', 'skipped', 'failed')),
        due_at TIMESTAMPTZ NOT NULL,
        marker TEXT NOT NULL,
        summary TEXT NOT NULL,
        owner TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_at TIMESTAMPTZ NOT NULL,
        finished_at TIMESTAMPTZ,
        message_id TEXT,
        reason TEXT,
        PRIMARY KEY (key, platform, channel_id)
      );
      CREATE INDEX deliveries_channel ON deliveries (platform, channel_id, claimed_at);
      CREATE INDEX deliveries_unconfirmed ON deliveries (claimed_at) WHERE state = 'claimed';
      CREATE TABLE scheduler_state (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "a subscription per story: a channel may follow one story, several, or all (*)",
    // Subscriptions made before stories could be chosen got every story's alerts: they become "*".
    sqlite: `
      CREATE TABLE subscriptions_by_story (
        platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
        channel_id TEXT NOT NULL,
        story TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reminders', 'updates', 'all')),
        lead_times TEXT,
        since_ms INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_by TEXT,
        updated_ms INTEGER NOT NULL,
        deactivated_ms INTEGER,
        deactivation_reason TEXT,
        PRIMARY KEY (platform, channel_id, story)
      );
      INSERT INTO subscriptions_by_story
        SELECT platform, channel_id, '*', workspace_id, kind, lead_times, since_ms, active, created_by,
               updated_ms, deactivated_ms, deactivation_reason
        FROM subscriptions;
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_by_story RENAME TO subscriptions;
      CREATE INDEX subscriptions_active ON subscriptions (active, since_ms);
    `,
    postgres: `
      ALTER TABLE subscriptions ADD COLUMN story TEXT NOT NULL DEFAULT '*';
      ALTER TABLE subscriptions ALTER COLUMN story DROP DEFAULT;
      ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_pkey;
      ALTER TABLE subscriptions ADD PRIMARY KEY (platform, channel_id, story);
    `,
  },
  {
    version: 3,
    name: "claims carry a lease: any number of processes on one store",
    // A claim made before leases existed is free at once (its lease ends when it was claimed), as the
    // one process that could have made it settled such claims at its next start.
    sqlite: `
      ALTER TABLE deliveries ADD COLUMN lease_ms INTEGER NOT NULL DEFAULT 0;
      UPDATE deliveries SET lease_ms = claimed_ms;
      DROP INDEX deliveries_unconfirmed;
      CREATE INDEX deliveries_leases ON deliveries (lease_ms) WHERE state = 'claimed';
    `,
    postgres: `
      ALTER TABLE deliveries ADD COLUMN lease_until TIMESTAMPTZ;
      UPDATE deliveries SET lease_until = claimed_at;
      ALTER TABLE deliveries ALTER COLUMN lease_until SET NOT NULL;
      DROP INDEX deliveries_unconfirmed;
      CREATE INDEX deliveries_leases ON deliveries (lease_until) WHERE state = 'claimed';
    `,
  },
  {
    version: 4,
    name: "the record of changes to the data: what, old and new, development or correction, when, by whom",
    sqlite: `
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        story TEXT NOT NULL,
        path TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('development', 'correction')),
        old_value TEXT,
        new_value TEXT,
        at_ms INTEGER NOT NULL,
        by_user TEXT
      );
      CREATE INDEX changes_story ON changes (story, at_ms);
    `,
    postgres: `
      CREATE TABLE changes (
        id BIGSERIAL PRIMARY KEY,
        story TEXT NOT NULL,
        path TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('development', 'correction')),
        old_value TEXT,
        new_value TEXT,
        at TIMESTAMPTZ NOT NULL,
        by_user TEXT
      );
      CREATE INDEX changes_story ON changes (story, at);
    `,
  },
  {
    version: 5,
    name: "a platform is any name of the platform list, not one of two written into the schema",
    // The names follow src/platforms/platform.ts's PLATFORM_NAME. SQLite cannot drop a CHECK: the
    // table is rebuilt with the rows as they are.
    sqlite: `
      CREATE TABLE subscriptions_any_platform (
        platform TEXT NOT NULL
          CHECK (platform GLOB '[a-z]*' AND platform NOT GLOB '*[^a-z0-9-]*' AND length(platform) <= 32),
        channel_id TEXT NOT NULL,
        story TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reminders', 'updates', 'all')),
        lead_times TEXT,
        since_ms INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_by TEXT,
        updated_ms INTEGER NOT NULL,
        deactivated_ms INTEGER,
        deactivation_reason TEXT,
        PRIMARY KEY (platform, channel_id, story)
      );
      INSERT INTO subscriptions_any_platform
        SELECT platform, channel_id, story, workspace_id, kind, lead_times, since_ms, active, created_by,
               updated_ms, deactivated_ms, deactivation_reason
        FROM subscriptions;
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_any_platform RENAME TO subscriptions;
      CREATE INDEX subscriptions_active ON subscriptions (active, since_ms);
    `,
    postgres: `
      ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_platform_check;
      ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_platform_name
        CHECK (platform ~ '^[a-z][a-z0-9-]{0,31}$');
    `,
  },
  {
    version: 6,
    name: "leads the story's news feeds bring in (one per story and link), and each feed's state",
    sqlite: `
      CREATE TABLE leads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        story TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        published_ms INTEGER,
        summary TEXT NOT NULL,
        matched TEXT NOT NULL,
        found_ms INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new', 'used', 'dismissed')),
        used_for TEXT,
        decided_by TEXT,
        decided_ms INTEGER,
        UNIQUE (story, link)
      );
      CREATE INDEX leads_newest ON leads (story, (COALESCE(published_ms, found_ms)));
      CREATE INDEX leads_found ON leads (story, found_ms);
      CREATE TABLE feed_states (
        story TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        next_fetch_ms INTEGER NOT NULL,
        failures INTEGER NOT NULL,
        last_fetched_ms INTEGER,
        last_ok_ms INTEGER,
        last_error TEXT,
        last_items INTEGER NOT NULL,
        last_new_leads INTEGER NOT NULL,
        PRIMARY KEY (story, feed_id)
      );
    `,
    postgres: `
      CREATE TABLE leads (
        id BIGSERIAL PRIMARY KEY,
        story TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        published_at TIMESTAMPTZ,
        summary TEXT NOT NULL,
        matched JSONB NOT NULL,
        found_at TIMESTAMPTZ NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new', 'used', 'dismissed')),
        used_for TEXT,
        decided_by TEXT,
        decided_at TIMESTAMPTZ,
        UNIQUE (story, link)
      );
      CREATE INDEX leads_newest ON leads (story, (COALESCE(published_at, found_at)));
      CREATE INDEX leads_found ON leads (story, found_at);
      CREATE TABLE feed_states (
        story TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        next_fetch_at TIMESTAMPTZ NOT NULL,
        failures INTEGER NOT NULL,
        last_fetched_at TIMESTAMPTZ,
        last_ok_at TIMESTAMPTZ,
        last_error TEXT,
        last_items INTEGER NOT NULL,
        last_new_leads INTEGER NOT NULL,
        PRIMARY KEY (story, feed_id)
      );
    `,
  },
  KINDS_MIGRATION,
  EVENTS_MIGRATION,
  THREADS_MIGRATION,
  LANGUAGES_MIGRATION,
  WINDOWS_MIGRATION,
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

// SQLite

/** Applies the migrations the file lacks (two processes opening one file migrate one after the other). */
export function migrateSqlite(sql: SqliteConnection): void {
  const db = sql.db;
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
export async function sqliteMigrations(sql: SqliteConnection): Promise<number[]> {
  return (
    sql.stmt("SELECT version FROM schema_migrations ORDER BY version").all() as { version: number }[]
  ).map((r) => r.version);
}

// PostgreSQL

/** Any number: the advisory lock that serialises migrations of this bot's schema. */
const MIGRATION_LOCK = 0x0ce45ef1;

/** Creates `schema` when asked and applies the migrations it lacks, under an advisory lock: processes starting together migrate once. */
export function migratePostgres(sql: PostgresConnection, schema: string | undefined): Promise<void> {
  return sql.locked(["SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]], async (client) => {
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

/** Applied migration versions. */
export async function postgresMigrations(sql: PostgresConnection): Promise<number[]> {
  const r = await sql.pool.query<{ version: number }>(
    "SELECT version FROM schema_migrations ORDER BY version",
  );
  return r.rows.map((row) => row.version);
}
