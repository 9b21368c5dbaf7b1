/**
 * FakeChat: a chat platform that exists only in the tests, written as a newcomer would add Microsoft
 * Teams or Telegram: this folder and one entry in a platform list, nothing else. Its service is a
 * small HTTP API served by the test (./server.ts), shaped like Telegram's bot API: the bot long-polls
 * `GET /updates` for what people typed, answers with `POST /answers`, and posts reminders with
 * `POST /channels/:id/messages`.
 *
 * The test runs the real CLI with `[...platforms, fakeChat]` (./start-child.ts), so start, the
 * configuration, the store, the scheduler and the metrics must take it as they take Discord and Slack.
 */
import { z } from "zod";
import { STOPPING } from "../../../src/bot/in-flight.js";
import { parseCommandLine } from "../../../src/command-engine/parse.js";
import { configValues } from "../../../src/config.js";
import type { Failure, Sender } from "../../../src/delivery/sender.js";
import { renderText } from "../../../src/platforms/console/text.js";
import { definePlatform, type PlatformContext } from "../../../src/platforms/platform.js";
import { errorReply } from "../../../src/reply/errors.js";
import type { Reply } from "../../../src/reply/reply.js";

/** What FakeChat's API takes: the console's text, and whether only the asker sees it. */
export interface FakeChatPayload {
  text: string;
  ephemeral: boolean;
}

/** What someone typed in a FakeChat channel. */
export interface FakeChatUpdate {
  id: number;
  channelId: string;
  workspaceId: string;
  userId: string;
  /** Whether the person may manage the channel (FakeChat tells, as Discord's interactions do). */
  canManage: boolean;
  text: string;
}

export function renderFakeChat(reply: Reply): FakeChatPayload {
  return { text: renderText(reply), ephemeral: reply.ephemeral };
}

const settings = z.object({
  FAKECHAT_TOKEN: configValues.optionalText,
  FAKECHAT_API_URL: configValues.url,
});
type FakeChatSettings = z.output<typeof settings>;

class FakeChatError extends Error {
  constructor(readonly status: number) {
    super(`FakeChat answered HTTP ${status}`);
  }
}

function client(url: string, token: string) {
  return async <T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    if (!res.ok) throw new FakeChatError(res.status);
    return (await res.json()) as T;
  };
}

function fakeChatSender(call: ReturnType<typeof client>): Sender {
  return {
    platform: "fakechat",
    idempotent: false,
    async send(channelId, reply, marker) {
      return call<{ messageId: string }>(`/channels/${encodeURIComponent(channelId)}/messages`, {
        method: "POST",
        body: { payload: renderFakeChat(reply), marker },
      });
    },
    async findByMarker(channelId, marker) {
      const messages = await call<{ messageId: string; marker?: string }[]>(
        `/channels/${encodeURIComponent(channelId)}/messages`,
      );
      return messages.find((m) => m.marker === marker)?.messageId;
    },
    classify(err): Failure {
      if (err instanceof FakeChatError) {
        if (err.status === 404) return { type: "gone", reason: "channel_not_found" };
        if (err.status >= 500) return { type: "transient", reason: `HTTP ${err.status}` };
        return { type: "rejected", reason: `HTTP ${err.status}` };
      }
      return { type: "transient", reason: err instanceof Error ? err.message : String(err) };
    },
  };
}

async function startFakeChat(settings: FakeChatSettings, context: PlatformContext) {
  const { FAKECHAT_TOKEN: token, FAKECHAT_API_URL: url } = settings;
  if (!token || !url) throw new Error("FakeChat needs FAKECHAT_TOKEN and FAKECHAT_API_URL");
  const { core, log, inFlight } = context;
  const call = client(url.replace(/\/+$/, ""), token);
  // The first call checks the token, as the real platforms' clients do before they report ready.
  await call("/me");
  const abort = new AbortController();
  let connected = true;

  async function answer(update: FakeChatUpdate): Promise<void> {
    let reply: Reply;
    if (!inFlight.accepting) reply = STOPPING;
    else {
      const parsed = parseCommandLine(update.text);
      reply = parsed.ok
        ? await core.answerInChannel(parsed.line.name, parsed.line.options, {
            platform: "fakechat",
            channelId: update.channelId,
            workspaceId: update.workspaceId,
            userId: update.userId,
            canManage: async () => update.canManage,
          })
        : errorReply("unreadable-command", { message: parsed.message });
    }
    await call("/answers", { method: "POST", body: { updateId: update.id, payload: renderFakeChat(reply) } });
  }

  const polling = (async () => {
    let offset = 0;
    while (!abort.signal.aborted) {
      try {
        const updates = await call<FakeChatUpdate[]>(`/updates?offset=${offset}`, { signal: abort.signal });
        connected = true;
        for (const update of updates) {
          offset = Math.max(offset, update.id + 1);
          void inFlight.track(answer(update)).catch((err) => log.error({ err }, "answer failed"));
        }
      } catch (err) {
        if (abort.signal.aborted) break;
        connected = false;
        log.warn({ err }, "FakeChat unreachable, polling again");
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
  log.info("fakechat adapter started");

  return {
    sender: fakeChatSender(call),
    connected: () => connected,
    async stop() {
      abort.abort();
      await polling;
    },
  };
}

export const fakeChat = definePlatform({
  name: "fakechat",
  title: "FakeChat",
  settings,
  secrets: ["FAKECHAT_TOKEN"],
  problems: (s) =>
    s.FAKECHAT_TOKEN && !s.FAKECHAT_API_URL ? ["FAKECHAT_API_URL: is required with FAKECHAT_TOKEN"] : [],
  enabled: (s) => Boolean(s.FAKECHAT_TOKEN),
  render: renderFakeChat,
  start: startFakeChat,
});
