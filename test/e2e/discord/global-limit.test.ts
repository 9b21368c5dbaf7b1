/**
 * Discord's global rate limit is per bot, not per process. Three bot processes (the bot's REST client
 * and DiscordSender in child processes, each keeping to the limit on its own) post alerts at once to
 * a stand-in Discord enforcing a global limit of 50 requests/s, which answers every request over it
 * with a global 429 and counts them. Through one `ceasefire-bot discord-proxy` they draw none.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  type BotProcess,
  freePort,
  killScripts,
  runScript,
  StandInDiscordChannels,
  spawnCommand,
  until,
} from "../../support/index.js";

const LIMIT = 50;
const PROCESSES = 3;
const PER_PROCESS = 60;
const FIRST_CHANNEL = 1_000_000_000_000_000_000n;

interface Outcome {
  sent: number;
  failed: number;
  errors: string[];
}

let proxy: BotProcess | undefined;
let standIn: StandInDiscordChannels | undefined;

afterEach(async () => {
  killScripts();
  proxy?.child.kill("SIGTERM");
  await proxy?.exited;
  proxy = undefined;
  await standIn?.stop();
  standIn = undefined;
});

/** Starts a sending process for its own channels; resolves once it is ready to go. */
async function startSender(index: number, env: Record<string, string>) {
  const first = FIRST_CHANNEL + BigInt(index * PER_PROCESS);
  const sender = runScript("test/support/scripts/send-child.ts", [String(first), String(PER_PROCESS)], {
    DISCORD_TOKEN: "shared-limit-token",
    DISCORD_APP_ID: "800000000000000001",
    ...env,
  });
  const exited = sender.done.then(({ code, out, err }) => {
    if (code !== 0) throw new Error(`sender ${index} exited ${code}: ${out}${err}`);
    return JSON.parse(out.trim().split("\n").at(-1) ?? "") as Outcome;
  });
  await Promise.race([
    until(`sender ${index} to be ready`, () => (sender.stdout().startsWith("ready") ? true : undefined)),
    exited.then(() => Promise.reject(new Error(`sender ${index} exited before it was ready`))),
  ]);
  return { go: () => sender.child.stdin?.write("go\n"), exited };
}

/** Runs the three senders at once; resolves with what each sent and how long it took. */
async function sendFromThreeProcesses(env: Record<string, string>) {
  const senders = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => startSender(i, env)));
  const started = performance.now();
  for (const sender of senders) sender.go();
  const outcomes = await Promise.all(senders.map((s) => s.exited));
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

/** Channels that got their alert exactly once, counted on the stand-in's side. */
function channelsWithOneMessage(discord: StandInDiscordChannels): number {
  let once = 0;
  for (let i = 0; i < PROCESSES * PER_PROCESS; i++)
    if (discord.count(String(FIRST_CHANNEL + BigInt(i))) === 1) once++;
  return once;
}

const allSent = Array.from({ length: PROCESSES }, () => ({ sent: PER_PROCESS, failed: 0, errors: [] }));

describe("one global rate limit for all processes", () => {
  it("three processes sending through the shared proxy draw no global 429 and post every alert once", async () => {
    const discord = await StandInDiscordChannels.start({ globalPerSecond: LIMIT });
    standIn = discord;
    const port = await freePort();
    proxy = spawnCommand("discord-proxy", {
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PROXY_PORT: String(port),
      DISCORD_GLOBAL_REQUESTS_PER_SECOND: String(LIMIT),
    });
    await proxy.logged("discord proxy listening");

    const { outcomes, seconds } = await sendFromThreeProcesses({
      DISCORD_PROXY_URL: `http://127.0.0.1:${port}/api`,
      DISCORD_GLOBAL_REQUESTS_PER_SECOND: String(LIMIT),
    });

    expect(discord.stats.rateLimited).toBe(0);
    expect(outcomes).toEqual(allSent);
    expect(discord.stats.posts).toBe(PROCESSES * PER_PROCESS);
    expect(channelsWithOneMessage(discord)).toBe(PROCESSES * PER_PROCESS);
    // 180 requests at 50/s with a full bucket of 50 to start: at least 2.6 s; and well bounded.
    expect(seconds).toBeGreaterThan((PROCESSES * PER_PROCESS - LIMIT) / LIMIT - 0.1);
    expect(seconds).toBeLessThan(20);
  }, 60_000);

  it("without it, the same three processes, each keeping to 50/s on its own, draw global 429s", async () => {
    const discord = await StandInDiscordChannels.start({ globalPerSecond: LIMIT });
    standIn = discord;

    const { outcomes } = await sendFromThreeProcesses({
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GLOBAL_REQUESTS_PER_SECOND: String(LIMIT),
    });

    expect(discord.stats.rateLimited).toBeGreaterThan(0);
    // They still get there, by waiting out each 429: which is what Discord counts toward a ban.
    expect(outcomes).toEqual(allSent);
    expect(channelsWithOneMessage(discord)).toBe(PROCESSES * PER_PROCESS);
  }, 60_000);
});
