/**
 * Migration 10: who gets which language. A table of its own for each person's chosen language per
 * platform (`/language`; no row: no choice, their locale decides), and a nullable `language` on each
 * subscription, the language its channel's alerts are written in (NULL: English, as before). Adding a
 * column leaves every row as it was, so nothing is rebuilt.
 */
import type { Migration } from "./migrations.js";

export const LANGUAGES_MIGRATION: Migration = {
  version: 10,
  name: "languages: each person's chosen language per platform, and the language of each subscription",
  sqlite: `
    CREATE TABLE user_languages (
      platform TEXT NOT NULL,
      user_id TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en', 'ar', 'he', 'fr')),
      updated_ms INTEGER NOT NULL,
      PRIMARY KEY (platform, user_id)
    );
    ALTER TABLE subscriptions ADD COLUMN language TEXT CHECK (language IN ('en', 'ar', 'he', 'fr'));
  `,
  postgres: `
    CREATE TABLE user_languages (
      platform TEXT NOT NULL,
      user_id TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en', 'ar', 'he', 'fr')),
      updated_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (platform, user_id)
    );
    ALTER TABLE subscriptions ADD COLUMN language TEXT CHECK (language IN ('en', 'ar', 'he', 'fr'));
  `,
};
