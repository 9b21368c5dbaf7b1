/**
 * What an error of @discordjs/rest says, read from its fields rather than by `instanceof`. discord.js
 * is CommonJS: it loads the package's CommonJS build, while the bot's modules load its ES build, so
 * the errors the adapter's client throws (`client.rest`, which the senders use) are not instances of
 * the classes a bot module imports. Reading `status`, `code` and the name works for both builds.
 */

/** A REST error's reading: its name, the HTTP status, Discord's JSON error code when it gave one. */
export interface RestErrorReading {
  name: string;
  status?: number;
  code?: number;
}

export function restError(err: unknown): RestErrorReading | undefined {
  if (!(err instanceof Error)) return undefined;
  const e = err as Error & { status?: unknown; code?: unknown };
  const code = typeof e.code === "number" ? e.code : typeof e.code === "string" ? Number(e.code) : Number.NaN;
  return {
    name: e.name,
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    ...(Number.isInteger(code) ? { code } : {}),
  };
}

/** A RateLimitError (thrown only when the client is told to reject rate limits): named `RateLimitError[route]`. */
export function isRateLimitError(reading: RestErrorReading | undefined): boolean {
  return reading?.name.startsWith("RateLimitError") ?? false;
}
