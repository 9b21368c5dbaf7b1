/**
 * One bot process of a fleet on one PostgreSQL schema, for the several-processes tests: the real
 * scheduler on its node-cron job (every second here) and the real deliverer, against the stand-in
 * platforms, until SIGTERM stops it cleanly (or SIGKILL does not). Every process of a fleet reads the
 * same clock: CLOCK at the wall-clock instant ANCHOR_MS (epoch ms), moving on in real time from
 * there, so that the leases they compute agree however late each one started.
 *
 *   PGURL_TEST=… node bin/run-ts.mjs test/support/scripts/fleet-child.ts \
 *     NAME SCHEMA DATA_PATH CLOCK ANCHOR_MS LEASE_MS [discord=URL] [slack=URL]
 *
 * It prints "ready" once its scheduler runs. Its store connections call themselves `fleet-SCHEMA`, so
 * a test can find them among the server's sessions.
 */

import { LiveDataset } from "../../../src/dataset/live.js";
import type { Sender } from "../../../src/delivery/sender.js";
import { createLogger } from "../../../src/log.js";
import { PostgresStore } from "../../../src/store/postgres.js";
import type { PlatformName } from "../../../src/store/store.js";
import { shiftedClock, systemClock } from "../../../src/time/clock.js";
import { makeScheduler } from "../alerts.js";
import { pgUrl } from "../postgres.js";
import { senderFor } from "../standins/clients.js";

const [name, schema, dataPath, at, anchor, lease, ...apis] = process.argv.slice(2);
if (!name || !schema || !dataPath || !at || !anchor || !lease || apis.length === 0) {
  console.error(
    "usage: fleet-child.ts NAME SCHEMA DATA_PATH CLOCK ANCHOR_MS LEASE_MS [discord=URL] [slack=URL]",
  );
  process.exit(2);
}
const log = createLogger(process.env.CHILD_LOG_LEVEL ?? "warn", 2);
const clock = shiftedClock(new Date(Date.parse(at) + systemClock.now().getTime() - Number(anchor)));
const senders: Partial<Record<PlatformName, Sender>> = {};
for (const api of apis) {
  const [platform, url = ""] = api.split(/=(.*)/);
  if (platform === "discord" || platform === "slack") senders[platform] = senderFor(platform, url);
}
const store = await PostgresStore.open({
  connectionString: pgUrl,
  schema,
  max: 4,
  applicationName: `fleet-${schema}`,
});
const data = await LiveDataset.open(dataPath, log);
const scheduler = makeScheduler({
  store,
  data,
  clock,
  log,
  senders,
  cron: "* * * * * *",
  deliverer: {
    concurrency: 16,
    owner: `${name}:${process.pid}`,
    leaseMs: Number(lease),
    // A stand-in's failures are brief: retry soon.
    retry: { baseMs: 50, maxMs: 200 },
  },
});
scheduler.start();
process.stdout.write("ready\n");

process.once("SIGTERM", () => {
  void (async () => {
    await scheduler.stop();
    data.close();
    await store.close();
    process.exit(0);
  })();
});
