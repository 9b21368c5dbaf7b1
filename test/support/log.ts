/**
 * Loggers for tests, both the bot's own (pino through src/log.ts, with its redaction and secret
 * scrubbing): one that keeps quiet, and one that keeps every line in memory for the test to read.
 */
import { Writable } from "node:stream";
import { createLogger, type Logger, type LogOptions } from "../../src/log.js";

export interface CapturedLog {
  log: Logger;
  /** Everything written so far, as written: JSON lines (or pretty text with `format: "pretty"`). */
  text(): string;
  /** The JSON lines written so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** A logger at `level` (default debug) that writes into memory; `format` and `secrets` as createLogger's. */
export function captureLog(options: LogOptions & { level?: string } = {}): CapturedLog {
  const { level = "debug", ...logOptions } = options;
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const text = () => chunks.join("");
  return {
    log: createLogger(level, sink, logOptions),
    text,
    lines: () =>
      text()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** A logger that writes nothing (and holds no file descriptor). */
export function silentLog(): Logger {
  return createLogger("silent", new Writable({ write: (_chunk, _enc, done) => done() }));
}
