/**
 * The scheduled events' rows (src/calendar-events/event-store.ts) in both dialects. A claim is one
 * upsert: it inserts a new row with the lease, or takes an existing row's lease only when it has ended
 * (or is the claimant's own), and returns the row; a save writes the row and frees the lease.
 */

import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { EventRef, EventRow, EventState, EventStore } from "./event-store.js";

/** The columns of an event row that both engines name and type alike. */
interface EventColumns {
  platform: string;
  workspace_id: string;
  story: string;
  deadline: string;
  event_id: string | null;
  synced: string | null;
  owner: string | null;
}

/** An event row of either engine, with its flag and instants as read, as an EventRow. */
function toEvent(r: EventColumns, read: Pick<EventRow, "ended" | "leaseUntil" | "updatedAt">): EventRow {
  return {
    platform: r.platform,
    workspaceId: r.workspace_id,
    story: r.story,
    deadline: r.deadline,
    eventId: r.event_id ?? undefined,
    synced: r.synced ?? undefined,
    owner: r.owner ?? undefined,
    ...read,
  };
}

// SQLite

type SqliteEventRow = EventColumns & { ended: number; lease_ms: number; updated_ms: number };

function fromSqlite(r: SqliteEventRow): EventRow {
  return toEvent(r, {
    ended: r.ended === 1,
    leaseUntil: new Date(r.lease_ms),
    updatedAt: new Date(r.updated_ms),
  });
}

export class SqliteEvents implements EventStore {
  constructor(private readonly sql: SqliteConnection) {}

  async openEvents(platform: string): Promise<EventRow[]> {
    const rows = this.sql
      .stmt(
        "SELECT * FROM scheduled_events WHERE platform = ? AND ended = 0 ORDER BY workspace_id, story, deadline",
      )
      .all(platform) as SqliteEventRow[];
    return rows.map(fromSqlite);
  }

  async claimEvent(
    ref: EventRef,
    lease: { owner: string; until: Date },
    at: Date,
  ): Promise<EventRow | undefined> {
    const row = this.sql
      .stmt(
        `INSERT INTO scheduled_events (platform, workspace_id, story, deadline, owner, lease_ms, updated_ms)
         VALUES (@platform, @workspaceId, @story, @deadline, @owner, @until, @at)
         ON CONFLICT (platform, workspace_id, story, deadline) DO UPDATE SET
           owner = excluded.owner, lease_ms = excluded.lease_ms
         WHERE scheduled_events.lease_ms <= @at OR scheduled_events.owner = excluded.owner
         RETURNING *`,
      )
      .get({ ...ref, owner: lease.owner, until: lease.until.getTime(), at: at.getTime() }) as
      | SqliteEventRow
      | undefined;
    return row ? fromSqlite(row) : undefined;
  }

  async saveEvent(ref: EventRef, owner: string, state: EventState | undefined, at: Date): Promise<boolean> {
    const keys = { ...ref, owner, at: at.getTime() };
    const where =
      "WHERE platform = @platform AND workspace_id = @workspaceId AND story = @story AND deadline = @deadline AND owner = @owner";
    const r = state
      ? this.sql
          .stmt(
            `UPDATE scheduled_events SET event_id = @eventId, synced = @synced, ended = @ended, lease_ms = 0,
               updated_ms = @at ${where}`,
          )
          .run({
            ...keys,
            eventId: state.eventId ?? null,
            synced: state.synced ?? null,
            ended: state.ended ? 1 : 0,
          })
      : this.sql.stmt(`UPDATE scheduled_events SET lease_ms = 0 ${where}`).run(keys);
    return r.changes > 0;
  }
}

// PostgreSQL

type PostgresEventRow = EventColumns & { ended: boolean; lease_until: Date; updated_at: Date };

function fromPostgres(r: PostgresEventRow): EventRow {
  return toEvent(r, { ended: r.ended, leaseUntil: r.lease_until, updatedAt: r.updated_at });
}

const PG_WHERE = "WHERE platform = $1 AND workspace_id = $2 AND story = $3 AND deadline = $4 AND owner = $5";

export class PostgresEvents implements EventStore {
  constructor(private readonly sql: PostgresConnection) {}

  async openEvents(platform: string): Promise<EventRow[]> {
    const r = await this.sql.pool.query<PostgresEventRow>(
      "SELECT * FROM scheduled_events WHERE platform = $1 AND NOT ended ORDER BY workspace_id, story, deadline",
      [platform],
    );
    return r.rows.map(fromPostgres);
  }

  async claimEvent(
    ref: EventRef,
    lease: { owner: string; until: Date },
    at: Date,
  ): Promise<EventRow | undefined> {
    const r = await this.sql.pool.query<PostgresEventRow>(
      `INSERT INTO scheduled_events (platform, workspace_id, story, deadline, owner, lease_until, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, workspace_id, story, deadline) DO UPDATE SET
         owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
       WHERE scheduled_events.lease_until <= $7 OR scheduled_events.owner = EXCLUDED.owner
       RETURNING *`,
      [ref.platform, ref.workspaceId, ref.story, ref.deadline, lease.owner, lease.until, at],
    );
    const row = r.rows[0];
    return row ? fromPostgres(row) : undefined;
  }

  async saveEvent(ref: EventRef, owner: string, state: EventState | undefined, at: Date): Promise<boolean> {
    const keys = [ref.platform, ref.workspaceId, ref.story, ref.deadline, owner];
    const r = state
      ? await this.sql.pool.query(
          `UPDATE scheduled_events SET event_id = $6, synced = $7, ended = $8, lease_until = 'epoch',
             updated_at = $9 ${PG_WHERE}`,
          [...keys, state.eventId ?? null, state.synced ?? null, state.ended, at],
        )
      : await this.sql.pool.query(`UPDATE scheduled_events SET lease_until = 'epoch' ${PG_WHERE}`, keys);
    return (r.rowCount ?? 0) > 0;
  }
}
