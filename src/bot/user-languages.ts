/**
 * Each reader's language as the core resolves it before a command runs: their stored choice
 * (`/language`), looked up in the store at most once a minute per platform and user (every command
 * would otherwise cost a query), then their locale and their server's (src/language/chain.ts). A
 * choice made here clears the reader's entry at once; one made through another process is seen
 * within the minute. A store that cannot answer means "no choice": the reply is still written, in
 * the language the locale gives (docs/decisions/0031-who-gets-which-language.md).
 */
import type { Reader, ReaderLanguages } from "../command-engine/definition.js";
import { type LanguageReason, readerChoice } from "../language/chain.js";
import type { Language } from "../language/languages.js";
import type { UserLanguageStore, UserRef } from "../store/languages-sql.js";
import type { Clock } from "../time/clock.js";
import { Expiring } from "../time/expiring.js";

/** How long a looked-up choice is kept (ms). */
export const CHOICE_TTL_MS = 60_000;
/** At most this many readers' choices are kept (the oldest goes first). */
const CAPACITY = 10_000;

export class UserLanguages implements ReaderLanguages {
  private readonly cached = new Expiring<Language | undefined>(CAPACITY);

  constructor(
    private readonly store: UserLanguageStore | undefined,
    private readonly clock: Clock,
    private readonly ttlMs = CHOICE_TTL_MS,
  ) {}

  private static key(ref: UserRef): string {
    return `${ref.platform}\u0000${ref.userId}`;
  }

  /** The reader's stored choice, from the cache while it is fresh. */
  async choice(ref: UserRef): Promise<Language | undefined> {
    if (!this.store) return undefined;
    const key = UserLanguages.key(ref);
    const now = this.clock.now().getTime();
    const hit = this.cached.get(key, now);
    if (hit) return hit.value;
    let language: Language | undefined;
    try {
      language = await this.store.userLanguage(ref);
    } catch {
      // The store is away: no choice this time, and nothing kept, so the next command asks again.
      return undefined;
    }
    this.cached.set(key, language, now + this.ttlMs);
    return language;
  }

  async of(reader: Reader): Promise<{ language: Language; reason: LanguageReason }> {
    return readerChoice({
      choice: await this.choice(reader),
      locale: reader.locale,
      guildLocale: reader.guildLocale,
    });
  }

  async language(reader: Reader): Promise<Language> {
    return (await this.of(reader)).language;
  }

  async choose(ref: UserRef, language: Language | undefined, at: Date): Promise<void> {
    if (!this.store) throw new Error("no store to remember a language in");
    this.cached.delete(UserLanguages.key(ref));
    await this.store.setUserLanguage(ref, language, at);
    this.cached.delete(UserLanguages.key(ref));
  }
}
