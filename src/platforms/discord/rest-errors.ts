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
  const e = err as Error & { status?: unknown };
  const code = restCode(err);
  return {
    name: e.name,
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    ...(code !== undefined ? { code } : {}),
  };
}

/** Discord's JSON error code of a REST error (10003 Unknown Channel, …), when it gave one. */
export function restCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  const n = typeof code === "number" ? code : typeof code === "string" ? Number(code) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** A RateLimitError (thrown only when the client is told to reject rate limits): named `RateLimitError[route]`. */
export function isRateLimitError(reading: RestErrorReading | undefined): boolean {
  return reading?.name.startsWith("RateLimitError") ?? false;
}
