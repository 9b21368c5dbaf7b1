/**
 * Slack: signed slash commands per second through the bot (real Bolt App, real commands, real
 * rendering) against a bare Bolt App that acks every command with one fixed Block Kit section, under
 * the same load in the same run. The load is a fixed number of concurrent keep-alive clients sending a
 * fixed number of signed requests, from a worker thread so the clients do not share the servers'
 * event loop; rounds alternate bare/bot and each side's median is compared.
 */

import { Worker } from "node:worker_threads";
import { App, HTTPReceiver } from "@slack/bolt";
import { registry } from "../commands/index.js";
import type { Invocation } from "../src/command-engine/definition.js";
import type { createLogger } from "../src/log.js";
import { createSlackAdapter, EVENTS_PATH } from "../src/platforms/slack/adapter.js";
import { answerCommand, answerUmbrella } from "../src/platforms/slack/answer.js";
import { renderSlack, type SlackMessage } from "../src/platforms/slack/blocks.js";
import { boltLogger, boltLogLevel } from "../src/platforms/slack/logger.js";
import { shippedCore } from "../test/support/core.js";
import { silentLog } from "../test/support/log.js";
import { StandInSlack, slashCommandBody } from "../test/support/standins/slack.js";
import { type BenchSection, median } from "./report.js";

const SECRET = "bench-signing-secret";
const TOKEN = "xoxb-bench-token";
const CLIENTS = 16;
const REQUESTS = Number(process.env.BENCH_SLACK_REQUESTS ?? 3000);
const ROUNDS = Number(process.env.BENCH_SLACK_ROUNDS ?? 12);
const TARGET = 0.95;

/** The load generator, as a worker script: signs each body as Slack does and keeps CLIENTS requests in flight. */
const CLIENT_SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { createHmac } = require("node:crypto");
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.clients });
function send(url, body) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = "v0=" + createHmac("sha256", workerData.secret).update("v0:" + ts + ":" + body).digest("hex");
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: {
      "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body),
      "x-slack-request-timestamp": String(ts), "x-slack-signature": sig } }, (res) => {
      let size = 0;
      res.on("data", (c) => { size += c.length; });
      res.on("end", () => resolve({ status: res.statusCode, size }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
parentPort.on("message", async ({ url, bodies, count }) => {
  let next = 0; let failed = 0; let bytes = 0;
  const started = performance.now();
  const client = async () => {
    while (next < count) {
      const body = bodies[next++ % bodies.length];
      const res = await send(url, body);
      if (res.status !== 200) failed++;
      bytes += res.size;
    }
  };
  await Promise.all(Array.from({ length: workerData.clients }, client));
  parentPort.postMessage({ ms: performance.now() - started, failed, bytes });
});
`;

interface RoundResult {
  ms: number;
  failed: number;
  bytes: number;
}

function runRound(worker: Worker, url: string, bodies: string[], count: number): Promise<RoundResult> {
  return new Promise((resolve) => {
    worker.once("message", (r: RoundResult) => resolve(r));
    worker.postMessage({ url, bodies, count });
  });
}

/** The fixed section the bare app acks with. */
const FIXED: SlackMessage = {
  response_type: "in_channel",
  text: "ok",
  blocks: [{ type: "section", text: { type: "mrkdwn", text: "*ok*" } }],
};

/**
 * A Bolt App that does the least a Slack bot can: ack every command with a fixed message, one section
 * unless `answers` gives one per command and text (the bot's own, rendered beforehand).
 */
async function startBareApp(
  apiUrl: string,
  silent: ReturnType<typeof createLogger>,
  answers?: Map<string, SlackMessage>,
) {
  const logger = boltLogger(silent, [TOKEN, SECRET]);
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: EVENTS_PATH, logger });
  const app = new App({
    token: TOKEN,
    receiver,
    logger,
    logLevel: boltLogLevel(silent.level),
    deferInitialization: true,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command(/.*/, async ({ ack, command }) => {
    await ack(answers?.get(`${command.command} ${command.text ?? ""}`) ?? FIXED);
  });
  await app.init();
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${EVENTS_PATH}`, stop: () => app.stop() };
}

export async function benchSlack(): Promise<BenchSection> {
  const log = silentLog();
  const { core, data } = await shippedCore({ log });
  const standin = await StandInSlack.start(TOKEN);
  const bot = createSlackAdapter({
    core,
    botToken: TOKEN,
    signingSecret: SECRET,
    apiUrl: standin.apiUrl,
    port: 0,
    host: "127.0.0.1",
    umbrella: "ceasefire",
    log,
  });
  await bot.start();
  const botUrl = `http://127.0.0.1:${bot.port()}${EVENTS_PATH}`;
  const bare = await startBareApp(standin.apiUrl, log);

  // Every command, direct and through the umbrella, plus a paged timeline: the mix a channel sends.
  const responseUrl = standin.responseUrl("bench");
  const bodies = [
    ...registry.list.map((c) => slashCommandBody(`/${c.name}`, "", responseUrl)),
    ...registry.list.map((c) => slashCommandBody("/ceasefire", c.name, responseUrl)),
    slashCommandBody("/timeline", "page:2", responseUrl),
  ];

  // The bot's own work per command, in process and without HTTP: where the gap to the bare app is.
  const mix: [string, string][] = [
    ...registry.list.map((c): [string, string] => [c.name, ""]),
    ...registry.list.map((c): [string, string] => ["ceasefire", c.name]),
    ["timeline", "page:2"],
  ];
  const invocation: Invocation = {
    platform: "slack",
    channelId: "C0BENCH",
    workspaceId: "T0BENCH",
    userId: "U0BENCH",
    canManage: async () => false,
  };
  const answerOf = ([name, text]: [string, string]) =>
    name === "ceasefire"
      ? answerUmbrella(core, name, text, invocation)
      : answerCommand(core, name, text, invocation);
  const perCommandUs = async (work: (i: number) => unknown): Promise<number> => {
    const n = 3000;
    for (let i = 0; i < 300; i += 1) await work(i);
    const t = performance.now();
    for (let i = 0; i < n; i += 1) await work(i);
    return ((performance.now() - t) / n) * 1000;
  };
  const replies = await Promise.all(mix.map(answerOf));
  // The bare app again, acking each command with the bot's own answer (rendered once, here): what the
  // bot costs beyond the size of its answers.
  const sized = await startBareApp(
    standin.apiUrl,
    log,
    new Map(
      mix.map(([name, text], i) => [
        name === "ceasefire" ? `/ceasefire ${text}` : `/${name} ${text}`,
        renderSlack(replies[i] ?? replies[0]!),
      ]),
    ),
  );
  const coreUs = await perCommandUs((i) => answerOf(mix[i % mix.length] as [string, string]));
  const renderUs = await perCommandUs((i) => renderSlack(replies[i % replies.length] ?? replies[0]!));

  const worker = new Worker(CLIENT_SCRIPT, { eval: true, workerData: { clients: CLIENTS, secret: SECRET } });
  const sides = { bare: bare.url, sized: sized.url, bot: botUrl };
  const rates = { bot: [] as number[], bare: [] as number[], sized: [] as number[] };
  /** This process's CPU time per command (the servers, the stand-in and the load's worker). */
  const cpuUs = { bot: [] as number[], bare: [] as number[], sized: [] as number[] };
  const bytes = { bot: 0, bare: 0, sized: 0 };
  let failed = 0;
  try {
    // Warm-up: JIT, connections, the dataset's first renders.
    for (const url of Object.values(sides)) await runRound(worker, url, bodies, REQUESTS / 4);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const side of ["bare", "sized", "bot"] as const) {
        const cpu = process.cpuUsage();
        const r = await runRound(worker, sides[side], bodies, REQUESTS);
        const used = process.cpuUsage(cpu);
        rates[side].push((REQUESTS / r.ms) * 1000);
        cpuUs[side].push((used.user + used.system) / REQUESTS);
        bytes[side] = r.bytes / REQUESTS;
        failed += r.failed;
      }
    }
  } finally {
    await worker.terminate();
    await bot.stop();
    await bare.stop();
    await sized.stop();
    await standin.stop();
    data.close();
  }

  const rate = { bot: median(rates.bot), bare: median(rates.bare), sized: median(rates.sized) };
  const cpu = { bot: median(cpuUs.bot), bare: median(cpuUs.bare), sized: median(cpuUs.sized) };
  const ratio = rate.bot / rate.bare;
  // Each bot round against the bare round just before it: robust to load that drifts over the run.
  const paired = (of: "bare" | "sized") => median(rates.bot.map((r, i) => r / (rates[of][i] ?? r)));
  const met = ratio >= TARGET && failed === 0;
  const fmt = (n: number) => n.toFixed(0);
  const row = (name: string, side: keyof typeof rates) =>
    `| ${name} | ${fmt(rate[side])} | ${rates[side].map(fmt).join(", ")} | ${fmt(cpu[side])} | ${fmt(bytes[side])} |`;
  const markdown = `Signed slash commands (form-encoded, HMAC-SHA256 signed per request as Slack does) sent to
\`/slack/events\` by ${CLIENTS} concurrent keep-alive clients in a worker thread, ${REQUESTS} requests per
round, ${ROUNDS} rounds per side, the sides in turn, after a warm-up; medians. The bot answers every command
(direct and through \`/ceasefire\`, and \`/timeline page:2\`) from the real dataset with its full Block Kit
reply in the ack, then shares the public /timeline and /phase answers' pictures into the channel as it
does in a workspace (the same picture once a minute per channel: docs/decisions/0029-one-picture-share-a-minute.md;
the stand-in Slack's API is in the same process). The bare Bolt App acks every command with one fixed
section; the same app "with the bot's answers" acks each command with the bot's own answer, rendered once
beforehand, so that only the size of the answers differs from the bot. CPU is this process's (the
servers, the stand-in and the load's worker) per command.

| App | Commands/s (median) | Rounds (commands/s) | CPU µs per command (median) | Mean response bytes |
| --- | ---: | --- | ---: | ---: |
${row("Bare Bolt App", "bare")}
${row("Bare Bolt App with the bot's answers", "sized")}
${row("ceasefire-bot", "bot")}

Ratio bot / bare (of the medians): **${ratio.toFixed(2)}** (target ≥ ${TARGET}): ${ratio >= TARGET ? "met" : "NOT met"}.
Median of the per-round ratios (each bot round over the bare round just before it): ${paired("bare").toFixed(2)}.
Ratio of CPU per command, bare / bot: ${(cpu.bare / cpu.bot).toFixed(2)}.
Against the bare app with the bot's answers: ${(rate.bot / rate.sized).toFixed(2)} (medians), ${paired("sized").toFixed(2)} (per round), ${(cpu.sized / cpu.bot).toFixed(2)} (CPU).
Failed requests: ${failed}.

The bot's own work per command, measured in process over the same mix: ${coreUs.toFixed(1)} µs to parse the text
and run the command (answers are kept for the minute), ${renderUs.toFixed(1)} µs to find its Block Kit (rendered once
per answer, and acked as JSON serialised once per answer), against ${fmt(1e6 / rate.bare)} µs of wall time per request through the
bare app (signature check, body parsing, Bolt's middleware, the HTTP response). The rest of the gap
is the answers' size (${fmt(bytes.bot / Math.max(1, bytes.bare))}× the bare app's to write and read) and the machine's noise.`;
  return { title: "Slack", markdown, targetsMet: met };
}
