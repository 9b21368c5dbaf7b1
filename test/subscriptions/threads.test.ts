/**
 * The specification of src/subscriptions/threads.ts: /subscribe threads:… sets where a channel's
 * alerts go, a forum is subscribed from one of its posts, any other thread refuses threads, and
 * /subscriptions and /unsubscribe typed in a forum's post are about the forum.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelKind, Invocation } from "../../src/command-engine/definition.js";
import { renderText } from "../../src/platforms/console/text.js";
import { threadLine, threadTarget } from "../../src/subscriptions/threads.js";
import { type ChannelRig, channelRig, DURING } from "../support/index.js";

const FORUM = "F1";
const POST = "P1";

let rig: ChannelRig;
beforeEach(() => {
  rig = channelRig(DURING);
});
afterEach(async () => {
  await rig.close();
});

/** `/name options` typed in `channelId`, which is `kind`. */
async function typed(name: string, options: Record<string, string>, channelId: string, kind: ChannelKind) {
  const invocation: Invocation = {
    platform: "discord",
    channelId,
    workspaceId: "G1",
    userId: "U1",
    canManage: async () => true,
    channelKind: async () => kind,
  };
  const reply = await rig.core.answerInChannel(name, options, invocation);
  return { reply, text: renderText(reply) };
}

const inForum: ChannelKind = { kind: "thread", parentId: FORUM, inForum: true };
const inThread: ChannelKind = { kind: "thread", parentId: "T0", inForum: false };
const plain: ChannelKind = { kind: "channel" };

describe("/subscribe threads:", () => {
  it("leaves a channel's alerts in the channel by default", async () => {
    await typed("subscribe", {}, "C9", plain);
    expect(await rig.store.threadMode({ platform: "discord", channelId: "C9" })).toBe("off");
  });

  it("puts each deadline's alerts in a thread with on, and says so", async () => {
    const { text } = await typed("subscribe", { threads: "on" }, "C9", plain);
    expect(await rig.store.threadMode({ platform: "discord", channelId: "C9" })).toBe("on");
    expect(text).toContain("in a thread of their own");
  });

  it("keeps a channel's setting when /subscribe is typed again without it, and turns it off with off", async () => {
    const channel = { platform: "discord", channelId: "C9" };
    await typed("subscribe", { threads: "also-channel" }, "C9", plain);
    await typed("subscribe", { kind: "reminders" }, "C9", plain);
    expect(await rig.store.threadMode(channel)).toBe("also-channel");
    await typed("subscribe", { threads: "off" }, "C9", plain);
    expect(await rig.store.threadMode(channel)).toBe("off");
  });

  it("subscribes the forum, one post per story, when typed in one of its posts", async () => {
    const { text } = await typed("subscribe", { threads: "on" }, POST, inForum);
    expect(await rig.store.threadMode({ platform: "discord", channelId: FORUM })).toBe("forum");
    expect(
      await rig.store.subscription({ platform: "discord", channelId: FORUM, story: "gaza-2025" }),
    ).toMatchObject({ active: true });
    expect(await rig.store.channelSubscriptions({ platform: "discord", channelId: POST })).toEqual([]);
    expect(text).toContain("one post per story");
  });

  it("subscribes a forum's post itself, as a channel, without threads", async () => {
    await typed("subscribe", {}, POST, inForum);
    expect(
      await rig.store.subscription({ platform: "discord", channelId: POST, story: "gaza-2025" }),
    ).toMatchObject({
      active: true,
    });
  });

  it("refuses threads in a thread that is not a forum's post, with its coded error, and changes nothing", async () => {
    const { reply } = await typed("subscribe", { threads: "on" }, "T1", inThread);
    expect(reply).toMatchObject({ kind: "error", code: "threads-in-thread" });
    expect(await rig.store.channelSubscriptions({ platform: "discord", channelId: "T1" })).toEqual([]);
  });

  it("accepts a thread as a channel without threads", async () => {
    const { reply } = await typed("subscribe", {}, "T1", inThread);
    expect(reply.kind).toBe("answer");
  });
});

describe("/subscriptions and /unsubscribe in a forum's post", () => {
  it("show the forum's subscription and its setting", async () => {
    await typed("subscribe", { threads: "on" }, POST, inForum);
    const { text } = await typed("subscriptions", {}, "P2", inForum);
    expect(text).toContain("Threads: forum (one post per story in this forum).");
  });

  it("stop the forum's alerts", async () => {
    await typed("subscribe", { threads: "on" }, POST, inForum);
    await typed("unsubscribe", {}, "P2", inForum);
    expect(
      await rig.store.subscription({ platform: "discord", channelId: FORUM, story: "gaza-2025" }),
    ).toMatchObject({ active: false });
  });
});

describe("the thread setting in words", () => {
  it("says each setting", () => {
    expect(threadLine("off")).toBe("Threads: off (every alert in the channel).");
    expect(threadLine("also-channel")).toContain("also shown in the channel");
  });

  it("subscribes where it is typed on a platform that says nothing of threads", async () => {
    const target = await threadTarget({ platform: "slack", channelId: "C1" }, "on");
    expect(target).toEqual({ channel: { platform: "slack", channelId: "C1" }, mode: "on" });
  });
});
