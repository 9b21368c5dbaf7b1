/**
 * The bot in HTTP mode against the Slack stand-in: the real dataset, the real commands and core at a
 * fixed clock, the real Bolt App on 127.0.0.1, and every log line captured (to check for secrets).
 */
import { type App, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";
import type { BotCore } from "../../../src/bot/core.js";
import type { Metrics } from "../../../src/monitoring/metrics.js";
import { createSlackAdapter, EVENTS_PATH, type SlackAdapter } from "../../../src/platforms/slack/adapter.js";
import { connectSlack } from "../../../src/platforms/slack/connection.js";
import { boltLogger } from "../../../src/platforms/slack/logger.js";
import type { SqliteStore } from "../../../src/store/sqlite.js";
import { shippedCoreWithStore } from "../core.js";
import { captureLog } from "../log.js";
import { freePort } from "../processes.js";
import {
  type BotResponse,
  buttonClickBody,
  postSigned,
  type SignedPost,
  StandInSlack,
  slashCommandBody,
} from "../standins/slack.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

export interface SlackHarness {
  standin: StandInSlack;
  adapter: SlackAdapter;
  core: BotCore;
  eventsUrl: string;
  /** Every log line written so far (bot and Bolt), as raw JSON text. */
  logText(): string;
  /** Sends `/command text`, signed (as user U0READER unless told), and returns the bot's HTTP answer. */
  command(command: string, text?: string, userId?: string): Promise<BotResponse>;
  store: SqliteStore;
  /** Clicks a button with this action id; the reply goes to the returned response_url path. */
  click(actionId: string): Promise<{ response: BotResponse; responsePath: string }>;
  post(post: Omit<SignedPost, "secret"> & { secret?: string }): Promise<BotResponse>;
  close(): Promise<void>;
}

export async function startSlackHarness(
  options: {
    level?: string;
    adminUsers?: string[];
    deferAfterMs?: number;
    /** Counted by the core, the adapter and the store, as the running bot counts. */
    metrics?: Metrics;
    /** The core the adapter answers with, made from the real one (answers given a picture, …). */
    wrapCore?: (core: BotCore) => BotCore;
  } = {},
): Promise<SlackHarness> {
  const { log, text } = captureLog({ level: options.level ?? "debug" });
  const { metrics } = options;
  const { core, data, store } = await shippedCoreWithStore({ log, ...(metrics ? { metrics } : {}) });
  const standin = await StandInSlack.start(BOT_TOKEN);
  const adapter = createSlackAdapter({
    core: options.wrapCore ? options.wrapCore(core) : core,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: standin.apiUrl,
    port: 0,
    host: "127.0.0.1",
    umbrella: "ceasefire",
    ...(options.adminUsers ? { adminUsers: options.adminUsers } : {}),
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
    ...(metrics ? { metrics } : {}),
    log,
  });
  await adapter.start();
  const eventsUrl = `http://127.0.0.1:${adapter.port()}${EVENTS_PATH}`;
  let clicks = 0;
  return {
    standin,
    adapter,
    core,
    eventsUrl,
    logText: text,
    store,
    command: (command, text = "", userId = "U0READER") =>
      postSigned(eventsUrl, {
        secret: SIGNING_SECRET,
        body: slashCommandBody(command, text, standin.responseUrl(), userId),
      }),
    async click(actionId) {
      clicks += 1;
      const responsePath = `/respond/click-${clicks}`;
      const response = await postSigned(eventsUrl, {
        secret: SIGNING_SECRET,
        body: buttonClickBody(actionId, `${standin.url}${responsePath}`),
      });
      return { response, responsePath };
    },
    post: (post) => postSigned(eventsUrl, { secret: SIGNING_SECRET, ...post }),
    async close() {
      await adapter.stop();
      await standin.stop();
      await store.close();
      data.close();
    },
  };
}

/** The action ids of a Block Kit message's buttons (its actions block), in order. */
export function buttonIds(message: Record<string, unknown> | undefined): string[] | undefined {
  const blocks = (message?.blocks ?? []) as { type: string; elements?: { action_id: string }[] }[];
  return blocks.find((b) => b.type === "actions")?.elements?.map((e) => e.action_id);
}

/** All the text of a Block Kit message (header, sections, fields, buttons, context), for assertions. */
export function blockText(message: Record<string, unknown> | undefined): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "text" && typeof v === "string") out.push(v);
        else walk(v);
      }
    }
  };
  walk(message?.blocks);
  return out.join("\n");
}

/**
 * A bare Bolt App in HTTP mode, connected as the bot connects it, against a stand-in Slack: for the
 * specs of one stage of the Slack platform (slash commands, buttons), which add their listeners and
 * then `start()` it. `stop()` stops the app and the stand-in.
 */
export async function boltOnStandIn(log: Logger): Promise<{
  slack: StandInSlack;
  app: App;
  /** Where signed requests go. */
  eventsUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}> {
  const slack = await StandInSlack.start();
  const port = await freePort();
  const { app } = connectSlack({
    botToken: slack.botToken,
    signingSecret: SIGNING_SECRET,
    appToken: undefined,
    apiUrl: slack.apiUrl,
    port,
    routes: undefined,
    logger: boltLogger(log, []),
    logLevel: LogLevel.ERROR,
    log,
    accepting: () => true,
  });
  return {
    slack,
    app,
    eventsUrl: `http://127.0.0.1:${port}${EVENTS_PATH}`,
    async start() {
      await app.init();
      await app.start({ port, host: "127.0.0.1" });
    },
    async stop() {
      await app.stop().catch(() => {});
      await slack.stop();
    },
  };
}
