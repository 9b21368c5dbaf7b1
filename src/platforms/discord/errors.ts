/**
 * Discord API errors as safe log fields. A raw DiscordAPIError carries the request URL, and an
 * interaction's URL holds its token (`/interactions/{id}/{token}/callback`,
 * `/webhooks/{app}/{token}`): logging the error object as is would write tokens to the log.
 */
import { RESTJSONErrorCodes } from "discord-api-types/v10";

/** Discord's JSON error codes the adapter treats on their own. */
export const DISCORD_ERROR = {
  /** The interaction expired (3 s to answer) or was answered elsewhere. */
  unknownInteraction: RESTJSONErrorCodes.UnknownInteraction,
  /** The interaction was answered already. */
  alreadyAcknowledged: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  /** The payload broke a rule (a limit, a bad component). */
  invalidFormBody: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
} as const;

/** A URL with interaction and webhook tokens replaced. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/interactions\/\d+\/)[^/?#]+/g, "$1[redacted]")
    .replace(/(\/webhooks\/\d+\/)[^/?#]+/g, "$1[redacted]");
}

export interface ErrorFields {
  name: string;
  message: string;
  code?: number | string;
  status?: number;
  method?: string;
  url?: string;
}

/** The fields of an error worth logging, tokens removed. */
export function errorFields(err: unknown): ErrorFields {
  if (!(err instanceof Error)) return { name: "non-error", message: redactUrl(String(err)) };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  const out: ErrorFields = { name: e.name, message: redactUrl(e.message) };
  if (typeof e.code === "number" || typeof e.code === "string") out.code = e.code;
  if (typeof e.status === "number") out.status = e.status;
  if (typeof e.method === "string") out.method = e.method;
  if (typeof e.url === "string") out.url = redactUrl(e.url);
  return out;
}

/** The Discord JSON error code of an error, when it has one. */
export function discordCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === "number" ? code : undefined;
}
