/**
 * The Bolt App and its connection to Slack: an HTTP receiver that verifies Slack's request signature
 * (HTTP mode), or a Socket Mode receiver that connects out with the app-level token and opens no port.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "pino";
import { App, HTTPReceiver, type LogLevel, SocketModeReceiver } from "./bolt.js";
import { guardRequests } from "./guard.js";
import { webApiOptions } from "./web-api-options.js";

/** A WebSocket's readyState while it is open. */
export const WEBSOCKET_OPEN = 1;

/** Where Slack sends slash commands and button clicks in HTTP mode. */
export const EVENTS_PATH = "/slack/events";

export interface SlackConnection {
  app: App;
  mode: "http" | "socket";
  /** Socket Mode's receiver (the bot holds its connection); none in HTTP mode. */
  socket: SocketModeReceiver | undefined;
}

/** The App on the receiver of its mode; nothing listens or connects before `app.start()`. */
export function connectSlack(options: {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  /** The Web API base URL, ending in "/", when not Slack's own. */
  apiUrl: string | undefined;
  port: number;
  /** More GET routes on the HTTP mode server (the health and metrics routes). */
  routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> | undefined;
  logger: BoltLogger;
  logLevel: LogLevel;
  log: Logger;
  /** Whether commands are taken (HTTP mode answers 503 to them while stopping). */
  accepting: () => boolean;
}): SlackConnection {
  const { botToken, signingSecret, appToken, apiUrl, port, logger, logLevel, log } = options;
  const clientOptions = { clientOptions: webApiOptions(apiUrl) };
  // No conversation store: the bot keeps no per-conversation state, and Bolt's default store costs
  // every request a thrown "Conversation not found" error.
  const appOptions = {
    token: botToken,
    logger,
    logLevel,
    convoStore: false as const,
    deferInitialization: true,
  };
  if (appToken) {
    // Socket Mode's receiver is made here, not by Bolt, so the bot holds its connection (to wait for
    // it to close on stop, and to count its reconnects). Its WebClient takes the same API URL.
    const socket = new SocketModeReceiver({
      appToken,
      logger,
      logLevel,
      installerOptions: clientOptions,
    });
    return { app: new App({ ...appOptions, receiver: socket, ...clientOptions }), mode: "socket", socket };
  }
  if (!signingSecret)
    throw new Error("Slack HTTP mode needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)");
  const customRoutes = Object.entries(options.routes ?? {}).map(([path, handler]) => ({
    path,
    method: ["GET", "HEAD"],
    handler,
  }));
  const receiver = new HTTPReceiver({ signingSecret, endpoints: EVENTS_PATH, port, logger, customRoutes });
  guardRequests(receiver, { signingSecret, path: EVENTS_PATH, log, accepting: options.accepting });
  return { app: new App({ ...appOptions, receiver, ...clientOptions }), mode: "http", socket: undefined };
}

/**
 * Resolves once the Socket Mode client has closed its connection (or after `timeoutMs`, should Slack
 * never answer the close frame). Bolt's SocketModeReceiver.stop() only starts the close handshake.
 */
export function socketDisconnected(client: SocketModeReceiver["client"], timeoutMs: number): Promise<void> {
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
