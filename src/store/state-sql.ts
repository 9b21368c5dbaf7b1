/**
 * The scheduler's state, in both dialects: a few named values (the instant planned up to, the news
 * known and pending; see STATE in alerts/scheduler-state.ts), changed only through `updateState`, one
 * process at a time. SQLite: an immediate transaction (the write lock is taken before the read).
 * PostgreSQL: a transaction under an advisory lock of the schema.
 */
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { StateChange, Store } from "./store.js";

type StateMethods = Pick<Store, "getState" | "setState" | "updateState">;

/** The values `updateState` hands its change: every name asked for, undefined when it was never set. */
export function stateValues(
  names: readonly string[],
  rows: readonly { name: string; value: string }[],
): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>(names.map((name) => [name, undefined]));
  for (const row of rows) values.set(row.name, row.value);
  return values;
}

// SQLite

export class SqliteState implements StateMethods {
  constructor(private readonly sql: SqliteConnection) {}

  async getState(name: string): Promise<string | undefined> {
    const row = this.sql.stmt("SELECT value FROM scheduler_state WHERE name = ?").get(name) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  async setState(name: string, value: string, at: Date): Promise<void> {
    this.writeState(name, value, at);
  }

  private writeState(name: string, value: string, at: Date): void {
    this.sql
      .stmt(
        `INSERT INTO scheduler_state (name, value, updated_ms) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms`,
      )
      .run(name, value, at.getTime());
  }

  async updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T> {
    const read = this.sql.stmt("SELECT name, value FROM scheduler_state WHERE name = ?");
    const update = this.sql.db.transaction(() => {
      const rows = names.flatMap((name) => read.all(name) as { name: string; value: string }[]);
      const { set, result } = change(stateValues(names, rows));
      for (const [name, value] of Object.entries(set)) this.writeState(name, value, at);
      return result;
    });
    // IMMEDIATE: the write lock is taken before the read, so another connection cannot change the values between.
    return update.immediate();
  }
}

// PostgreSQL

/**
 * Any number (a 32-bit key, paired with a hash of the schema's name): the advisory lock that
 * serialises changes of the scheduler's state in one schema. Two-key locks never clash with the
 * one-key migration lock.
 */
const STATE_LOCK = 0x0ce45ef2;

const UPSERT_STATE = `INSERT INTO scheduler_state (name, value, updated_at) VALUES ($1, $2, $3)
  ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`;

export class PostgresState implements StateMethods {
  constructor(private readonly sql: PostgresConnection) {}

  async getState(name: string): Promise<string | undefined> {
    const r = await this.sql.pool.query<{ value: string }>(
      "SELECT value FROM scheduler_state WHERE name = $1",
      [name],
    );
    return r.rows[0]?.value;
  }

  async setState(name: string, value: string, at: Date): Promise<void> {
    await this.sql.pool.query(UPSERT_STATE, [name, value, at]);
  }

  updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T> {
    return this.sql.locked(
      ["SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [STATE_LOCK]],
      async (client) => {
        const r = await client.query<{ name: string; value: string }>(
          "SELECT name, value FROM scheduler_state WHERE name = ANY($1::text[])",
          [[...names]],
        );
        const { set, result } = change(stateValues(names, r.rows));
        for (const [name, value] of Object.entries(set)) await client.query(UPSERT_STATE, [name, value, at]);
        return result;
      },
    );
  }
}
