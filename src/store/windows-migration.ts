/**
 * Migration 11: shared time windows (windows-sql.ts). One row per window key, holding the instant the
 * window opens again, on the database's own clock: the processes of one bot take turns through it, such
 * as the Discord gateway's identify buckets (docs/decisions/0035-one-identify-queue-for-every-process.md).
 */
import type { Migration } from "./migrations.js";

export const WINDOWS_MIGRATION: Migration = {
  version: 11,
  name: "windows: turns in shared time windows, on the database's clock",
  sqlite: `
    CREATE TABLE time_windows (
      key TEXT PRIMARY KEY,
      opens_ms INTEGER NOT NULL
    );
  `,
  postgres: `
    CREATE TABLE time_windows (
      key TEXT PRIMARY KEY,
      opens_at TIMESTAMPTZ NOT NULL
    );
  `,
};
