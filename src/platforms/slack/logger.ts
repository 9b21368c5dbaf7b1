/**
 * Bolt's logger interface (`@slack/logger`) on top of our pino logger, so Bolt, its WebClient and its
 * receivers log where the bot logs, as JSON. Bolt logs free-form strings and errors; every argument is
 * scrubbed of the bot's secrets (the token values themselves and anything shaped like a Slack token)
 * here too, whatever logger it is given.
 */
import { format } from "node:util";
import type { Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "pino";
import { secretScrubber } from "../../log.js";
import { LogLevel } from "./bolt.js";

const PINO_LEVEL: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

/** Bolt's level for a pino level (Bolt has no trace, fatal or silent). */
export function boltLogLevel(pinoLevel: string): LogLevel {
  if (pinoLevel === "trace" || pinoLevel === "debug") return LogLevel.DEBUG;
  if (pinoLevel === "info") return LogLevel.INFO;
  if (pinoLevel === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}

/**
 * Bolt's logger writing to `log` (a child with `component: "slack"`). Bolt's `setLevel` is honoured
 * on the child only; the bot's own LOG_LEVEL stays in charge of everything else. Give Bolt's App
 * `logLevel: boltLogLevel(log.level)` too, or it resets the level to info.
 */
export function boltLogger(log: Logger, secrets: readonly (string | undefined)[]): BoltLogger {
  const scrub = secretScrubber(secrets);
  let child = log.child({ component: "slack" });
  let level = boltLogLevel(log.level);
  let explicit: string | undefined;
  const emit =
    (method: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]): void => {
      if (!child.isLevelEnabled(method)) return;
      const err = msg.find((m): m is Error => m instanceof Error);
      const text = scrub(format(...msg.filter((m) => m !== err)));
      if (err) {
        const scrubbed = { type: err.name, message: scrub(err.message), stack: scrub(err.stack ?? "") };
        child[method]({ err: scrubbed }, text || scrubbed.message);
      } else {
        child[method](text);
      }
    };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    setLevel(next: LogLevel) {
      level = next;
      explicit = PINO_LEVEL[next] ?? "info";
      child.level = explicit;
    },
    getLevel: () => level,
    setName(name: string) {
      child = log.child({ component: "slack", name });
      if (explicit) child.level = explicit;
    },
  };
}
