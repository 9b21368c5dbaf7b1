/**
 * The bot's logger: pino, one JSON object per line (or pino-pretty's lines for people), with every
 * secret-bearing field redacted by path and every secret value scrubbed from each finished line, so a
 * token inside a library's error message, stack or request config never reaches the log either.
 */

import { createRequire } from "node:module";
import { type DestinationStream, type Logger, pino } from "pino";
import type PinoPretty from "pino-pretty";

export type { Logger };

export const REDACT_PATHS = [
  "token",
  "*.token",
  "headers.authorization",
  "*.headers.authorization",
  "config.DISCORD_TOKEN",
  "config.SLACK_BOT_TOKEN",
  "config.SLACK_SIGNING_SECRET",
  "config.SLACK_APP_TOKEN",
  "config.DATABASE_URL",
];

/** pino-pretty, loaded only when someone asks for pretty lines (JSON logs never need it). */
function loadPretty(): typeof PinoPretty {
  return createRequire(import.meta.url)("pino-pretty") as typeof PinoPretty;
}

export const LOG_FORMATS = ["json", "pretty"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const REDACTED = "[redacted]";
/** Slack bot/user/app/config tokens, refresh tokens and app-level tokens. */
const TOKEN_SHAPE = /\bx(?:ox[a-z]|app|oxe\.xox[a-z])-[A-Za-z0-9-]+/g;

/**
 * A function that removes the given secrets (as they are, JSON-escaped and URL-encoded) and anything
 * shaped like a Slack token from a text.
 */
export function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < 4) continue;
    values.add(secret);
    values.add(JSON.stringify(secret).slice(1, -1));
    values.add(encodeURIComponent(secret));
  }
  // Longest first: a secret that contains another is removed whole.
  const ordered = [...values].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out.replace(TOKEN_SHAPE, REDACTED);
  };
}

export interface LogOptions {
  /** json (default): one object per line, for machines; pretty: coloured lines, for people. */
  format?: LogFormat;
  /** Values that never reach the log, wherever they appear in a line. */
  secrets?: readonly (string | undefined)[];
}

/**
 * A logger at `level` writing to `destination`: a stream (tests), or a file descriptor (2, stderr, by
 * default; the running bot logs to stdout unless stdout is the console bot's).
 */
export function createLogger(
  level: string,
  destination: NodeJS.WritableStream | 1 | 2 = 2,
  options: LogOptions = {},
): Logger {
  const scrub = secretScrubber(options.secrets ?? []);
  const stream: DestinationStream =
    options.format === "pretty"
      ? loadPretty()({
          destination,
          sync: true,
          colorize:
            typeof destination === "number" &&
            Boolean(process[destination === 1 ? "stdout" : "stderr"].isTTY),
        })
      : typeof destination === "number"
        ? pino.destination(destination)
        : destination;
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: REDACTED }, hooks: { streamWrite: scrub } },
    stream,
  );
}
