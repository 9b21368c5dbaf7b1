/**
 * Steady when a dependency is away, as an operator sees it: `ceasefire-bot start` in a child process
 * with the Discord proxy, the Discord stand-in, the Slack stand-in (HTTP mode and Socket Mode) or
 * PostgreSQL down at start, and the platform or PostgreSQL going away in the middle of a fan-out.
 * No crash; one clear line naming what and where; /readyz 503 with the reason while it is away; once
 * it is back, ready, and every alert due meanwhile delivered exactly once, counted on the stand-in.
 * The 09:00 (Jerusalem) reminders of 28 Feb 2025 fall due two seconds after the start (--clock).
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { markerFor } from "../../src/delivery/marker.js";
import { SQLITE_FILE } from "../../src/store/open.js";
import { PostgresStore } from "../../src/store/postgres.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { PlatformName, Store } from "../../src/store/store.js";
import {
  type BotProcess,
  freePort,
  Gate,
  StandInDiscord,
  StandInSlack,
  StandInSlackChannels,
  StandInSlackSocket,
  spawnBot,
  spawnCommand,
  startThrowawayPostgres,
  tempDir,
  until,
} from "../support/index.js";

const ALERTS = ["gaza-2025:phase-one-end:1d", "gaza-2025:philadelphi-withdrawal-start:1d"].map(markerFor);
const CLOCK = ["--clock", "2025-02-28T06:59:58Z"];
const DISCORD = { DISCORD_TOKEN: "steady-discord-token", DISCORD_APP_ID: "800000000000000001" };
const SLACK_TOKEN = "xoxb-steady";

/** What is cleaned up after each test: processes, stand-ins, gates, servers. */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => {});
  cleanups.length = 0;
});
const later = <T>(value: T, clean: (v: T) => Promise<unknown>): T => {
  cleanups.push(() => clean(value));
  return value;
};

/** Subscribes `count` channels of `platform` to the story's reminders in `store`. */
async function subscribe(store: Store, platform: PlatformName, count: number): Promise<string[]> {
  const channels = Array.from({ length: count }, (_, i) =>
    platform === "slack" ? `C${100000 + i}` : String(900000000000000100n + BigInt(i)),
  );
  for (const channelId of channels)
    await store.subscribe(
      { platform, channelId, story: "gaza-2025", workspaceId: "w1", kind: "reminders" },
      new Date("2025-02-20T00:00:00Z"),
    );
  return channels;
}

/** A data folder whose SQLite store has `count` channels subscribed. */
async function sqliteWith(platform: PlatformName, count: number) {
  const dir = tempDir("cf-steady-");
  const store = SqliteStore.open(join(dir, SQLITE_FILE));
  const channels = await subscribe(store, platform, count);
  await store.close();
  return { dir, channels };
}

/** The bot, started with short waits between tries and a tick every second. */
async function startBot(env: Record<string, string>): Promise<{ bot: BotProcess; health: number }> {
  const health = await freePort();
  const bot = spawnBot(
    {
      HEALTH_PORT: String(health),
      RECONNECT_INITIAL_MS: "200",
      RECONNECT_MAX_MS: "1000",
      SCHEDULER_CRON: "* * * * * *",
      CLAIM_LEASE_MS: "2000",
      FEEDS: "off",
      ...env,
    },
    CLOCK,
  );
  later(bot, async (b) => {
    b.child.kill("SIGKILL");
    await b.exited;
  });
  return { bot, health };
}

async function readyz(port: number): Promise<{ status: number; reasons?: string[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  const { reasons } = (await res.json()) as { reasons?: string[] };
  return { status: res.status, ...(reasons ? { reasons } : {}) };
}

/** The lines that told an outage of `what` begin (not the later tries, nor the cap). */
function outageLines(bot: BotProcess, what: string): string[] {
  return bot
    .logs()
    .split("\n")
    .filter((l) => l.includes('"level":40') && l.includes(`"msg":"${what} is unreachable`))
    .map((l) => String((JSON.parse(l) as { msg: string }).msg))
    .filter((m) => !m.endsWith("(the longest wait from now on)"));
}

/** Down at start: no crash, one line, /readyz 503 naming it; returns the line. */
async function seenDown(bot: BotProcess, health: number, what: string, reason: RegExp): Promise<string> {
  await until(`the bot to say ${what} is unreachable`, () => outageLines(bot, what)[0]);
  const ready = await until("/readyz to answer", () => readyz(health).catch(() => undefined));
  expect(ready.status).toBe(503);
  expect(ready.reasons?.join("\n")).toMatch(reason);
  await new Promise((r) => setTimeout(r, 2_500)); // the reminders fall due meanwhile
  expect(bot.child.exitCode).toBeNull();
  expect(bot.logs()).not.toMatch(/Uncaught|^\s+at /m);
  const lines = outageLines(bot, what);
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

/** Back: the line saying so, /readyz 200. */
async function seenBack(bot: BotProcess, health: number, what: string): Promise<void> {
  await until(`${what} reachable again`, () =>
    bot.logs().includes(`"msg":"${what} is reachable again`) ? true : undefined,
  );
  await until("/readyz 200", async () => ((await readyz(health)).status === 200 ? true : undefined));
}

/** Waits until every channel holds the alerts, then checks that each holds each exactly once. */
async function eachOnce(channels: string[], markersIn: (channel: string) => string[]): Promise<void> {
  const expected = [...ALERTS].sort().join();
  await until(
    "every channel to hold the alerts",
    () => (channels.every((c) => markersIn(c).length >= ALERTS.length) ? true : undefined),
    30_000,
  );
  await new Promise((r) => setTimeout(r, 1_500)); // nothing more arrives
  const wrong = channels.filter((c) => [...markersIn(c)].sort().join() !== expected);
  expect(wrong.map((c) => `${c}: ${markersIn(c).join(",")}`)).toEqual([]);
}

/** The alert markers in a Discord stand-in channel (from the embed footer's "ref cf-…"). */
const discordMarkers = (discord: StandInDiscord) => (channel: string) =>
  (discord.channelMessages.get(channel) ?? []).map(
    (m) => /ref (cf-[0-9a-f]+)/.exec(JSON.stringify(m.embeds))?.[1] ?? "?",
  );

describe("a dependency down when the bot starts", () => {
  it("the Discord proxy: waits for it, then delivers what fell due once", async () => {
    const discord = later(await StandInDiscord.start(), (d) => d.stop());
    const proxyPort = await freePort();
    const { dir, channels } = await sqliteWith("discord", 1);
    const { bot, health } = await startBot({
      ...DISCORD,
      DATA_DIR: dir,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PROXY_URL: `http://127.0.0.1:${proxyPort}/api`,
    });
    const line = await seenDown(
      bot,
      health,
      "Discord",
      /discord: Discord is unreachable: .*\(DISCORD_PROXY_URL\)/,
    );
    expect(line).toMatch(
      new RegExp(
        `^Discord is unreachable: connect ECONNREFUSED 127.0.0.1:${proxyPort} \\(DISCORD_PROXY_URL\\); retrying in`,
      ),
    );
    const proxy = spawnCommand("discord-proxy", {
      DISCORD_PROXY_HOST: "127.0.0.1",
      DISCORD_PROXY_PORT: String(proxyPort),
      DISCORD_API_URL: discord.apiUrl,
    });
    later(proxy, async (p) => {
      p.child.kill("SIGKILL");
      await p.exited;
    });
    await seenBack(bot, health, "Discord");
    await eachOnce(channels, discordMarkers(discord));
  }, 60_000);

  it("Discord's API and gateway: waits for them, then delivers what fell due once", async () => {
    const discord = later(await StandInDiscord.start(), (d) => d.stop());
    const gate = later(await Gate.closedTo(discord.apiUrl), (g) => g.close());
    const { dir, channels } = await sqliteWith("discord", 1);
    const { bot, health } = await startBot({
      ...DISCORD,
      DATA_DIR: dir,
      DISCORD_API_URL: gate.through(discord.apiUrl),
    });
    const line = await seenDown(bot, health, "Discord", /discord: Discord is unreachable/);
    expect(line).toContain(`connect ECONNREFUSED 127.0.0.1:${gate.port} (DISCORD_API_URL)`);
    await gate.open();
    await seenBack(bot, health, "Discord");
    await eachOnce(channels, discordMarkers(discord));
  }, 60_000);

  it("Slack in HTTP mode: waits for it, then delivers what fell due once", async () => {
    const slack = later(await StandInSlackChannels.start(), (s) => s.stop());
    const gate = later(await Gate.closedTo(slack.apiUrl), (g) => g.close());
    const { dir, channels } = await sqliteWith("slack", 1);
    const { bot, health } = await startBot({
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: "steady-secret",
      SLACK_API_URL: gate.through(slack.apiUrl),
      PORT: String(await freePort()),
      DATA_DIR: dir,
    });
    const line = await seenDown(bot, health, "Slack", /slack: Slack is unreachable/);
    expect(line).toContain(`connect ECONNREFUSED 127.0.0.1:${gate.port} (SLACK_API_URL)`);
    await gate.open();
    await seenBack(bot, health, "Slack");
    await eachOnce(channels, (c) => slack.markersIn(c));
  }, 60_000);

  it("Slack in Socket Mode: waits for it, then connects", async () => {
    const slack = later(await StandInSlack.start(SLACK_TOKEN), (s) => s.stop());
    const socket = later(await StandInSlackSocket.start(slack, "xapp-steady"), (s) => s.stop());
    const gate = later(await Gate.closedTo(slack.apiUrl), (g) => g.close());
    const { bot, health } = await startBot({
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_APP_TOKEN: socket.appToken,
      SLACK_API_URL: gate.through(slack.apiUrl),
    });
    await seenDown(bot, health, "Slack", /slack: Slack is unreachable: .*\(SLACK_API_URL\)/);
    await gate.open();
    await seenBack(bot, health, "Slack");
    expect(socket.connections.length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("PostgreSQL: waits for it, then delivers what fell due once", async () => {
    const url = new URL(`postgres://postgres@127.0.0.1:${await freePort()}/test`);
    const server = later(await startThrowawayPostgres(url), (s) => s.stop());
    const store = await PostgresStore.open({ connectionString: url.href });
    const channels = await subscribe(store, "discord", 1);
    await store.close();
    const discord = later(await StandInDiscord.start(), (d) => d.stop());
    const restarted = server.restart(5_000); // down for five seconds
    await until("PostgreSQL to be down", () =>
      fetch(`http://127.0.0.1:${url.port}`).then(
        () => undefined,
        (err: { cause?: { code?: string } }) => (err.cause?.code === "ECONNREFUSED" ? true : undefined),
      ),
    );
    const { bot, health } = await startBot({
      ...DISCORD,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: url.href,
    });
    const line = await seenDown(
      bot,
      health,
      "PostgreSQL",
      /store: PostgreSQL is unreachable: .*\(DATABASE_URL\)/,
    );
    expect(line).toContain(`connect ECONNREFUSED 127.0.0.1:${url.port} (DATABASE_URL)`);
    await restarted;
    await seenBack(bot, health, "PostgreSQL");
    await eachOnce(channels, discordMarkers(discord));
  }, 90_000);
});

describe("a dependency going away in the middle of a fan-out", () => {
  const CHANNELS = 300;
  const expected = CHANNELS * ALERTS.length;

  /** The outage was said once (its first failure: a connection cut or refused), and its end once. */
  function toldOnce(bot: BotProcess, what: string, where: string) {
    const lines = outageLines(bot, what);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^${what} is unreachable: .+ \\(${where}\\); trying again as the deliveries are retried$`),
    );
    expect(bot.entries(`${what} is reachable again (${where})`)).toHaveLength(1);
  }

  /** Waits until `sent()` shows the fan-out under way, takes the dependency away for a while, brings it back. */
  async function outageMidway(
    sent: () => number,
    away: () => Promise<unknown>,
    back: () => Promise<unknown>,
  ) {
    await until("the fan-out under way", () => (sent() >= expected * 0.2 ? true : undefined), 30_000, 5);
    await away();
    expect(sent()).toBeLessThan(expected); // it really went away mid fan-out
    await new Promise((r) => setTimeout(r, 1_500));
    await back();
  }

  it("Discord's API: every channel gets each reminder exactly once", async () => {
    const discord = later(await StandInDiscord.start(), (d) => d.stop());
    const gate = later(await Gate.openTo(discord.apiUrl), (g) => g.close());
    const { dir, channels } = await sqliteWith("discord", CHANNELS);
    const { bot } = await startBot({
      ...DISCORD,
      DATA_DIR: dir,
      DISCORD_API_URL: gate.through(discord.apiUrl),
      DISCORD_GLOBAL_REQUESTS_PER_SECOND: "150",
    });
    const sent = () => [...discord.channelMessages.values()].reduce((n, list) => n + list.length, 0);
    await outageMidway(
      sent,
      () => gate.close(),
      () => gate.open(),
    );
    await eachOnce(channels, discordMarkers(discord));
    toldOnce(bot, "Discord", "DISCORD_API_URL");
  }, 90_000);

  it("Slack's API: every channel gets each reminder exactly once", async () => {
    const slack = later(await StandInSlackChannels.start({ postLatencyMs: 10 }), (s) => s.stop());
    const gate = later(await Gate.openTo(slack.apiUrl), (g) => g.close());
    const { dir, channels } = await sqliteWith("slack", CHANNELS);
    const { bot } = await startBot({
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: "steady-secret",
      SLACK_API_URL: gate.through(slack.apiUrl),
      PORT: String(await freePort()),
      DATA_DIR: dir,
    });
    await outageMidway(
      () => slack.total(),
      () => gate.close(),
      () => gate.open(),
    );
    await eachOnce(channels, (c) => slack.markersIn(c));
    toldOnce(bot, "Slack", "SLACK_API_URL");
  }, 90_000);

  it("PostgreSQL restarting: every channel gets each reminder exactly once", async () => {
    const url = new URL(`postgres://postgres@127.0.0.1:${await freePort()}/test`);
    const server = later(await startThrowawayPostgres(url), (s) => s.stop());
    const store = await PostgresStore.open({ connectionString: url.href });
    const channels = await subscribe(store, "discord", CHANNELS);
    await store.close();
    const discord = later(await StandInDiscord.start(), (d) => d.stop());
    const { bot } = await startBot({
      ...DISCORD,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: url.href,
      DISCORD_GLOBAL_REQUESTS_PER_SECOND: "150",
    });
    const sent = () => [...discord.channelMessages.values()].reduce((n, list) => n + list.length, 0);
    let restarted: Promise<void> = Promise.resolve();
    await outageMidway(
      sent,
      async () => {
        restarted = server.restart(1_500);
        await new Promise((r) => setTimeout(r, 200));
      },
      () => restarted,
    );
    await eachOnce(channels, discordMarkers(discord));
    expect(bot.child.exitCode).toBeNull();
    expect(outageLines(bot, "PostgreSQL")).toHaveLength(1);
    expect(bot.entries("PostgreSQL is reachable again (DATABASE_URL)")).toHaveLength(1);
  }, 120_000);
});

describe("a platform's address that waiting will not cure", () => {
  it("Slack's API on a port fetch refuses (1): exits 1 with one line naming SLACK_API_URL, no stack trace", async () => {
    const { bot } = await startBot({
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: "steady-secret",
      SLACK_API_URL: "http://127.0.0.1:1/api/",
      PORT: String(await freePort()),
    });
    expect(await bot.exited).toEqual({ code: 1, signal: null });
    const errors = bot
      .logs()
      .split("\n")
      .filter((l) => l.includes('"level":50'))
      .map((l) => String((JSON.parse(l) as { msg: string }).msg));
    expect(errors).toEqual([
      "Slack failed to start (through SLACK_API_URL): A request error occurred: fetch failed: bad port",
    ]);
    expect(bot.logs()).not.toMatch(/Uncaught|^\s+at /m);
    expect(bot.logs()).not.toContain(SLACK_TOKEN);
  }, 30_000);
});
