/**
 * Turns in shared time windows, in both dialects (time_windows): `takeWindow(key, ms)` takes the key's
 * window for `ms` milliseconds when it is open and otherwise says how long until it opens. The instant
 * is the database's own (`unixepoch('subsec')` in SQLite, `clock_timestamp()` in PostgreSQL), the one
 * clock every process of the bot shares, so processes whose clocks drift, or that run on a clock of
 * their own (`--clock`), still take turns. What uses it: the Discord gateway's identify buckets, which
 * Discord counts for the whole bot, whichever process connects
 * (docs/decisions/0035-one-identify-queue-for-every-process.md).
 */
import type { PostgresConnection, SqliteConnection } from "./connections.js";

export interface WindowStore {
  /**
   * Takes `key`'s window for the next `ms` milliseconds if it is open: 0. Otherwise nothing changes
   * and the answer is how many milliseconds remain until it opens (at least 1). Atomic: of callers
   * racing for one open window, exactly one gets 0.
   */
  takeWindow(key: string, ms: number): Promise<number>;
}

/** At least 1 ms, so that a window about to open is never taken for an open one. */
function remaining(ms: number | string | null | undefined): number {
  return Math.max(1, Math.ceil(Number(ms ?? 1)));
}

export class SqliteWindows implements WindowStore {
  constructor(private readonly sql: SqliteConnection) {}

  async takeWindow(key: string, ms: number): Promise<number> {
    const now = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
    const taken = this.sql
      .stmt(
        `INSERT INTO time_windows (key, opens_ms) VALUES (?, ${now} + ?)
         ON CONFLICT (key) DO UPDATE SET opens_ms = excluded.opens_ms
         WHERE time_windows.opens_ms <= ${now}`,
      )
      .run(key, Math.ceil(ms));
    if (taken.changes === 1) return 0;
    const row = this.sql.stmt(`SELECT opens_ms - ${now} AS wait FROM time_windows WHERE key = ?`).get(key) as
      | { wait: number }
      | undefined;
    return remaining(row?.wait);
  }
}

export class PostgresWindows implements WindowStore {
  constructor(private readonly sql: PostgresConnection) {}

  async takeWindow(key: string, ms: number): Promise<number> {
    // One statement: the upsert takes the window when it is open; when it is not, the row stays and
    // the second part reads how long it has left (the upsert's own snapshot sees the row as it was).
    const r = await this.sql.pool.query<{ taken: boolean; wait: string | null }>(
      `WITH taken AS (
         INSERT INTO time_windows (key, opens_at)
         VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
         ON CONFLICT (key) DO UPDATE SET opens_at = EXCLUDED.opens_at
         WHERE time_windows.opens_at <= clock_timestamp()
         RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM taken) AS taken,
              (SELECT EXTRACT(EPOCH FROM (opens_at - clock_timestamp())) * 1000
                 FROM time_windows WHERE key = $1) AS wait`,
      [key, Math.ceil(ms)],
    );
    const row = r.rows[0];
    return row?.taken ? 0 : remaining(row?.wait);
  }
}
