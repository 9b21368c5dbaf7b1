/**
 * One bot process for bench/processes.ts: `processes-child.ts PGURL SCHEMA API_URL REQUESTS_PER_SECOND CONCURRENCY`
 * opens the PostgreSQL store (its schema already holds the subscriptions), prints "ready", waits for
 * "go" on stdin, fans the bench's one alert out to every subscribed channel through the real delivery
 * path (ledger claim → DiscordSender → @discordjs/rest paced at REQUESTS_PER_SECOND → ledger finish)
 * alongside the other processes, and prints its outcomes, the 429s its REST client saw and the CPU
 * time the fan-out took as JSON.
 */
import { Deliverer } from "../src/delivery/deliver.js";
import { createLogger } from "../src/log.js";
import { DiscordSender } from "../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../src/platforms/discord/embeds.js";
import { PostgresStore } from "../src/store/postgres.js";
import { fixedClock } from "../src/time/clock.js";
import { benchAlert, countingRest } from "./alert.js";

const [pgUrl, schema, api, perSecond, concurrency] = process.argv.slice(2);
if (!pgUrl || !schema || !api || !perSecond || !concurrency) {
  console.error("usage: processes-child.ts PGURL SCHEMA API_URL REQUESTS_PER_SECOND CONCURRENCY");
  process.exit(2);
}
const store = await PostgresStore.open({ connectionString: pgUrl, schema, max: 8 });
const { rest, saw429 } = countingRest(api, Number(perSecond));
const clock = fixedClock("2025-02-28T07:00:00Z");
const deliverer = new Deliverer({
  store,
  senders: { discord: new DiscordSender(rest, renderDiscord) },
  clock,
  log: createLogger("warn", 2),
  concurrency: Number(concurrency),
});
const channels = await store.activeSubscriptions();

process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const cpuBefore = process.cpuUsage();
const report = await deliverer.fanOut(benchAlert(clock.now()), channels);
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${JSON.stringify({ outcomes: report.outcomes, restSaw429: saw429(), cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`,
);
rest.clearHashSweeper();
rest.clearHandlerSweeper();
await store.close();
process.exit(0);
