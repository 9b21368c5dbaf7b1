/**
 * The shared Discord proxy, in process, in front of the stand-in Discord, with the bot's own REST
 * client (@discordjs/rest, as the adapter configures it) sending through it.
 */
import { REST } from "@discordjs/rest";
import { afterEach, describe, expect, it } from "vitest";
import { restOptions } from "../../../src/platforms/discord/adapter.js";
import { type DiscordProxy, startDiscordProxy } from "../../../src/platforms/discord/proxy.js";
import { CHANNEL_ID, captureLog, freePort, StandInDiscord } from "../../support/index.js";

const TOKEN = "proxy-test-token.secret-part";

let discord: StandInDiscord | undefined;
let proxy: DiscordProxy | undefined;
const clients: REST[] = [];

afterEach(async () => {
  for (const rest of clients.splice(0)) {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  await proxy?.close();
  await discord?.stop();
  proxy = undefined;
  discord = undefined;
});

async function start(globalRequestsPerSecond = 50, apiUrl?: string, maxBodyBytes?: number) {
  discord = await StandInDiscord.start();
  const { log, text } = captureLog();
  proxy = await startDiscordProxy({
    host: "127.0.0.1",
    port: 0,
    apiUrl: apiUrl ?? discord.apiUrl,
    globalRequestsPerSecond,
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
    log,
  });
  const rest = new REST(restOptions({ apiUrl: proxy.url })).setToken(TOKEN);
  clients.push(rest);
  return { discord, proxy, rest, logText: text };
}

const post = (rest: REST, content: string, channel = CHANNEL_ID) =>
  rest.post(`/channels/${channel}/messages`, { body: { content } }) as Promise<{ content: string }>;

/** One message posted straight to the proxy, as a bot's REST client would. */
const postRaw = (proxy: DiscordProxy, channel: string, signal?: AbortSignal) =>
  fetch(`${proxy.url}/v10/channels/${channel}/messages`, {
    method: "POST",
    headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ content: "x" }),
    ...(signal ? { signal } : {}),
  });

/** The statuses of the answers the bot's REST client got from the proxy, in order. */
function statuses(rest: REST): number[] {
  const seen: number[] = [];
  rest.on("response", (_request, response) => seen.push(response.status));
  return seen;
}

describe("the Discord proxy", () => {
  it("passes a request on with the sender's own token and passes Discord's answer back", async () => {
    const { discord, rest } = await start();
    expect(await post(rest, "hello")).toMatchObject({ content: "hello" });
    const seen = await discord.waitForRequest((r) => r.method === "POST");
    expect(seen.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(seen.body).toMatchObject({ content: "hello" });
  });

  it("holds the requests over the global limit until the pace lets them go: the bot sees no 429", async () => {
    const { discord, rest } = await start(2);
    const seen = statuses(rest);
    const started = performance.now();
    const sent = await Promise.all(
      ["1", "2", "3", "4", "5"].map((channel) => post(rest, `to ${channel}`, channel)),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(sent.map((m) => m.content)).toEqual(["to 1", "to 2", "to 3", "to 4", "to 5"]);
    expect(seen).toEqual([200, 200, 200, 200, 200]);
    expect(discord.requests.filter((r) => r.path.endsWith("/messages"))).toHaveLength(5);
    // Two a second, evenly: the fifth goes 2 s after the first.
    expect(seconds).toBeGreaterThan(1.9);
  });

  it("waits out a 429 from Discord and sends the same body again itself", async () => {
    const { discord, rest, logText } = await start();
    const seen = statuses(rest);
    discord.rateLimitOnce("POST", /\/messages$/, 0.05);
    expect(await post(rest, "after the wait")).toMatchObject({ content: "after the wait" });
    const posts = discord.requests.filter((r) => r.path.endsWith("/messages"));
    expect(posts.map((r) => [r.method, r.body])).toEqual([
      ["POST (429)", { content: "after the wait" }],
      ["POST", { content: "after the wait" }],
    ]);
    expect(seen).toEqual([200]);
    expect(logText()).toContain("count toward its invalid-request ban");
    expect(logText()).not.toContain(TOKEN);
  });

  it("never sends a request it was holding once the bot that sent it has given up on it", async () => {
    const { discord, proxy } = await start(1);
    expect((await postRaw(proxy, "1")).status).toBe(200);
    await expect(postRaw(proxy, "2", AbortSignal.timeout(200))).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(discord.requests.filter((r) => r.path.endsWith("/messages")).map((r) => r.path)).toEqual([
      "/channels/1/messages",
    ]);
  });

  it("answers 413 for a body larger than Discord takes, and does not send it", async () => {
    const { discord, proxy } = await start(50, undefined, 1_000);
    const answer = await fetch(`${proxy.url}/v10/channels/1/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "x".repeat(1_001) }),
    });
    expect(answer.status).toBe(413);
    expect((await postRaw(proxy, "1")).status).toBe(200);
    expect(discord.requests.filter((r) => r.path.endsWith("/messages"))).toHaveLength(1);
  });

  it("answers a gateway error when Discord cannot be reached, rather than an empty success", async () => {
    const { proxy } = await start(50, `http://127.0.0.1:${await freePort()}/api`);
    const answer = await fetch(`${proxy.url}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${TOKEN}` },
    });
    // 502 when the connection is refused; 504 when an attempt times out first (a machine under
    // load): both are errors the bot's REST client retries.
    expect([502, 504]).toContain(answer.status);
  });

  it("answers /healthz itself", async () => {
    const { proxy } = await start();
    const answer = await fetch(`http://127.0.0.1:${proxy.port}/healthz`);
    expect([answer.status, await answer.json()]).toEqual([200, { status: "ok" }]);
  });
});
