/**
 * Who gets which language (docs/decisions/0030-languages-and-the-fallback-chain.md, 0031): pure
 * functions over what the platform told and what was stored. A reader's reply: their own choice
 * (`/language`), else their client's locale when it is one of ours, else the server's (Discord's
 * `guild_locale`), else English. A channel's alerts: the language chosen when subscribing, else the
 * channel's own locale (Slack's conversations.info), else the server's, else English.
 */
import { firstLanguage, type Language, languageOfLocale } from "./languages.js";

/** Why a language was chosen: the step of the chain that decided. */
export type LanguageReason = "choice" | "locale" | "server" | "default";

export interface ReaderFacts {
  /** The person's stored choice (`/language`). */
  choice?: Language | undefined;
  /** Their client's locale (Discord's interaction `locale`, Slack's users.info `locale`). */
  locale?: string | undefined;
  /** The server's locale (Discord's `guild_locale`; Slack has none an app can read). */
  guildLocale?: string | undefined;
}

export interface ChannelFacts {
  /** The language chosen when subscribing (`/subscribe language:`). */
  choice?: Language | undefined;
  /** The channel's own locale (Slack's conversations.info with include_locale). */
  channelLocale?: string | undefined;
  /** The server's locale (Discord's `guild_locale`). */
  guildLocale?: string | undefined;
}

/** The language of a reader's reply, and which step of the chain gave it. */
export function readerChoice(facts: ReaderFacts): { language: Language; reason: LanguageReason } {
  if (facts.choice) return { language: facts.choice, reason: "choice" };
  const locale = languageOfLocale(facts.locale);
  if (locale) return { language: locale, reason: "locale" };
  const server = languageOfLocale(facts.guildLocale);
  if (server) return { language: server, reason: "server" };
  return { language: firstLanguage(), reason: "default" };
}

/** The language of a reader's reply. */
export function readerLanguage(facts: ReaderFacts): Language {
  return firstLanguage(facts.choice, languageOfLocale(facts.locale), languageOfLocale(facts.guildLocale));
}

/** The language of a channel's reminders and updates. */
export function channelLanguage(facts: ChannelFacts): Language {
  return firstLanguage(
    facts.choice,
    languageOfLocale(facts.channelLocale),
    languageOfLocale(facts.guildLocale),
  );
}
