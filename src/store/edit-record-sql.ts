/**
 * The edit record to the data (what changed, old and new, development or correction, when, by
 * whom), in both dialects.
 */
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { ChangeKind, ChangeRecord, NewChangeRecord, Store } from "./store.js";

type ChangeMethods = Pick<Store, "recordChanges" | "changes">;

/** The columns of a change row that both engines name alike. */
interface ChangeColumns {
  id: number;
  story: string;
  path: string;
  kind: ChangeKind;
  old_value: string | null;
  new_value: string | null;
  by_user: string | null;
}

/** A change row of either engine, with its instant, as a ChangeRecord. */
function toChange(r: ChangeColumns & { at: Date }): ChangeRecord {
  return {
    id: r.id,
    story: r.story,
    path: r.path,
    kind: r.kind,
    old: r.old_value ?? undefined,
    new: r.new_value ?? undefined,
    at: r.at,
    by: r.by_user ?? undefined,
  };
}

// SQLite

type SqliteChangeRow = ChangeColumns & { at_ms: number };

export class SqliteChanges implements ChangeMethods {
  constructor(private readonly sql: SqliteConnection) {}

  async recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void> {
    const insert = this.sql.stmt(
      "INSERT INTO changes (story, path, kind, old_value, new_value, at_ms, by_user) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.sql.db.transaction(() => {
      for (const c of changes)
        insert.run(c.story, c.path, c.kind, c.old ?? null, c.new ?? null, at.getTime(), c.by ?? null);
    })();
  }

  async changes(story: string, limit: number): Promise<ChangeRecord[]> {
    const rows = this.sql
      .stmt("SELECT * FROM changes WHERE story = ? ORDER BY at_ms DESC, id DESC LIMIT ?")
      .all(story, limit) as SqliteChangeRow[];
    return rows.map((r) => toChange({ ...r, at: new Date(r.at_ms) }));
  }
}

// PostgreSQL

export class PostgresChanges implements ChangeMethods {
  constructor(private readonly sql: PostgresConnection) {}

  async recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void> {
    if (changes.length === 0) return;
    await this.sql.pool.query(
      `INSERT INTO changes (story, path, kind, old_value, new_value, by_user, at)
       SELECT s, p, k, o, n, b, $7
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c(s, p, k, o, n, b)`,
      [
        changes.map((c) => c.story),
        changes.map((c) => c.path),
        changes.map((c) => c.kind),
        changes.map((c) => c.old ?? null),
        changes.map((c) => c.new ?? null),
        changes.map((c) => c.by ?? null),
        at,
      ],
    );
  }

  async changes(story: string, limit: number): Promise<ChangeRecord[]> {
    // BIGSERIAL ids come back as text.
    const r = await this.sql.pool.query<Omit<ChangeColumns, "id"> & { id: string; at: Date }>(
      "SELECT * FROM changes WHERE story = $1 ORDER BY at DESC, id DESC LIMIT $2",
      [story, limit],
    );
    return r.rows.map((row) => toChange({ ...row, id: Number(row.id) }));
  }
}
