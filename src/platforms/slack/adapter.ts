/**
 * The bot in Slack workspaces, through a real Bolt App: one slash command per bot command plus the
 * umbrella `/ceasefire <command> [options]`, and the /timeline page buttons. Every command is answered
 * in the ack itself (Slack shows the ack's body as the reply), so the answer always lands within
 * Slack's 3-second window; buttons ack at once and then replace their message via the response_url.
 *
 * HTTP mode verifies Slack's request signature (Bolt's receiver answers 401 to a bad signature or a
 * timestamp more than 5 minutes old, before anything runs); Socket Mode is used when an app token is
 * given and needs no public URL.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type BlockAction,
  HTTPReceiver,
  type Middleware,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  SocketModeReceiver,
} from "@slack/bolt";
import { WebClientEvent } from "@slack/web-api";
import type { Logger } from "pino";
import type { BotCore } from "../../bot/core.js";
import { InFlight, LATE, readyWithin, STOPPING } from "../../bot/in-flight.js";
import type { Invocation } from "../../command/definition.js";
import { type Metrics, noMetrics } from "../../metrics/metrics.js";
import { errorReply } from "../../reply/errors.js";
import type { Reply } from "../../reply/reply.js";
import { answerAction, answerCommand, answerUmbrella } from "./answer.js";
import { guardRequests } from "./guard.js";
import { boltLogger, boltLogLevel } from "./logger.js";
import { renderSlack } from "./render.js";

/** A WebSocket's readyState while it is open. */
const WEBSOCKET_OPEN = 1;

/** Where Slack sends slash commands and button clicks in HTTP mode. */
export const EVENTS_PATH = "/slack/events";

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A command that throws must still get an answer: Slack shows "failed with the error" otherwise. */
async function safely(log: Logger, what: string, answer: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await answer();
  } catch (err) {
    const reply = errorReply("internal");
    log.error({ err, what, code: reply.code }, "slack answer failed");
    return reply;
  }
}

/**
 * Resolves once the Socket Mode client has closed its connection (or after `timeoutMs`, should Slack
 * never answer the close frame). Bolt's SocketModeReceiver.stop() only starts the close handshake.
 */
function socketDisconnected(client: SocketModeReceiver["client"], timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("disconnected", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once("disconnected", done);
  });
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { core, botToken, signingSecret, appToken, umbrella, port, host } = options;
  const log = options.log.child({ component: "slack" });
  const mode = appToken ? "socket" : "http";
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
  const clientOptions = apiUrl ? { clientOptions: { slackApiUrl: apiUrl } } : {};

  // No conversation store: the bot keeps no per-conversation state, and Bolt's default store costs
  // every request a thrown "Conversation not found" error.
  let app: App;
  // Socket Mode's receiver is made here, not by Bolt, so the bot holds its connection (to wait for it
  // to close on stop, and to count its reconnects). Its WebClient takes the same API URL.
  let socket: SocketModeReceiver | undefined;
  if (mode === "socket") {
    if (!appToken) throw new Error("Slack Socket Mode needs SLACK_APP_TOKEN");
    socket = new SocketModeReceiver({
      appToken,
      logger,
      logLevel,
      ...(apiUrl ? { installerOptions: { clientOptions: { slackApiUrl: apiUrl } } } : {}),
    });
    app = new App({
      token: botToken,
      receiver: socket,
      logger,
      logLevel,
      convoStore: false,
      deferInitialization: true,
      ...clientOptions,
    });
  } else {
    if (!signingSecret)
      throw new Error("Slack HTTP mode needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)");
    const customRoutes = Object.entries(options.routes ?? {}).map(([path, handler]) => ({
      path,
      method: ["GET"],
      handler,
    }));
    const receiver = new HTTPReceiver({ signingSecret, endpoints: EVENTS_PATH, port, logger, customRoutes });
    guardRequests(receiver, { signingSecret, path: EVENTS_PATH, log, accepting: () => inFlight.accepting });
    app = new App({
      token: botToken,
      receiver,
      logger,
      logLevel,
      convoStore: false,
      deferInitialization: true,
      ...clientOptions,
    });
  }

  // Every slash command the bot answers, by its name with the slash: each command, and the umbrella.
  type Route = (text: string, invocation: Invocation) => Promise<Reply>;
  const routes = new Map<string, Route>();
  for (const def of core.registry.list)
    routes.set(`/${def.name}`, (text, invocation) => answerCommand(core, def.name, text, invocation));
  if (routes.has(`/${umbrella}`)) {
    log.warn({ umbrella }, "the umbrella command has a command's name: only the command is answered");
  } else {
    routes.set(`/${umbrella}`, (text, invocation) => answerUmbrella(core, umbrella, text, invocation));
  }
  const admins = new Set(options.adminUsers ?? []);
  const deferAfterMs = options.deferAfterMs ?? 2_000;

  /** Logs an answer: an error with its code (at info, so a user's report can be matched), else at debug. */
  function logAnswer(command: string, reply: Reply, slow = false): void {
    const fields = { command, kind: reply.kind, ...(reply.code ? { code: reply.code } : {}) };
    if (slow) log.info(fields, "slow answer sent through the response_url");
    else if (reply.kind === "error") log.info(fields, "slash command answered with an error");
    else log.debug(fields, "slash command");
  }

  /** Answers a slash command in its ack: the reply is the ack's body, within the 3-second window. */
  const onCommand: Middleware<SlackCommandMiddlewareArgs> = async ({ command, ack, respond }) => {
    // Stopping (Socket Mode; HTTP mode answers 503 before this): come back in a moment.
    if (!inFlight.accepting) {
      await ack(renderSlack(STOPPING));
      return;
    }
    const answer = routes.get(command.command);
    const invocation: Invocation = {
      platform: "slack",
      channelId: command.channel_id,
      workspaceId: command.team_id,
      userId: command.user_id,
      // Asked only by commands that need it: the configured admins, else workspace admins and owners.
      canManage: async () => {
        if (admins.has(command.user_id)) return true;
        try {
          // The app's own client (Bolt hands listeners one per workspace): its rate-limit waits are counted.
          const info = await app.client.users.info({ user: command.user_id });
          return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
        } catch (err) {
          log.warn({ err: (err as Error).message }, "users.info failed: treating the user as not an admin");
          return false;
        }
      },
    };
    const pending = answer
      ? safely(log, command.command, () => answer(command.text ?? "", invocation))
      : Promise.resolve(
          errorReply("unknown-command", { command: command.command, known: [...routes.keys()] }),
        );
    // Questions are answered at once, in the ack. An answer that waits on Slack or the store (a
    // channel command asking users.info) and is not ready in time is acked empty before Slack's
    // 3-second window closes, and posted through the response_url when ready.
    const first = await readyWithin(pending, deferAfterMs);
    if (first !== LATE) {
      logAnswer(command.command, first);
      await ack(renderSlack(first));
      return;
    }
    await ack();
    metrics.answerDeferred("slack");
    const reply = await pending;
    logAnswer(command.command, reply, true);
    try {
      await respond(renderSlack(reply));
    } catch (err) {
      log.warn({ err: (err as Error).message, command: command.command }, "could not send a slow answer");
    }
  };
  // One listener for all the commands, matched by name: Bolt runs every registered listener's
  // middleware chain for every request, so a listener per command would repeat that work ten times.
  app.command(new RegExp(`^(${[...routes.keys()].map(escapeRegExp).join("|")})$`), (args) =>
    inFlight.track(onCommand(args)),
  );

  /** A button: ack at once, then replace the message (or add an ephemeral error) via the response_url. */
  const onButton: Middleware<SlackActionMiddlewareArgs<BlockAction>> = async ({ ack, action, respond }) => {
    await ack();
    const reply = await safely(log, "button", () => answerAction(core, action.action_id));
    if (reply.kind === "error")
      log.info({ action: action.action_id, code: reply.code }, "button answered with an error");
    // The message's response_type is left out: a replaced message stays where it was.
    const { response_type: _where, ...message } = renderSlack(reply);
    try {
      // A new page replaces the message where it is (in the channel, or ephemeral when it was private);
      // an error, or a private answer ("Why?"), is added for the clicker alone and leaves the message.
      await respond(
        reply.kind === "error" || reply.ephemeral
          ? { ...message, response_type: "ephemeral", replace_original: false }
          : { ...message, replace_original: true },
      );
    } catch (err) {
      log.warn({ err, action: action.action_id }, "could not answer a button");
    }
  };
  const trackedButton: typeof onButton = (args) => inFlight.track(onButton(args));
  app.action<BlockAction>(/^cf1:/, trackedButton);
  app.action<BlockAction>(/^(?!cf1:)/, trackedButton);
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
