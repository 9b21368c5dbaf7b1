/**
 * Fan-out under Discord's global rate limit: one alert to 10,000 subscribed channels through the real
 * delivery path (SQLite ledger claim → DiscordSender → @discordjs/rest → finish) against the stand-in
 * Discord REST API enforcing a global limit scaled down to 500 requests/s (Discord's is 50/s; the
 * scale keeps the run at ~20 s). @discordjs/rest paces itself with `globalRequestsPerSecond` set to the
 * limit — there is no hand-written limiter — and waits out any 429 the stand-in answers.
 *
 * Reported: elapsed time against the ideal (channels / limit), 429s received, duplicates and losses
 * (counted on the stand-in's side). Targets: within 10% of the ideal, no duplicates, no losses.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Deliverer } from "../src/delivery/deliver.js";
import { createLogger } from "../src/log.js";
import { DiscordSender } from "../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../src/platforms/discord/embeds.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { fixedClock } from "../src/time/clock.js";
import { StandInDiscordChannels } from "../test/support/standins/discord-channels.js";
import { benchAlert, countingRest, subscribedChannels } from "./alert.js";
import type { BenchSection } from "./report.js";

const CHANNELS = 10_000;
const LIMIT = 500;
const CONCURRENCY = 256;

export async function benchFanout(): Promise<BenchSection> {
  const standin = await StandInDiscordChannels.start({ globalPerSecond: LIMIT });
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), "bench-fanout-")), "bot.sqlite"));
  const channels = await subscribedChannels(store, CHANNELS);

  const { rest, saw429 } = countingRest(standin.apiUrl, LIMIT);
  const clock = fixedClock("2025-02-28T07:00:00Z");
  const deliverer = new Deliverer({
    store,
    senders: { discord: new DiscordSender(rest, renderDiscord) },
    clock,
    log: createLogger("warn"),
    concurrency: CONCURRENCY,
  });
  const item = benchAlert(clock.now());

  const started = performance.now();
  const report = await deliverer.fanOut(item, channels);
  const elapsed = (performance.now() - started) / 1000;

  const counts = channels.map((c) => standin.count(c.channelId));
  const duplicates = counts.filter((n) => n > 1).length;
  const losses = counts.filter((n) => n === 0).length;
  const ideal = CHANNELS / LIMIT;
  const ratio = elapsed / ideal;
  const within = ratio <= 1.1;
  const targetsMet = within && duplicates === 0 && losses === 0;

  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await store.close();
  await standin.stop();

  const markdown = `One reminder fanned out to ${CHANNELS.toLocaleString("en")} subscribed Discord channels: ledger claim (SQLite), \`DiscordSender\` → \`@discordjs/rest\` (\`globalRequestsPerSecond: ${LIMIT}\`), ledger finish; ${CONCURRENCY} channels in flight. The stand-in Discord REST API enforces a global limit of ${LIMIT} requests/s (a token bucket) and answers excess requests with 429, \`retry-after\`, \`x-ratelimit-global\`, \`x-ratelimit-scope: global\` and \`{ global: true }\`.

| Figure | Value |
| --- | ---: |
| Channels | ${CHANNELS.toLocaleString("en")} |
| Global limit | ${LIMIT} requests/s |
| Ideal time (channels / limit) | ${ideal.toFixed(1)} s |
| Elapsed | ${elapsed.toFixed(1)} s |
| Elapsed / ideal | ${ratio.toFixed(3)} |
| 429s answered by the stand-in | ${standin.stats.rateLimited} |
| 429s seen by @discordjs/rest | ${saw429()} |
| Messages posted | ${standin.stats.posts - standin.stats.serverErrors} |
| Sent (ledger) | ${report.outcomes.sent} |
| Duplicates (channels with > 1) | ${duplicates} |
| Losses (channels with 0) | ${losses} |

Targets: elapsed within 10% of the ideal (${within ? "met" : "NOT met"}), no duplicates (${duplicates === 0 ? "met" : "NOT met"}), no losses (${losses === 0 ? "met" : "NOT met"}).`;
  return { title: "Alert fan-out under Discord's global rate limit", markdown, targetsMet };
}
