/** Stopping a long-running command cleanly on SIGTERM or SIGINT. */
import { constants } from "node:os";
import type { Logger } from "pino";
import { LATE, readyWithin } from "../bot/in-flight.js";

/** Whether `work` settled within `ms`. */
export async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = work.then(
    () => true,
    () => true,
  );
  return (await readyWithin(settled, ms)) !== LATE;
}

/**
 * On SIGTERM or SIGINT, runs `stop` and exits 0 when it reports a clean stop, else 1. A signal that
 * comes while stopping already exits at once, with 128 + the signal's number. Returns what removes
 * the handlers.
 */
export function exitOnStopSignals(options: {
  stop: (signal: NodeJS.Signals) => Promise<boolean>;
  /** True once stopping has begun (on a signal or otherwise). */
  stopping: () => boolean;
  log: Logger;
}): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (options.stopping()) {
      options.log.warn({ signal }, "second signal: exiting at once");
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
    void options.stop(signal).then((closed) => process.exit(closed ? 0 : 1));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}
