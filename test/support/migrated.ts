/**
 * A SQLite store file as an older release left it: the migrations up to `version` applied and
 * recorded, nothing after. The migration tests fill it with rows, then open it with SqliteStore to
 * see what the later migrations make of them.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { tempDir } from "./files.js";

export function sqliteFileAt(version: number): { path: string; db: Database.Database } {
  const path = join(tempDir(), `v${version}.sqlite`);
  const db = new Database(path);
  db.exec(
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)",
  );
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    db.exec(m.sqlite);
    db.prepare("INSERT INTO schema_migrations VALUES (?, ?, 0)").run(m.version, m.name);
  }
  return { path, db };
}
