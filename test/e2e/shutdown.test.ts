/**
 * A clean stop of the bot as it is deployed: `ceasefire-bot start` in a child process, on Slack's HTTP
 * mode against the stand-in Slack, with the health routes on Slack's own port (HEALTH_PORT = PORT).
 * The answer in flight is a deferred one: /subscribe asks users.info (the person's locale, given up
 * after 2 s, then whether they are an admin), which the stand-in answers slowly, so the command is
 * acked empty at 2 s and its answer posted to the response_url later.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  type BotProcess,
  freePort,
  postSigned,
  StandInSlack,
  slashCommandBody,
  spawnBot,
} from "../support/index.js";

const SECRET = "shutdown-signing-secret";
const TOKEN = "xoxb-shutdown-test";

let slack: StandInSlack | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
  await bot?.exited;
  await slack?.stop();
  bot = undefined;
  slack = undefined;
});

/** The bot on Slack's HTTP mode with users.info taking `usersInfoMs`; resolves once it serves. */
async function startBot(usersInfoMs: number, shutdownTimeoutMs: number) {
  slack = await StandInSlack.start(TOKEN);
  slack.delays.set("users.info", usersInfoMs);
  const port = await freePort();
  bot = spawnBot({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    HEALTH_PORT: String(port),
    SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
  });
  await bot.logged("slack adapter started");
  const base = `http://127.0.0.1:${port}`;
  const standin = slack;
  return {
    bot,
    standin,
    command: (command: string, text: string, responseUrl = standin.responseUrl()) =>
      postSigned(`${base}/slack/events`, {
        secret: SECRET,
        body: slashCommandBody(command, text, responseUrl),
      }),
    readyz: async () => {
      const res = await fetch(`${base}/readyz`);
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
  };
}

describe("SIGTERM", () => {
  it("stops taking commands (503, not ready), finishes the deferred answer in flight and exits 0 within the timeout", async () => {
    const { bot, standin, command, readyz } = await startBot(4_000, 8_000);
    expect(await readyz()).toEqual({
      status: 200,
      json: { status: "ready", checks: { slack: "connected", store: "ok" } },
    });
    const acked = await command("/subscribe", "kind:reminders", standin.responseUrl("in-flight"));
    expect(acked).toMatchObject({ status: 200, text: "" }); // deferred: the answer is still being made

    const signalled = performance.now();
    bot.child.kill("SIGTERM");
    await bot.logged("stopping: finishing the work under way");
    expect((await command("/captives", "")).status).toBe(503);
    expect(await readyz()).toMatchObject({ status: 503, json: { reasons: ["process: stopping"] } });

    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalled).toBeLessThan(8_000);
    const answer = standin.requests.find((r) => r.path === "/respond/in-flight");
    expect(answer?.body).toContain("Only people who can manage this channel");
    expect(bot.logs()).toContain('"msg":"stopped"');
  }, 30_000);
});

describe("a second signal", () => {
  it("exits at once, with a non-zero status, without waiting for the answer in flight", async () => {
    const { bot, standin, command } = await startBot(20_000, 30_000);
    expect(await command("/subscribe", "kind:reminders", standin.responseUrl("never"))).toMatchObject({
      status: 200,
      text: "",
    });
    bot.child.kill("SIGINT");
    await bot.logged("stopping: finishing the work under way");
    const signalled = performance.now();
    bot.child.kill("SIGINT");
    expect(await bot.exited).toEqual({ code: 130, signal: null });
    expect(performance.now() - signalled).toBeLessThan(2_000);
    expect(standin.requests.some((r) => r.path === "/respond/never")).toBe(false);
  }, 30_000);
});
