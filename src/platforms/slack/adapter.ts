/**
 * The bot in Slack workspaces, through a real Bolt App: one slash command per bot command plus the
 * umbrella `/ceasefire <command> [options]`, and the /timeline page buttons. Every command is answered
 * in the ack itself (Slack shows the ack's body as the reply), so the answer always lands within
 * Slack's 3-second window; buttons ack at once and then replace their message via the response_url.
 *
 * HTTP mode verifies Slack's request signature (Bolt's receiver answers 401 to a bad signature or a
 * timestamp more than 5 minutes old, before anything runs); Socket Mode is used when an app token is
 * given and needs no public URL.
 *
 * This file starts and stops the app; its stages are apart: ./connection.ts (the App and its
 * receiver), ./slash-commands.ts, ./buttons.ts, ./answer.ts (what a command's text asks, without
 * Bolt), and ./slack-sender.ts (reminders through the Web API).
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { App, SocketModeReceiver } from "@slack/bolt";
import { WebClientEvent } from "@slack/web-api";
import type { Logger } from "pino";
import type { BotCore } from "../../bot/core.js";
import { InFlight } from "../../bot/in-flight.js";
import { type Metrics, noMetrics } from "../../monitoring/metrics.js";
import { listenToButtons } from "./buttons.js";
import { connectSlack, socketDisconnected, WEBSOCKET_OPEN } from "./connection.js";
import { listenToHome } from "./home-tab.js";
import { localeClient, SlackLocales } from "./locales.js";
import { boltLogger, boltLogLevel } from "./logger.js";
import { listenToCommands } from "./slash-commands.js";

export { EVENTS_PATH } from "./connection.js";

export interface SlackAdapterOptions {
  core: BotCore;
  botToken: string;
  /** HTTP mode: verifies that requests come from Slack. */
  signingSecret?: string;
  /** Socket Mode (`xapp-…`): when given, the bot connects out to Slack and opens no port. */
  appToken?: string;
  /** Web API base URL (a stand-in in tests); defaults to https://slack.com/api/. */
  apiUrl?: string;
  /** HTTP mode port (0 picks a free one). */
  port: number;
  /** HTTP mode interface (default: every interface). */
  host?: string;
  /** The umbrella command, without its slash. */
  umbrella: string;
  /** Slack user ids that may manage subscriptions besides workspace admins and owners. */
  adminUsers?: readonly string[];
  /**
   * Slack drops a command not acked within 3 s. An answer not ready after this many ms is acked empty
   * and sent through the response_url when ready. Default 2,000.
   */
  deferAfterMs?: number;
  log: Logger;
  /** Counts deferred answers, Socket Mode reconnects and rate-limit waits (default: nothing). */
  metrics?: Metrics;
  /** The answers under way, for a clean stop (default: the adapter's own). */
  inFlight?: InFlight;
  /** More GET routes on the HTTP mode server (the health and metrics routes). */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
}

export interface SlackAdapter {
  readonly app: App;
  readonly mode: "http" | "socket";
  /** Socket Mode's receiver (the bot holds its connection); none in HTTP mode. */
  readonly socket: SocketModeReceiver | undefined;
  /** Verifies the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The port the HTTP receiver listens on once started. */
  port(): number | undefined;
  /** True while the bot can take commands: listening (HTTP mode) or connected (Socket Mode). */
  connected(): boolean;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { core, botToken, signingSecret, appToken, umbrella, port, host } = options;
  const log = options.log.child({ component: "slack" });
  const metrics = options.metrics ?? noMetrics;
  const inFlight = options.inFlight ?? new InFlight();
  const logger = boltLogger(options.log, [botToken, signingSecret, appToken]);
  // Bolt resets its logger to this level (info when not given): keep the bot's LOG_LEVEL.
  const logLevel = boltLogLevel(options.log.level);
  const apiUrl = options.apiUrl
    ? options.apiUrl.endsWith("/")
      ? options.apiUrl
      : `${options.apiUrl}/`
    : undefined;
  const { app, mode, socket } = connectSlack({
    botToken,
    signingSecret,
    appToken,
    apiUrl,
    port,
    routes: options.routes,
    logger,
    logLevel,
    log,
    accepting: () => inFlight.accepting,
  });
  const locales = new SlackLocales(localeClient({ botToken, apiUrl, logger }), core.clock, log);
  listenToCommands(app, {
    core,
    umbrella,
    adminUsers: options.adminUsers ?? [],
    deferAfterMs: options.deferAfterMs ?? 2_000,
    log,
    metrics,
    inFlight,
    jsonTextAcks: mode === "http",
    locales,
  });
  listenToButtons(app, { core, log, inFlight, locales });
  listenToHome(app, { core, botToken, apiUrl, adminUsers: options.adminUsers ?? [], logger, log, inFlight });
  app.client.on(WebClientEvent.RATE_LIMITED, () => metrics.rateLimited("slack"));
  socket?.client.on("reconnecting", () => metrics.reconnecting("slack"));

  let server: Server | undefined;
  let started = false;
  return {
    app,
    mode,
    socket,
    async start() {
      if (started) return;
      await app.init();
      const listen = host ? { port, host } : port;
      const result = await (mode === "http" ? app.start(listen) : app.start());
      server = mode === "http" ? (result as Server) : undefined;
      started = true;
      log.info({ mode, port: this.port() }, "slack adapter started");
    },
    async stop() {
      if (!started) return;
      started = false;
      server?.closeIdleConnections();
      // In Socket Mode, wait for the socket to close: no command is answered once stop() has resolved
      // (the CLI closes the dataset and the store next).
      const closed = socket ? socketDisconnected(socket.client, 3000) : undefined;
      await app.stop();
      await closed;
      server = undefined;
    },
    connected() {
      if (!started) return false;
      return mode === "socket"
        ? socket?.client.websocket?.readyState === WEBSOCKET_OPEN
        : server?.listening === true;
    },
    port() {
      const address = server?.address();
      return address && typeof address === "object" ? (address as AddressInfo).port : undefined;
    },
  };
}
