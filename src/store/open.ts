/**
 * Picks the store from the configuration: PostgreSQL when DATABASE_URL is set, else a SQLite file
 * under DATA_DIR (created on first start).
 */
import { join } from "node:path";
import type { Config } from "../config.js";
import type { Store } from "./store.js";

export const SQLITE_FILE = "ceasefire-bot.sqlite";

export async function openStore(config: Pick<Config, "DATA_DIR" | "DATABASE_URL">): Promise<Store> {
  // Only the engine in use is loaded (pg's driver, or better-sqlite3's native module).
  if (config.DATABASE_URL) {
    const { PostgresStore } = await import("./postgres.js");
    return PostgresStore.open({ connectionString: config.DATABASE_URL });
  }
  const { SqliteStore } = await import("./sqlite.js");
  return SqliteStore.open(join(config.DATA_DIR, SQLITE_FILE));
}
