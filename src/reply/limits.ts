/**
 * A platform's documented limit on a part of a message, with the page that states it and what the
 * platform counts. Each platform keeps its own table (src/platforms/<platform>/limits.ts); the
 * renderers cut to it and the payload tests check every message against it, measured as the
 * platform measures.
 *
 * The renderers cut texts in UTF-16 code units (JavaScript's `length`). A text is never shorter in
 * UTF-16 code units than in code points, so a text cut to a limit counted in code points or in UTF-16
 * code units fits it; a limit counted in UTF-8 bytes is not met that way (an Arabic or Hebrew letter
 * is 2 bytes, FSI and PDI 3 each), and the code that fits to it measures bytes itself (`utf8Bytes`).
 */

/** What a platform counts to a limit. */
export type Unit = "code points" | "UTF-16 code units" | "UTF-8 bytes" | "items";

export interface Limit {
  /** The most the platform accepts, in `unit`. */
  max: number;
  /** The fewest, where the platform states one (an empty value is rejected). */
  min?: number;
  /** What is counted: characters as the platform counts them, bytes, or items (fields, buttons…). */
  unit: Unit;
  /** The platform trims leading and trailing whitespace before it counts (Discord's embeds). */
  trimmed?: true;
  /** Where the platform documents it. */
  doc: string;
}

/** A text's length in UTF-8 bytes, as a byte limit counts it. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** A text's length in a unit of text (code points count a pair of surrogates once). */
export function measure(text: string, unit: Exclude<Unit, "items">): number {
  if (unit === "UTF-8 bytes") return utf8Bytes(text);
  if (unit === "UTF-16 code units") return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Each limit's maximum, as the code that cuts to it reads it. */
export function maxima<T extends Record<string, Limit>>(table: T): { readonly [K in keyof T]: number } {
  return Object.fromEntries(Object.entries(table).map(([name, limit]) => [name, limit.max])) as {
    [K in keyof T]: number;
  };
}
