/**
 * One memory sample for bench/discord.ts, in a fresh process: `discord-rss-child.ts bot|bare API_URL`
 * connects a client (the bot with its caches, or a bare discord.js client with default caches) to
 * the stand-in Discord at API_URL, waits until every server has arrived, collects garbage and
 * prints `{"rss":…,"heapUsed":…,"guilds":…,"warnings":[…]}` (the process warnings seen meanwhile).
 */

import { Client, Events, GatewayIntentBits } from "discord.js";
import { createDiscordAdapter } from "../src/platforms/discord/adapter.js";
import { shippedCore } from "../test/support/core.js";
import { silentLog } from "../test/support/log.js";

const [kind, apiUrl] = process.argv.slice(2);
if ((kind !== "bot" && kind !== "bare") || !apiUrl) {
  console.error("usage: discord-rss-child.ts bot|bare API_URL");
  process.exit(2);
}
const token = "bench-token";
const warnings: string[] = [];
process.on("warning", (warning) => warnings.push(`${warning.name}: ${warning.message}`));
const appId = "800000000000000001";

let client: Client;
let stop: () => Promise<void>;
if (kind === "bot") {
  const log = silentLog();
  // Bundled into .bench-build/, so the fixture cannot find data/ from its own path: the bench runs
  // this child from the repository root.
  const { core, data } = await shippedCore({ log, dataPath: "data" });
  const adapter = createDiscordAdapter({ core, token, appId, apiUrl, log });
  await adapter.start();
  client = adapter.client;
  stop = async () => {
    await adapter.stop();
    data.close();
  };
} else {
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  stop = async () => {
    await client.destroy();
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0; i < 3; i++) {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const usage = process.memoryUsage();
console.log(
  JSON.stringify({ rss: usage.rss, heapUsed: usage.heapUsed, guilds: client.guilds.cache.size, warnings }),
);
await stop();
process.exit(0);
