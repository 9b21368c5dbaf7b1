/**
 * Leads and feed states (see feeds/lead.ts), in both dialects: one lead per (story, link), inserted
 * only when new (a second feed bringing the same article adds nothing); one state row per (story,
 * feed), written whole after each fetch. Matched keywords are kept as a JSON array.
 */
import type {
  FeedState,
  Lead,
  LeadDecision,
  LeadQuery,
  LeadState,
  LeadStore,
  NewLead,
} from "../feeds/lead.js";
import type { PostgresConnection, SqliteConnection } from "./connections.js";

/** The columns of a lead row that both engines name alike. */
interface LeadColumns {
  story: string;
  feed_id: string;
  outlet: string;
  title: string;
  link: string;
  summary: string;
  state: LeadState;
  used_for: string | null;
  decided_by: string | null;
}

/** A lead row of either engine, with its instants and matched keywords read, as a Lead. */
function toLead(
  r: LeadColumns,
  read: { id: number; matched: string[]; publishedAt: Date | null; foundAt: Date; decidedAt: Date | null },
): Lead {
  return {
    id: read.id,
    story: r.story,
    feedId: r.feed_id,
    outlet: r.outlet,
    title: r.title,
    link: r.link,
    publishedAt: read.publishedAt ?? undefined,
    summary: r.summary,
    matched: read.matched,
    foundAt: read.foundAt,
    state: r.state,
    usedFor: r.used_for ?? undefined,
    decidedBy: r.decided_by ?? undefined,
    decidedAt: read.decidedAt ?? undefined,
  };
}

/** The columns of a feed state row that both engines name alike. */
interface FeedStateColumns {
  story: string;
  feed_id: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  last_error: string | null;
  last_items: number;
  last_new_leads: number;
}

function toFeedState(
  r: FeedStateColumns,
  instants: { nextFetchAt: Date; lastFetchedAt: Date | null; lastOkAt: Date | null },
): FeedState {
  return {
    story: r.story,
    feedId: r.feed_id,
    etag: r.etag ?? undefined,
    lastModified: r.last_modified ?? undefined,
    nextFetchAt: instants.nextFetchAt,
    failures: r.failures,
    lastFetchedAt: instants.lastFetchedAt ?? undefined,
    lastOkAt: instants.lastOkAt ?? undefined,
    lastError: r.last_error ?? undefined,
    lastItems: r.last_items,
    lastNewLeads: r.last_new_leads,
  };
}

/** Every state at zero, then the counted ones. */
function counts(rows: readonly { state: LeadState; n: number | string }[]): Record<LeadState, number> {
  const out: Record<LeadState, number> = { new: 0, used: 0, dismissed: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

/** The state, used_for of a decision. */
function decisionColumns(decision: LeadDecision): [LeadState, string | null] {
  return decision.state === "used" ? ["used", decision.usedFor] : ["dismissed", null];
}

// SQLite

type SqliteLeadRow = LeadColumns & {
  id: number;
  matched: string;
  published_ms: number | null;
  found_ms: number;
  decided_ms: number | null;
};

type SqliteFeedStateRow = FeedStateColumns & {
  next_fetch_ms: number;
  last_fetched_ms: number | null;
  last_ok_ms: number | null;
};

const ms = (v: number | null) => (v === null ? null : new Date(v));

function fromSqliteLead(r: SqliteLeadRow): Lead {
  return toLead(r, {
    id: r.id,
    matched: JSON.parse(r.matched) as string[],
    publishedAt: ms(r.published_ms),
    foundAt: new Date(r.found_ms),
    decidedAt: ms(r.decided_ms),
  });
}

function fromSqliteFeedState(r: SqliteFeedStateRow): FeedState {
  return toFeedState(r, {
    nextFetchAt: new Date(r.next_fetch_ms),
    lastFetchedAt: ms(r.last_fetched_ms),
    lastOkAt: ms(r.last_ok_ms),
  });
}

export class SqliteLeads implements LeadStore {
  constructor(private readonly sql: SqliteConnection) {}

  async addLeads(leads: readonly NewLead[], at: Date): Promise<Lead[]> {
    const insert = this.sql.stmt(
      `INSERT INTO leads (story, feed_id, outlet, title, link, published_ms, summary, matched, found_ms, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')
       ON CONFLICT (story, link) DO NOTHING
       RETURNING *`,
    );
    return this.sql.db.transaction(() =>
      leads.flatMap((l) => {
        const row = insert.get(
          l.story,
          l.feedId,
          l.outlet,
          l.title,
          l.link,
          l.publishedAt?.getTime() ?? null,
          l.summary,
          JSON.stringify(l.matched),
          at.getTime(),
        ) as SqliteLeadRow | undefined;
        return row ? [fromSqliteLead(row)] : [];
      }),
    )();
  }

  async leads(query: LeadQuery): Promise<Lead[]> {
    const state = query.state ?? null;
    const rows = this.sql
      .stmt(
        `SELECT * FROM leads WHERE story = ? AND (? IS NULL OR state = ?)
         ORDER BY COALESCE(published_ms, found_ms) DESC, id DESC LIMIT ? OFFSET ?`,
      )
      .all(query.story, state, state, query.limit, query.offset ?? 0) as SqliteLeadRow[];
    return rows.map(fromSqliteLead);
  }

  async leadCounts(story: string): Promise<Record<LeadState, number>> {
    const rows = this.sql
      .stmt("SELECT state, COUNT(*) AS n FROM leads WHERE story = ? GROUP BY state")
      .all(story) as { state: LeadState; n: number }[];
    return counts(rows);
  }

  async lead(id: number): Promise<Lead | undefined> {
    const row = this.sql.stmt("SELECT * FROM leads WHERE id = ?").get(id) as SqliteLeadRow | undefined;
    return row ? fromSqliteLead(row) : undefined;
  }

  async decideLead(id: number, decision: LeadDecision, by: string, at: Date): Promise<boolean> {
    const [state, usedFor] = decisionColumns(decision);
    const r = this.sql
      .stmt(
        `UPDATE leads SET state = ?, used_for = ?, decided_by = ?, decided_ms = ?
         WHERE id = ? AND state = 'new'`,
      )
      .run(state, usedFor, by, at.getTime(), id);
    return r.changes === 1;
  }

  async leadsFoundBetween(story: string, after: Date, until: Date): Promise<Lead[]> {
    const rows = this.sql
      .stmt(
        `SELECT * FROM leads WHERE story = ? AND found_ms > ? AND found_ms <= ?
         ORDER BY found_ms, id`,
      )
      .all(story, after.getTime(), until.getTime()) as SqliteLeadRow[];
    return rows.map(fromSqliteLead);
  }

  async feedState(story: string, feedId: string): Promise<FeedState | undefined> {
    const row = this.sql
      .stmt("SELECT * FROM feed_states WHERE story = ? AND feed_id = ?")
      .get(story, feedId) as SqliteFeedStateRow | undefined;
    return row ? fromSqliteFeedState(row) : undefined;
  }

  async feedStates(story: string): Promise<FeedState[]> {
    const rows = this.sql
      .stmt("SELECT * FROM feed_states WHERE story = ? ORDER BY feed_id")
      .all(story) as SqliteFeedStateRow[];
    return rows.map(fromSqliteFeedState);
  }

  async saveFeedState(s: FeedState): Promise<void> {
    this.sql
      .stmt(
        `INSERT INTO feed_states (story, feed_id, etag, last_modified, next_fetch_ms, failures,
           last_fetched_ms, last_ok_ms, last_error, last_items, last_new_leads)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (story, feed_id) DO UPDATE SET
           etag = excluded.etag, last_modified = excluded.last_modified,
           next_fetch_ms = excluded.next_fetch_ms, failures = excluded.failures,
           last_fetched_ms = excluded.last_fetched_ms, last_ok_ms = excluded.last_ok_ms,
           last_error = excluded.last_error, last_items = excluded.last_items,
           last_new_leads = excluded.last_new_leads`,
      )
      .run(
        s.story,
        s.feedId,
        s.etag ?? null,
        s.lastModified ?? null,
        s.nextFetchAt.getTime(),
        s.failures,
        s.lastFetchedAt?.getTime() ?? null,
        s.lastOkAt?.getTime() ?? null,
        s.lastError ?? null,
        s.lastItems,
        s.lastNewLeads,
      );
  }
}

// PostgreSQL

/** BIGSERIAL ids come back as text. */
type PostgresLeadRow = LeadColumns & {
  id: string;
  matched: string[];
  published_at: Date | null;
  found_at: Date;
  decided_at: Date | null;
};

type PostgresFeedStateRow = FeedStateColumns & {
  next_fetch_at: Date;
  last_fetched_at: Date | null;
  last_ok_at: Date | null;
};

function fromPostgresLead(r: PostgresLeadRow): Lead {
  return toLead(r, {
    id: Number(r.id),
    matched: r.matched,
    publishedAt: r.published_at,
    foundAt: r.found_at,
    decidedAt: r.decided_at,
  });
}

function fromPostgresFeedState(r: PostgresFeedStateRow): FeedState {
  return toFeedState(r, {
    nextFetchAt: r.next_fetch_at,
    lastFetchedAt: r.last_fetched_at,
    lastOkAt: r.last_ok_at,
  });
}

export class PostgresLeads implements LeadStore {
  constructor(private readonly sql: PostgresConnection) {}

  async addLeads(leads: readonly NewLead[], at: Date): Promise<Lead[]> {
    if (leads.length === 0) return [];
    // One statement: the rows in the order given (WITH ORDINALITY), the first of two equal links wins.
    const r = await this.sql.pool.query<PostgresLeadRow>(
      `INSERT INTO leads (story, feed_id, outlet, title, link, published_at, summary, matched, found_at, state)
       SELECT s, f, o, t, l, p, su, m::jsonb, $9, 'new'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                   $7::text[], $8::text[]) WITH ORDINALITY AS n(s, f, o, t, l, p, su, m, i)
       ORDER BY i
       ON CONFLICT (story, link) DO NOTHING
       RETURNING *`,
      [
        leads.map((l) => l.story),
        leads.map((l) => l.feedId),
        leads.map((l) => l.outlet),
        leads.map((l) => l.title),
        leads.map((l) => l.link),
        leads.map((l) => l.publishedAt ?? null),
        leads.map((l) => l.summary),
        leads.map((l) => JSON.stringify(l.matched)),
        at,
      ],
    );
    return r.rows.map(fromPostgresLead).sort((a, b) => a.id - b.id);
  }

  async leads(query: LeadQuery): Promise<Lead[]> {
    const r = await this.sql.pool.query<PostgresLeadRow>(
      `SELECT * FROM leads WHERE story = $1 AND ($2::text IS NULL OR state = $2)
       ORDER BY COALESCE(published_at, found_at) DESC, id DESC LIMIT $3 OFFSET $4`,
      [query.story, query.state ?? null, query.limit, query.offset ?? 0],
    );
    return r.rows.map(fromPostgresLead);
  }

  async leadCounts(story: string): Promise<Record<LeadState, number>> {
    const r = await this.sql.pool.query<{ state: LeadState; n: string }>(
      "SELECT state, COUNT(*) AS n FROM leads WHERE story = $1 GROUP BY state",
      [story],
    );
    return counts(r.rows);
  }

  async lead(id: number): Promise<Lead | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const r = await this.sql.pool.query<PostgresLeadRow>("SELECT * FROM leads WHERE id = $1", [id]);
    const row = r.rows[0];
    return row ? fromPostgresLead(row) : undefined;
  }

  async decideLead(id: number, decision: LeadDecision, by: string, at: Date): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    const [state, usedFor] = decisionColumns(decision);
    const r = await this.sql.pool.query(
      `UPDATE leads SET state = $1, used_for = $2, decided_by = $3, decided_at = $4
       WHERE id = $5 AND state = 'new'`,
      [state, usedFor, by, at, id],
    );
    return r.rowCount === 1;
  }

  async leadsFoundBetween(story: string, after: Date, until: Date): Promise<Lead[]> {
    const r = await this.sql.pool.query<PostgresLeadRow>(
      `SELECT * FROM leads WHERE story = $1 AND found_at > $2 AND found_at <= $3
       ORDER BY found_at, id`,
      [story, after, until],
    );
    return r.rows.map(fromPostgresLead);
  }

  async feedState(story: string, feedId: string): Promise<FeedState | undefined> {
    const r = await this.sql.pool.query<PostgresFeedStateRow>(
      "SELECT * FROM feed_states WHERE story = $1 AND feed_id = $2",
      [story, feedId],
    );
    const row = r.rows[0];
    return row ? fromPostgresFeedState(row) : undefined;
  }

  async feedStates(story: string): Promise<FeedState[]> {
    const r = await this.sql.pool.query<PostgresFeedStateRow>(
      "SELECT * FROM feed_states WHERE story = $1 ORDER BY feed_id",
      [story],
    );
    return r.rows.map(fromPostgresFeedState);
  }

  async saveFeedState(s: FeedState): Promise<void> {
    await this.sql.pool.query(
      `INSERT INTO feed_states (story, feed_id, etag, last_modified, next_fetch_at, failures,
         last_fetched_at, last_ok_at, last_error, last_items, last_new_leads)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (story, feed_id) DO UPDATE SET
         etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
         next_fetch_at = EXCLUDED.next_fetch_at, failures = EXCLUDED.failures,
         last_fetched_at = EXCLUDED.last_fetched_at, last_ok_at = EXCLUDED.last_ok_at,
         last_error = EXCLUDED.last_error, last_items = EXCLUDED.last_items,
         last_new_leads = EXCLUDED.last_new_leads`,
      [
        s.story,
        s.feedId,
        s.etag ?? null,
        s.lastModified ?? null,
        s.nextFetchAt,
        s.failures,
        s.lastFetchedAt ?? null,
        s.lastOkAt ?? null,
        s.lastError ?? null,
        s.lastItems,
        s.lastNewLeads,
      ],
    );
  }
}
