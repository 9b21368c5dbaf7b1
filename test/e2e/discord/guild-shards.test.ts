/**
 * The stand-in for a large bot (test/support/standins/discord-guilds.ts, what the "100,000 servers"
 * benchmark runs against) assigns its servers to shards as Discord does, `(guild_id >> 22) % count`,
 * for shard counts well past 16, recommends Discord's one shard per 1,000 servers, sends each shard
 * only its own servers, and keeps Discord's global rate limit.
 */
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import {
  guildsByShard,
  StandInDiscordGuilds,
  shardOf,
  shardsFor,
  textChannelOf,
} from "../../support/index.js";

let standIn: StandInDiscordGuilds | undefined;
afterEach(async () => {
  await standIn?.stop();
  standIn = undefined;
});

/** Identifies as `shard` over a raw gateway connection; resolves with the dispatches, or the close code. */
function identify(
  url: string,
  shard: [number, number],
  guildCreates: number,
): Promise<{
  ready?: { guilds: { id: string }[] };
  guilds: { id: string; channels: { id: string }[] }[];
  closed?: number;
  invalidSession?: boolean;
}> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const got: {
      ready?: { guilds: { id: string }[] };
      guilds: { id: string; channels: { id: string }[] }[];
    } = {
      guilds: [],
    };
    ws.on("error", reject);
    ws.on("close", (code) => resolve({ ...got, closed: code }));
    ws.on("message", (data) => {
      const payload = JSON.parse(String(data)) as { op: number; t?: string; d: never };
      if (payload.op === 10)
        ws.send(JSON.stringify({ op: 2, d: { token: "t", intents: 1, shard, properties: {} } }));
      if (payload.op === 9) {
        ws.close();
        resolve({ ...got, invalidSession: true });
      }
      if (payload.t === "READY") got.ready = payload.d;
      if (payload.t === "GUILD_CREATE") got.guilds.push(payload.d);
      if (got.ready && got.guilds.length === guildCreates) {
        ws.close();
        resolve(got);
      }
    });
  });
}

describe("the stand-in for a bot in many servers", () => {
  it("recommends one shard per 1,000 servers, as Discord does", () => {
    expect([0, 1, 1_000, 1_001, 25_000, 100_000].map(shardsFor)).toEqual([1, 1, 1, 2, 25, 100]);
  });

  it("puts each of 100,000 servers on the shard Discord's shardOf names out of 100, 1,000 on each", () => {
    const byShard = guildsByShard(100_000, 100);
    for (const [shard, guilds] of byShard.entries())
      expect(guilds.every((id) => shardOf(id, 100) === shard)).toBe(true);
    expect(byShard.map((g) => g.length)).toEqual(Array.from({ length: 100 }, () => 1_000));
    expect(new Set(byShard.flat()).size).toBe(100_000);
  });

  it("sends shard 37 of 40 its own servers only, each with its text channel", async () => {
    standIn = await StandInDiscordGuilds.start({ guildCount: 4_000 });
    expect(standIn.shardCount).toBe(4);
    await standIn.stop();
    standIn = await StandInDiscordGuilds.start({ guildCount: 4_000, shardCount: 40 });
    const mine = standIn.guildsOf(37);
    expect(mine).toHaveLength(100);
    const got = await identify(standIn.gatewayUrl, [37, 40], mine.length);
    expect(got.ready?.guilds.map((g) => g.id)).toEqual(mine);
    expect(got.guilds.map((g) => g.id)).toEqual(mine);
    expect(got.guilds.every((g) => shardOf(g.id, 40) === 37)).toBe(true);
    expect(got.guilds.map((g) => g.channels.map((c) => c.id))).toEqual(mine.map((id) => [textChannelOf(id)]));
  });

  it("closes a session that names another shard count (4010 Invalid shard)", async () => {
    standIn = await StandInDiscordGuilds.start({ guildCount: 3_000 });
    expect((await identify(standIn.gatewayUrl, [0, 2], 1)).closed).toBe(4010);
  });

  it("refuses an IDENTIFY less than 5 s after the last in its bucket, as Discord does", async () => {
    standIn = await StandInDiscordGuilds.start({ guildCount: 3_000, maxConcurrency: 2 });
    const sizes = [0, 1, 2].map((shard) => standIn?.guildsOf(shard).length ?? 0);
    expect((await identify(standIn.gatewayUrl, [0, 3], sizes[0] ?? 0)).ready).toBeDefined();
    expect((await identify(standIn.gatewayUrl, [1, 3], sizes[1] ?? 0)).ready).toBeDefined();
    const tooSoon = await identify(standIn.gatewayUrl, [2, 3], sizes[2] ?? 0);
    expect(tooSoon).toMatchObject({ invalidSession: true });
    expect(tooSoon.ready).toBeUndefined();
    expect(standIn.stats.identifiesTooSoon).toBe(1);
    expect(standIn.identified.map((i) => i.shard)).toEqual([0, 1]);
  });

  it("answers a request over its global limit with a global 429, as Discord words it", async () => {
    standIn = await StandInDiscordGuilds.start({ guildCount: 10, globalPerSecond: 1 });
    expect((await post(standIn, "1", "a")).status).toBe(200);
    const limited = await post(standIn, "2", "b");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-scope")).toBe("global");
    expect(await limited.json()).toMatchObject({ global: true });
    expect(standIn.stats.rateLimited).toBe(1);
  });

  it("counts each channel's messages, a nonce sent again with enforce_nonce once", async () => {
    standIn = await StandInDiscordGuilds.start({ guildCount: 10 });
    for (const [channel, nonce] of [
      ["1", "n1"],
      ["1", "n1"],
      ["1", "n2"],
      ["2", "n1"],
    ] as const)
      expect((await post(standIn, channel, nonce)).status).toBe(200);
    expect([standIn.count("1"), standIn.count("2"), standIn.count("3")]).toEqual([2, 1, 0]);
    expect(standIn.stats.nonceReplays).toBe(1);
  });
});

function post(at: StandInDiscordGuilds, channel: string, nonce: string): Promise<Response> {
  return fetch(`${at.apiUrl}/v10/channels/${channel}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ content: "hi", nonce, enforce_nonce: true }),
  });
}
