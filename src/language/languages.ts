/**
 * The languages the bot writes in, how a platform's locale maps onto one, and which way each runs.
 * English is the language of the data and the fallback of every other; French proves the locale
 * path (it is a Discord and a Slack locale); Arabic and Hebrew are the readers' own, which neither
 * Discord nor Slack offers as a client locale, so they are reached by the reader's or channel's
 * choice (docs/decisions/0030-languages-and-the-fallback-chain.md).
 */

export const LANGUAGES = ["en", "ar", "he", "fr"] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = "en";

/** Each language's name in itself, as a picker shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: "English",
  ar: "العربية",
  he: "עברית",
  fr: "Français",
};

/** The tag Intl formats with: British English (day before month), the others as they are. */
export const INTL_LOCALES: Readonly<Record<Language, string>> = { en: "en-GB", ar: "ar", he: "he", fr: "fr" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of a platform's locale, when it is one of ours: "fr", "fr-FR", "fr_CA" → fr; "en-US",
 * "en-GB" → en; "he", "he-IL" and the old "iw" → he; "ar", "ar-SA" → ar. Anything else (Discord's
 * "pt-BR", Slack's "ja-JP") is not ours: undefined, so the next step of the chain decides.
 */
export function languageOfLocale(locale: string | undefined | null): Language | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "iw") return "he";
  return isLanguage(primary) ? primary : undefined;
}

/** Which way a language runs. */
export function direction(language: Language): "ltr" | "rtl" {
  return language === "ar" || language === "he" ? "rtl" : "ltr";
}

/** The first language of a chain that is set: the reader's choice, their locale, the server's, English. */
export function firstLanguage(...chain: readonly (Language | undefined)[]): Language {
  for (const language of chain) if (language) return language;
  return DEFAULT_LANGUAGE;
}
