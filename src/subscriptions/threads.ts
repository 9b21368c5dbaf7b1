/**
 * What /subscribe's `threads` option does, and how /subscriptions and /unsubscribe find a forum's
 * subscription from one of its posts. `threads:on` (or `also-channel`, each reply also shown in the
 * channel) puts each deadline's alerts in a thread of their own; typed in a post of a forum, it
 * subscribes the forum itself, which then gets one post per story; in any other thread it is refused
 * (a thread holds no threads). `threads:off` puts every alert in the channel again; without the
 * option a channel keeps its setting. The delivery side is src/delivery/threads.ts.
 */
import { z } from "zod";
import type { Invocation } from "../command-engine/definition.js";
import { ENGLISH, type MessageKey, type Words } from "../language/words.js";
import { errorIn } from "../reply/errors.js";
import type { Reply } from "../reply/reply.js";
import type { ChannelRef, Store } from "../store/store.js";
import type { ThreadMode } from "../store/threads-sql.js";

/** What /subscribe offers (a forum's setting follows from where it is typed). */
export const THREAD_CHOICES = ["off", "on", "also-channel"] as const;
export type ThreadChoice = (typeof THREAD_CHOICES)[number];

export const threadsOption = z
  .enum(THREAD_CHOICES)
  .optional()
  .describe("Each deadline's alerts in a thread: on, also-channel (also shown here), off (default)");

/** The channel /subscribe subscribes and the thread setting it gets (undefined: left as it is). */
export interface ThreadTarget {
  channel: ChannelRef;
  mode: ThreadMode | undefined;
}

/** Where `/subscribe threads:<choice>` typed in `invocation`'s channel subscribes, or why it cannot. */
export async function threadTarget(
  invocation: Pick<Invocation, "platform" | "channelId" | "channelKind">,
  choice: ThreadChoice | undefined,
  words: Words = ENGLISH,
): Promise<ThreadTarget | { error: Reply }> {
  const here: ChannelRef = { platform: invocation.platform, channelId: invocation.channelId };
  if (choice === undefined || choice === "off") return { channel: here, mode: choice };
  const kind = (await invocation.channelKind?.()) ?? { kind: "channel" };
  if (kind.kind === "channel") return { channel: here, mode: choice };
  if (!kind.inForum) return { error: errorIn(words, "threads-in-thread") };
  return { channel: { platform: invocation.platform, channelId: kind.parentId }, mode: "forum" };
}

/**
 * The channel /subscriptions and /unsubscribe are about: the channel typed in, or, in a forum's post
 * that has no subscription of its own, the forum when it is subscribed.
 */
export async function subscribedChannel(
  store: Store,
  invocation: Pick<Invocation, "platform" | "channelId" | "channelKind">,
): Promise<ChannelRef> {
  const here: ChannelRef = { platform: invocation.platform, channelId: invocation.channelId };
  if ((await store.channelSubscriptions(here)).length || !invocation.channelKind) return here;
  const kind = await invocation.channelKind();
  if (kind.kind !== "thread" || !kind.inForum) return here;
  const forum: ChannelRef = { platform: invocation.platform, channelId: kind.parentId };
  return (await store.threadMode(forum)) === "forum" ? forum : here;
}

const THREAD_TEXT: Record<Exclude<ThreadMode, "off">, MessageKey> = {
  on: "subscriptions.threads.on",
  "also-channel": "subscriptions.threads.also-channel",
  forum: "subscriptions.threads.forum",
};

/**
 * "each deadline's alerts … in a thread of their own" in `words`, or "" when the channel takes them
 * all (the sentence that says what a channel gets puts it in its place).
 */
export function threadText(mode: ThreadMode, words: Words = ENGLISH): string {
  return mode === "off" ? "" : words.t(THREAD_TEXT[mode]);
}

/** The channel's thread setting, as /subscriptions says it: "Threads: on (…)." */
export function threadLine(mode: ThreadMode, words: Words = ENGLISH): string {
  if (mode === "off") return words.t("subscriptions.threads.line.off");
  return words.t("subscriptions.threads.line", { mode, text: threadText(mode, words) });
}
