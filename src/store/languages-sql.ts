/**
 * Each person's chosen language in the store, in both dialects (user_languages): one row per
 * (platform, user) that ran `/language <language>`; no row is no choice, and `/language reset`
 * deletes it (docs/decisions/0031-who-gets-which-language.md). A subscription's own language is a
 * column of its row (subscriptions-sql.ts).
 */
import { isLanguage, type Language } from "../language/languages.js";
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { PlatformName } from "./store.js";

/** A person on a platform (user ids are unique per platform). */
export interface UserRef {
  platform: PlatformName;
  userId: string;
}

export interface UserLanguageStore {
  /** The language the person chose on that platform, if they chose one. */
  userLanguage(ref: UserRef): Promise<Language | undefined>;
  /** Remembers the person's choice; undefined forgets it (their locale decides again). */
  setUserLanguage(ref: UserRef, language: Language | undefined, at: Date): Promise<void>;
}

function languageOf(value: string | undefined): Language | undefined {
  return isLanguage(value) ? value : undefined;
}

export class SqliteUserLanguages implements UserLanguageStore {
  constructor(private readonly sql: SqliteConnection) {}

  async userLanguage(ref: UserRef): Promise<Language | undefined> {
    const row = this.sql
      .stmt("SELECT language FROM user_languages WHERE platform = ? AND user_id = ?")
      .get(ref.platform, ref.userId) as { language: string } | undefined;
    return languageOf(row?.language);
  }

  async setUserLanguage(ref: UserRef, language: Language | undefined, at: Date): Promise<void> {
    if (language === undefined) {
      this.sql
        .stmt("DELETE FROM user_languages WHERE platform = ? AND user_id = ?")
        .run(ref.platform, ref.userId);
      return;
    }
    this.sql
      .stmt(
        `INSERT INTO user_languages (platform, user_id, language, updated_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, user_id) DO UPDATE SET language = excluded.language, updated_ms = excluded.updated_ms`,
      )
      .run(ref.platform, ref.userId, language, at.getTime());
  }
}

export class PostgresUserLanguages implements UserLanguageStore {
  constructor(private readonly sql: PostgresConnection) {}

  async userLanguage(ref: UserRef): Promise<Language | undefined> {
    const r = await this.sql.pool.query<{ language: string }>(
      "SELECT language FROM user_languages WHERE platform = $1 AND user_id = $2",
      [ref.platform, ref.userId],
    );
    return languageOf(r.rows[0]?.language);
  }

  async setUserLanguage(ref: UserRef, language: Language | undefined, at: Date): Promise<void> {
    if (language === undefined) {
      await this.sql.pool.query("DELETE FROM user_languages WHERE platform = $1 AND user_id = $2", [
        ref.platform,
        ref.userId,
      ]);
      return;
    }
    await this.sql.pool.query(
      `INSERT INTO user_languages (platform, user_id, language, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at`,
      [ref.platform, ref.userId, language, at],
    );
  }
}
