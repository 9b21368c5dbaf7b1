/**
 * A platform's documented limit on a part of a message, with the page that states it. Each platform
 * keeps its own table (src/platforms/<platform>/limits.ts); the renderers cut to it and the payload
 * tests check every message against it.
 */

export interface Limit {
  /** The most characters (or items) the platform accepts. */
  max: number;
  /** The fewest, where the platform states one (an empty value is rejected). */
  min?: number;
  /** Where the platform documents it. */
  doc: string;
}

/** Each limit's maximum, as the code that cuts to it reads it. */
export function maxima<T extends Record<string, Limit>>(table: T): { readonly [K in keyof T]: number } {
  return Object.fromEntries(Object.entries(table).map(([name, limit]) => [name, limit.max])) as {
    [K in keyof T]: number;
  };
}
