/**
 * A bot process for the crash test: one scheduler tick (by default at 09:00:30 Jerusalem time on
 * 28 Feb 2025, on data/) against a stand-in platform, on the SQLite file the test prepared (its
 * subscriptions). The test SIGKILLs it mid fan-out and runs it again; the second run must settle
 * what the first left.
 *
 *   node bin/run-ts.mjs test/support/scripts/fanout-child.ts discord|slack API_URL DB_FILE [DATA_PATH [CLOCK]]
 */
import { LiveDataset } from "../../../src/dataset/live.js";
import { createLogger } from "../../../src/log.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import { fixedClock } from "../../../src/time/clock.js";
import { makeScheduler } from "../alerts.js";
import { senderFor } from "../standins/clients.js";

const [platform, api, db, dataPath = "data", at = "2025-02-28T07:00:30Z"] = process.argv.slice(2);
if (!api || !db || (platform !== "discord" && platform !== "slack")) {
  console.error("usage: fanout-child.ts discord|slack API_URL DB_FILE");
  process.exit(2);
}
const log = createLogger(process.env.CHILD_LOG_LEVEL ?? "warn");
const clock = fixedClock(at);
const store = SqliteStore.open(db);
const data = await LiveDataset.open(dataPath, log);
const sender = senderFor(platform, api);
const scheduler = makeScheduler({
  store,
  data,
  clock,
  log,
  sender,
  // The bot's own retry policy ({}: the deliverer's defaults).
  deliverer: { concurrency: 16, owner: `child:${process.pid}`, retry: {} },
});
const report = await scheduler.tick();
process.stdout.write(`${JSON.stringify(report)}\n`);
await store.close();
process.exit(0);
