/**
 * Sharding as deployed: `ceasefire-bot start` twice, as child processes owning shard 0 and shard 1
 * of 2 (DISCORD_SHARDS, DISCORD_SHARD_COUNT), both sending their REST requests through one
 * `ceasefire-bot discord-proxy` (DISCORD_PROXY_URL), against the stand-in Discord, which sends each
 * shard only the servers whose `(guild_id >> 22) % 2` is its id, and their interactions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BotProcess,
  type CallbackBody,
  embedText,
  freePort,
  guildIdOf,
  StandInDiscord,
  shardOf,
  spawnBot,
  spawnCommand,
  until,
} from "../../support/index.js";

const TOKEN = "sharded-bot-token.secret-part";
const SERVERS = 6;

let discord: StandInDiscord;
let proxy: BotProcess;
const bots: BotProcess[] = [];

beforeAll(async () => {
  discord = await StandInDiscord.start();
  discord.guildCount = SERVERS;
  const proxyPort = await freePort();
  proxy = spawnCommand("discord-proxy", {
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_PROXY_PORT: String(proxyPort),
  });
  await proxy.logged("discord proxy listening");
  for (const shard of [0, 1]) {
    bots.push(
      spawnBot(
        {
          DISCORD_TOKEN: TOKEN,
          DISCORD_APP_ID: discord.appId,
          DISCORD_PROXY_URL: `http://127.0.0.1:${proxyPort}/api`,
          DISCORD_SHARDS: String(shard),
          DISCORD_SHARD_COUNT: "2",
          LOG_LEVEL: "debug",
        },
        ["--clock", "2025-02-28T10:00:00Z"],
      ),
    );
  }
  await Promise.all(bots.map((bot) => bot.logged("discord bot ready")));
}, 60_000);

afterAll(async () => {
  for (const p of [...bots, proxy]) p?.child.kill("SIGTERM");
  await Promise.all([...bots, proxy].map((p) => p?.exited));
  await discord?.stop();
});

/** The ids of the interactions a bot process says it answered. */
function answeredBy(bot: BotProcess): string[] {
  return bot.entries("interaction answered").map((line) => String(line.id));
}

describe("two processes, each owning one shard of two", () => {
  it("identify as shard 0 and shard 1 of 2, each getting only its own servers", () => {
    expect(discord.identifies.map((d) => (d as { shard: number[] }).shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const [shard, bot] of bots.entries()) {
      expect(bot.entries("discord bot ready")[0]).toMatchObject({
        shards: [shard],
        shardCount: 2,
        guilds: SERVERS / 2,
      });
    }
  });

  it("answer every server's commands between them, each process those of its own servers only", async () => {
    const sent = Array.from({ length: SERVERS }, (_, i) => {
      const guildId = guildIdOf(i);
      return { guildId, ...discord.chatInput("captives", [], { guildId, channelId: guildId }) };
    });
    for (const { id } of sent) {
      expect(embedText((await discord.callbackFor(id, 10_000)).body as CallbackBody)).toContain(
        "63 captives",
      );
    }
    const byShard = [0, 1].map((shard) =>
      sent
        .filter(({ guildId }) => shardOf(guildId, 2) === shard)
        .map(({ id }) => id)
        .sort(),
    );
    expect(byShard.map((ids) => ids.length)).toEqual([SERVERS / 2, SERVERS / 2]);
    for (const [shard, bot] of bots.entries()) {
      await until(`process ${shard} to log its answers`, () =>
        answeredBy(bot).length >= SERVERS / 2 ? true : undefined,
      );
      expect(answeredBy(bot).sort()).toEqual(byShard[shard]);
    }
  }, 30_000);

  it("send every REST request through the one proxy: Discord sees the proxy's client, never the bots'", () => {
    const agents = new Set(discord.requests.map((r) => String(r.headers["user-agent"])));
    expect(discord.requests.filter((r) => r.path.startsWith("/interactions/"))).toHaveLength(SERVERS);
    expect(discord.requests.filter((r) => r.path === "/gateway/bot")).toHaveLength(2);
    expect([...agents].filter((agent) => agent.includes("discord.js/"))).toEqual([]);
  });

  it("keep the token out of every log line", () => {
    for (const p of [proxy, ...bots]) expect(p.logs()).not.toContain(TOKEN);
  });
});
