/** The bot's logger: pino, with every secret-bearing field redacted. */
import { type Logger, pino } from "pino";

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

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } };
  return destination
    ? pino(options, destination as unknown as pino.DestinationStream)
    : pino(options, pino.destination(2));
}
