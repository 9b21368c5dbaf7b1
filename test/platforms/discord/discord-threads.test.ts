/**
 * The specification of src/platforms/discord/discord-threads.ts, through the real DiscordSender and
 * @discordjs/rest against the stand-in Discord: forum posts started with their first message and found
 * by its marker, threads started from a message (now or by the next alert), and a thread that takes no
 * more messages (deleted, locked) reported as gone so a new one is started.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import type { ThreadPlace } from "../../../src/delivery/sender.js";
import { DiscordSender } from "../../../src/platforms/discord/discord-sender.js";
import { THREAD_NAME_LIMIT, threadNameOf } from "../../../src/platforms/discord/discord-threads.js";
import type { Reply } from "../../../src/reply/reply.js";
import { CHANNEL_ID, StandInDiscord, threadStartViolations } from "../../support/index.js";
import { closeRest, discordRest, renderDiscordMinimal } from "../../support/standins/clients.js";

const FORUM = "900000000000000200";
const reply: Reply = {
  kind: "answer",
  title: "Reminder",
  summary: ["Phase one ends today."],
  ephemeral: false,
};
const marker = markerFor("gaza-2025:phase-one-end:0d");
const place = (over: Partial<ThreadPlace>): ThreadPlace => ({
  name: "Gaza ceasefire",
  broadcast: false,
  forum: false,
  ...over,
});

let discord: StandInDiscord;
let rest: ReturnType<typeof discordRest>;
let sender: DiscordSender;
beforeAll(async () => {
  discord = await StandInDiscord.start();
  rest = discordRest(discord.apiUrl);
  sender = new DiscordSender(rest, renderDiscordMinimal);
});
afterAll(async () => {
  closeRest(rest);
  await discord.stop();
});
beforeEach(() => {
  discord.threads.threads.clear();
  discord.channelMessages.clear();
  discord.threads.addForum(FORUM);
});

describe("a thread's name", () => {
  it("is at most Discord's 100 characters, and never empty", () => {
    expect(threadNameOf(place({ name: "x".repeat(300) })).length).toBeLessThanOrEqual(THREAD_NAME_LIMIT);
    expect(threadNameOf(place({ name: "  " }))).toBe("Alerts");
  });
});

describe("a forum post", () => {
  it("is started with the alert as its first message, named, without a nonce", async () => {
    const { messageId } = await sender.send(FORUM, reply, marker, place({ start: true, forum: true }));
    const [post] = discord.threads.threadsOf(FORUM);
    expect(post).toMatchObject({ id: messageId, name: "Gaza ceasefire" });
    const started = discord.requests.find(
      (r) => r.method === "POST" && r.path === `/channels/${FORUM}/threads`,
    );
    const body = (started?.body ?? {}) as { message?: Record<string, unknown> };
    expect(body.message?.embeds).toBeDefined();
    expect(threadStartViolations(body)).toEqual([]);
    expect(body.message).not.toHaveProperty("nonce");
    expect(await sender.findByMarker(FORUM, marker, place({ start: true, forum: true }))).toBe(messageId);
  });

  it("is not started twice: the forum's posts are looked through for the marker first, archived ones too", async () => {
    const first = await sender.send(FORUM, reply, marker, place({ start: true, forum: true }));
    const thread = discord.threads.threads.get(first.messageId);
    if (thread) thread.archived = true;
    const again = await sender.send(FORUM, reply, marker, place({ start: true, forum: true }));
    expect(again.messageId).toBe(first.messageId);
    expect(discord.threads.threadsOf(FORUM)).toHaveLength(1);
  });

  it("takes the next alerts as messages in it", async () => {
    const { messageId } = await sender.send(FORUM, reply, marker, place({ start: true, forum: true }));
    const next = markerFor("gaza-2025:phase-two-talks:1d");
    await sender.send(FORUM, reply, next, place({ threadId: messageId, forum: true }));
    expect(discord.threads.messagesIn(messageId)).toHaveLength(2);
    expect(await sender.findByMarker(FORUM, next, place({ threadId: messageId, forum: true }))).toBeDefined();
  });
});

describe("a thread in a text channel", () => {
  it("is started from the deadline's first alert, which stays in the channel", async () => {
    const { messageId } = await sender.send(CHANNEL_ID, reply, marker, place({ start: true }));
    expect(discord.threads.messagesIn(CHANNEL_ID).map((m) => m.id)).toEqual([messageId]);
    expect(discord.threads.threads.get(messageId)).toMatchObject({
      parent_id: CHANNEL_ID,
      name: "Gaza ceasefire",
    });
  });

  it("is started by the next alert when it never was (the process stopped in between)", async () => {
    const first = (await rest.post(`/channels/${CHANNEL_ID}/messages`, { body: { content: "first" } })) as {
      id: string;
    };
    await sender.send(CHANNEL_ID, reply, marker, place({ threadId: first.id }));
    expect(discord.threads.threads.get(first.id)?.parent_id).toBe(CHANNEL_ID);
    expect(discord.threads.messagesIn(first.id)).toHaveLength(1);
  });
});

describe("a text channel where the bot may not start threads", () => {
  it("gets each alert in the channel itself: none is lost for want of Create Public Threads", async () => {
    discord.threads.noThreadPermission.add(CHANNEL_ID);
    try {
      const first = await sender.send(CHANNEL_ID, reply, marker, place({ start: true }));
      const next = await sender.send(
        CHANNEL_ID,
        reply,
        markerFor("gaza-2025:phase-one-end:1h"),
        place({ threadId: first.messageId }),
      );
      expect(
        discord.threads
          .messagesIn(CHANNEL_ID)
          .map((m) => m.id)
          .sort(),
      ).toEqual([first.messageId, next.messageId].sort());
      expect(discord.threads.threads.size).toBe(0);
    } finally {
      discord.threads.noThreadPermission.delete(CHANNEL_ID);
    }
  });
});

describe("a thread that takes no more messages", () => {
  it("is reported gone when deleted or locked, as a transient failure that starts a new thread", async () => {
    const { messageId } = await sender.send(FORUM, reply, marker, place({ start: true, forum: true }));
    const thread = discord.threads.threads.get(messageId);
    if (thread) thread.locked = true;
    const locked = await sender
      .send(FORUM, reply, marker, place({ threadId: messageId, forum: true }))
      .catch((e: unknown) => e);
    expect(sender.classify(locked)).toMatchObject({ type: "transient", threadGone: true });
    discord.threads.deleted.add(messageId);
    const deleted = await sender
      .send(FORUM, reply, marker, place({ threadId: messageId, forum: true }))
      .catch((e: unknown) => e);
    expect(sender.classify(deleted)).toMatchObject({ type: "transient", threadGone: true });
    expect(
      await sender.findByMarker(FORUM, marker, place({ threadId: messageId, forum: true })),
    ).toBeUndefined();
  });

  it("is gone as a channel when it was subscribed itself and is locked", async () => {
    const thread = discord.threads.addThread("900000000000000201", CHANNEL_ID);
    thread.locked = true;
    const err = await sender.send(thread.id, reply, marker).catch((e: unknown) => e);
    expect(sender.classify(err)).toMatchObject({ type: "gone" });
  });
});
