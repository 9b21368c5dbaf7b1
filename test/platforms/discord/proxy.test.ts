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

async function start(globalRequestsPerSecond = 50, apiUrl?: string) {
  discord = await StandInDiscord.start();
  const { log, text } = captureLog();
  proxy = await startDiscordProxy({
    host: "127.0.0.1",
    port: 0,
    apiUrl: apiUrl ?? discord.apiUrl,
    globalRequestsPerSecond,
    log,
  });
  const rest = new REST(restOptions({ apiUrl: proxy.url })).setToken(TOKEN);
  clients.push(rest);
  return { discord, proxy, rest, logText: text };
}

const post = (rest: REST, content: string) =>
  rest.post(`/channels/${CHANNEL_ID}/messages`, { body: { content } }) as Promise<{ content: string }>;

describe("the Discord proxy", () => {
  it("passes a request on with the sender's own token and passes Discord's answer back", async () => {
    const { discord, rest } = await start();
    expect(await post(rest, "hello")).toMatchObject({ content: "hello" });
    const seen = await discord.waitForRequest((r) => r.method === "POST");
    expect(seen.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(seen.body).toMatchObject({ content: "hello" });
  });

  it("answers 429 itself when the global limit is reached, so the request never reaches Discord", async () => {
    const { discord, proxy } = await start(2);
    const send = () =>
      fetch(`${proxy.url}/v10/channels/${CHANNEL_ID}/messages`, {
        method: "POST",
        headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ content: "x" }),
      });
    const answers = [await send(), await send(), await send()];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(Number(answers[2]?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(discord.requests.filter((r) => r.path.endsWith("/messages"))).toHaveLength(2);
  });

  it("hands a 429 from Discord back to the bot, which sends again with its body (the proxy cannot resend a streamed one)", async () => {
    const { discord, rest, logText } = await start();
    discord.rateLimitOnce("POST", /\/messages$/, 0.05);
    expect(await post(rest, "after the wait")).toMatchObject({ content: "after the wait" });
    const posts = discord.requests.filter((r) => r.path.endsWith("/messages"));
    expect(posts.map((r) => [r.method, r.body])).toEqual([
      ["POST (429)", { content: "after the wait" }],
      ["POST", { content: "after the wait" }],
    ]);
    expect(logText()).toContain("count toward its invalid-request ban");
    expect(logText()).not.toContain(TOKEN);
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
