/**
 * A stand-in for Slack's Socket Mode on 127.0.0.1, on top of the Web API stand-in (`StandInSlack`).
 *
 * The protocol, as @slack/socket-mode 3.x speaks it:
 * - the app calls the Web API method `apps.connections.open` with its app-level token (`xapp-…`) in
 *   the Authorization header, and gets `{ ok: true, url: "ws…/link/?ticket=…&app_id=…" }`; a ticket
 *   opens one connection only;
 * - on connecting it receives `{"type":"hello",…}` and only then counts as connected;
 * - Slack then sends envelopes `{"envelope_id","type","accepts_response_payload","payload"}`, where
 *   `type` is `slash_commands` (the payload holds the same fields as an HTTP slash command) or
 *   `interactive` (the payload is the interactive payload, e.g. `block_actions`); the app acks each
 *   with `{"envelope_id","payload"}`, the payload being the ack's body (the reply, for a command);
 * - the app pings every few seconds and drops the connection after 4 unanswered pings (the `ws`
 *   server answers pings with pongs by itself); Slack pings too, and the app answers with a pong;
 * - `{"type":"disconnect","reason":…}` asks the app to close this connection and open a new one (it
 *   waits a few seconds, then calls `apps.connections.open` again);
 * - the app closes with a normal close frame (1000) when it stops.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { buttonClickBody, type StandInSlack, slashCommandBody } from "./slack.js";

/** What the app sent back for an envelope. */
export interface SocketAck {
  envelope_id: string;
  /** The ack's body: the reply to a slash command; absent or `{}` for a bare ack. */
  payload?: Record<string, unknown>;
}

export interface SocketConnection {
  /** 1 for the first connection, 2 for the one after a reconnect, … */
  readonly number: number;
  readonly ticket: string;
  readonly socket: WebSocket;
  /** Every message the app sent on this connection, parsed. */
  readonly received: Record<string, unknown>[];
  /** Pings the app sent, and pongs it sent back to our pings. */
  pings: number;
  pongs: number;
  /** How the connection closed, once it has: the close code and who closed it. */
  closed?: { code: number; reason: string; by: "app" | "standin" };
  /** Settles when the connection has closed. */
  readonly done: Promise<{ code: number; reason: string; by: "app" | "standin" }>;
}

export interface StandInSlackSocketOptions {
  appId?: string;
  /** How long to wait for an ack or a connection before failing (ms). */
  timeoutMs?: number;
}

type ConnectionWaiter = { count: number; resolve: (c: SocketConnection) => void };

export class StandInSlackSocket {
  readonly connections: SocketConnection[] = [];
  /** Connection attempts refused (no ticket, a used or unknown ticket, another path). */
  readonly refused: string[] = [];
  readonly appId: string;
  private readonly timeoutMs: number;
  private readonly tickets = new Set<string>();
  private readonly acks = new Map<string, (ack: SocketAck) => void>();
  private connectionWaiters: ConnectionWaiter[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private issued = 0;

  private constructor(
    readonly web: StandInSlack,
    /** The app-level token apps.connections.open accepts; any other gets `invalid_auth`. */
    readonly appToken: string,
    options: StandInSlackSocketOptions,
  ) {
    this.appId = options.appId ?? "A0APP";
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /**
   * Starts on a random port of 127.0.0.1, and adds apps.connections.open (accepting `appToken`) to
   * the Web API stand-in `web`.
   */
  static async start(
    web: StandInSlack,
    appToken: string,
    options: StandInSlackSocketOptions = {},
  ): Promise<StandInSlackSocket> {
    const standIn = new StandInSlackSocket(web, appToken, options);
    await standIn.listen();
    return standIn;
  }

  private async listen(): Promise<void> {
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    server.on("upgrade", (req, socket, head) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const ticket = url.searchParams.get("ticket") ?? "";
      if (url.pathname !== "/link/" || !this.tickets.delete(ticket)) {
        this.refused.push(req.url ?? "");
        socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, ticket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.wss = wss;
    // Issues a single-use WebSocket URL to the app-level token, as Slack does.
    this.web.method("apps.connections.open", this.appToken, () => {
      this.issued += 1;
      const ticket = `ticket-${this.issued}-${randomUUID()}`;
      this.tickets.add(ticket);
      return { ok: true, url: `${this.wsUrl}/link/?ticket=${ticket}&app_id=${this.appId}` };
    });
  }

  get wsUrl(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    if (!port) throw new Error("socket stand-in not started");
    return `ws://127.0.0.1:${port}`;
  }

  /** The connection envelopes go to: the newest one still open. */
  get current(): SocketConnection | undefined {
    return this.connections.findLast((c) => !c.closed);
  }

  /** Resolves once the app has been greeted on its `count`-th connection. */
  waitForConnection(count = 1): Promise<SocketConnection> {
    const ready = this.connections[count - 1];
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`socket stand-in: no connection #${count} in time`)),
        this.timeoutMs,
      );
      this.connectionWaiters.push({
        count,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  /** Sends an envelope on the current connection and resolves with the app's ack. */
  send(type: string, payload: Record<string, unknown>, acceptsResponsePayload: boolean): Promise<SocketAck> {
    const connection = this.current;
    if (!connection) return Promise.reject(new Error("socket stand-in: the app is not connected"));
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(envelopeId);
        reject(new Error(`socket stand-in: no ack for a ${type} envelope in time`));
      }, this.timeoutMs);
      this.acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    connection.socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: acceptsResponsePayload,
      }),
    );
    return acked;
  }

  /** `/command text` from user U0READER (unless told), as Slack sends it over the socket. */
  slashCommand(command: string, text: string, responseUrl: string, userId?: string): Promise<SocketAck> {
    const fields = Object.fromEntries(
      new URLSearchParams(slashCommandBody(command, text, responseUrl, userId)),
    );
    return this.send("slash_commands", fields, true);
  }

  /** A click on a message button, as Slack sends it over the socket. */
  click(actionId: string, responseUrl: string): Promise<SocketAck> {
    const payload = new URLSearchParams(buttonClickBody(actionId, responseUrl)).get("payload") ?? "{}";
    return this.send("interactive", JSON.parse(payload) as Record<string, unknown>, false);
  }

  /** Asks the app to reconnect (`warning`, `refresh_requested`, `link_disabled`, …). */
  disconnect(reason = "refresh_requested"): void {
    this.current?.socket.send(
      JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-standin" } }),
    );
  }

  /** Pings the app on its current connection, as Slack does, and resolves on its pong. */
  ping(): Promise<void> {
    const connection = this.current;
    if (!connection) return Promise.reject(new Error("socket stand-in: the app is not connected"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("socket stand-in: no pong in time")), this.timeoutMs);
      connection.socket.once("pong", () => {
        clearTimeout(timer);
        resolve();
      });
      connection.socket.ping(Buffer.from("Ping from applink-standin"));
    });
  }

  /** Resolves once the app has pinged its current connection `count` times (it pings every ~1.7 s). */
  waitForPings(count: number, timeoutMs = this.timeoutMs): Promise<void> {
    const connection = this.current;
    if (!connection) return Promise.reject(new Error("socket stand-in: the app is not connected"));
    return new Promise((resolve, reject) => {
      const check = () => {
        if (connection.pings < count) return;
        clearTimeout(timer);
        connection.socket.off("ping", check);
        resolve();
      };
      const timer = setTimeout(() => {
        connection.socket.off("ping", check);
        reject(new Error(`socket stand-in: the app pinged ${connection.pings} times, not ${count}`));
      }, timeoutMs);
      connection.socket.on("ping", check);
      check();
    });
  }

  async stop(): Promise<void> {
    this.web.method("apps.connections.open", this.appToken, () => ({ ok: false, error: "internal_error" }));
    for (const connection of this.connections) {
      if (connection.closed) continue;
      connection.closed = { code: 1006, reason: "stand-in stopped", by: "standin" };
      connection.socket.terminate();
    }
    const server = this.server;
    const wss = this.wss;
    this.server = undefined;
    this.wss = undefined;
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private accept(socket: WebSocket, ticket: string): void {
    let settle: (how: { code: number; reason: string; by: "app" | "standin" }) => void = () => {};
    const done = new Promise<{ code: number; reason: string; by: "app" | "standin" }>((resolve) => {
      settle = resolve;
    });
    const connection: SocketConnection = {
      number: this.connections.length + 1,
      ticket,
      socket,
      received: [],
      pings: 0,
      pongs: 0,
      done,
    };
    this.connections.push(connection);
    socket.on("message", (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(data.toString()) as Record<string, unknown>;
      } catch {
        return;
      }
      connection.received.push(message);
      const id = typeof message.envelope_id === "string" ? message.envelope_id : undefined;
      const resolve = id ? this.acks.get(id) : undefined;
      if (id && resolve) {
        this.acks.delete(id);
        resolve(message as unknown as SocketAck);
      }
    });
    socket.on("ping", () => {
      connection.pings += 1;
    });
    socket.on("pong", () => {
      connection.pongs += 1;
    });
    socket.on("error", () => {});
    socket.on("close", (code, reason) => {
      connection.closed ??= { code, reason: reason.toString(), by: "app" };
      settle(connection.closed);
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.connections.filter((c) => !c.closed).length,
        debug_info: { host: "applink-standin", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.connectionWaiters = this.connectionWaiters.filter((w) => {
      if (w.count !== connection.number) return true;
      w.resolve(connection);
      return false;
    });
  }
}
