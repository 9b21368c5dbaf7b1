/**
 * FakeChat's service, as a real HTTP server on 127.0.0.1: what people type waits in a queue that the
 * bot long-polls; the bot's answers and the messages it posts are kept per channel for the test.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeChatPayload, FakeChatUpdate } from "./platform.js";

export interface FakeChatMessage {
  messageId: string;
  payload: FakeChatPayload;
  marker?: string;
}

/** How long `GET /updates` waits for something typed before it answers with nothing. */
const LONG_POLL_MS = 500;

export class StandInFakeChat {
  /** Channels the bot may no longer post to: posting there answers 404. */
  readonly goneChannels = new Set<string>();
  private readonly updates: FakeChatUpdate[] = [];
  private readonly answers = new Map<number, (payload: FakeChatPayload) => void>();
  private readonly channels = new Map<string, FakeChatMessage[]>();
  private waiting: (() => void)[] = [];
  private nextId = 1;
  private server: Server | undefined;

  constructor(readonly token: string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error("FakeChat is not started");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: Error) => send(res, 500, { error: err.message }));
    });
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
  }

  async close(): Promise<void> {
    for (const wake of this.waiting) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Someone types `text` in a channel; resolves with the bot's answer. */
  type(
    text: string,
    where: { channelId?: string; userId?: string; canManage?: boolean } = {},
  ): Promise<FakeChatPayload> {
    const update: FakeChatUpdate = {
      id: this.nextId++,
      channelId: where.channelId ?? "fc-general",
      workspaceId: "fc-workspace",
      userId: where.userId ?? "fc-user",
      canManage: where.canManage ?? false,
      text,
    };
    const answered = new Promise<FakeChatPayload>((resolve) => this.answers.set(update.id, resolve));
    this.updates.push(update);
    for (const wake of this.waiting.splice(0)) wake();
    return answered;
  }

  /** What the bot posted in a channel (not the answers to what was typed). */
  messages(channelId: string): FakeChatMessage[] {
    return this.channels.get(channelId) ?? [];
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return send(res, 401, { error: "invalid_auth" });
    const url = new URL(req.url ?? "/", "http://fakechat");
    const channel = /^\/channels\/([^/]+)\/messages$/.exec(url.pathname);
    if (req.method === "GET" && url.pathname === "/me") return send(res, 200, { name: "ceasefire-bot" });
    if (req.method === "GET" && url.pathname === "/updates") {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const pending = () => this.updates.filter((u) => u.id >= offset);
      if (pending().length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, LONG_POLL_MS);
          this.waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return send(res, 200, pending());
    }
    if (req.method === "POST" && url.pathname === "/answers") {
      const body = (await json(req)) as { updateId: number; payload: FakeChatPayload };
      const resolve = this.answers.get(body.updateId);
      if (!resolve) return send(res, 400, { error: "unknown update" });
      this.answers.delete(body.updateId);
      resolve(body.payload);
      return send(res, 200, { ok: true });
    }
    if (channel) {
      const channelId = decodeURIComponent(channel[1] ?? "");
      if (req.method === "GET") return send(res, 200, this.messages(channelId));
      if (this.goneChannels.has(channelId)) return send(res, 404, { error: "channel_not_found" });
      const body = (await json(req)) as { payload: FakeChatPayload; marker?: string };
      const message: FakeChatMessage = { messageId: `m${this.nextId++}`, ...body };
      this.channels.set(channelId, [...this.messages(channelId), message]);
      return send(res, 200, { messageId: message.messageId });
    }
    return send(res, 404, { error: "no such route" });
  }
}

async function json(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
