/**
 * Message catalogs: every sentence the bot writes, per language, in ICU MessageFormat
 * (`{count, plural, one {# captive} other {# captives}}`), read by intl-messageformat. A catalog is
 * split into areas (src/language/catalogs/<area>/), each with one file per language; an area's
 * English file is the list of its keys, and a translation must give every one of them (the type
 * checker refuses a missing key, test/language/catalogs.test.ts refuses a broken message).
 */

/** One area's messages in English: key → ICU message. */
export type Messages = Readonly<Record<string, string>>;

/** The same keys in another language. */
export type Translation<E extends Messages> = { readonly [K in keyof E]: string };

/** An area of the catalog: its English messages and their translations. */
export interface Area<E extends Messages> {
  en: E;
  ar: Translation<E>;
  he: Translation<E>;
  fr: Translation<E>;
}

/** Keys are unique across areas: each area prefixes its own ("errors.internal.title"). */
export function defineArea<E extends Messages>(area: Area<E>): Area<E> {
  return area;
}
