/**
 * The logic of /curators: a story's curators' channel, where the digest of its new leads is posted
 * (src/feeds/digest.ts). It is kept as a subscription of kind `leads`, so /unsubscribe and
 * /subscriptions treat it like any other, and the reminders and updates, which go to readers' kinds
 * only, never reach it. A curators' channel is never a readers' channel of the same story: leads are
 * unchecked news, and a channel that readers follow the story in is refused (and /subscribe refuses
 * a curators' channel likewise).
 */
import { z } from "zod";
import { ENGLISH, type MessageKey, type Words } from "../language/words.js";
import { errorIn } from "../reply/errors.js";
import { richT } from "../reply/phrases.js";
import type { Reply, Rich } from "../reply/reply.js";
import { ALL_STORIES, isReaders, type Subscription } from "../store/store.js";
import { formatInstant } from "../time/calendar.js";
import { type Asker, type SubscriptionDeps, storyName } from "./subscriptions.js";

export const CURATORS_ACTIONS = ["set", "off", "show"] as const;
export type CuratorsAction = (typeof CURATORS_ACTIONS)[number];

export const curatorsOptions = z.object({
  action: z
    .enum(CURATORS_ACTIONS)
    .optional()
    .describe("set: make this the story's curators' channel; off: stop; show: say (default: show)"),
  story: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "a story's id")
    .optional()
    .describe("Which story (default: the default story)"),
});

export async function curators(
  deps: SubscriptionDeps,
  invocation: Asker,
  options: { action?: CuratorsAction | undefined; story?: string | undefined },
): Promise<Reply> {
  const words = deps.words ?? ENGLISH;
  if (!invocation.canManage) return errorIn(words, "not-allowed", { command: "curators" });
  const story = options.story ?? deps.dataset.defaultStory.story.id;
  // A curators' channel is one story's: "all" is not a story here.
  if (!deps.dataset.byId.has(story)) {
    return errorIn(words, "unknown-value", {
      option: "story",
      value: story,
      known: [...deps.dataset.byId.keys()],
    });
  }
  const channel = { platform: invocation.platform, channelId: invocation.channelId };
  const mine = (await deps.store.channelSubscriptions(channel)).filter((s) => s.active);
  const current = mine.find((s) => s.story === story && !isReaders(s));
  const name = storyName(deps, story);
  const zone = deps.dataset.byId.get(story)?.story.timeZone ?? "UTC";
  switch (options.action ?? "show") {
    case "set": {
      const readers = mine.find((s) => isReaders(s) && (s.story === story || s.story === ALL_STORIES));
      if (readers) return errorIn(words, "readers-channel", { story: name });
      const sub = await deps.store.subscribe(
        { ...channel, story, workspaceId: invocation.workspaceId, kind: "leads", userId: invocation.userId },
        deps.clock.now(),
      );
      return answer(
        words,
        current ? "subscriptions.curators.title" : "subscriptions.curators.title.set",
        setText(words, name, sub, zone),
        false,
      );
    }
    case "off": {
      if (!current) return answer(words, "subscriptions.curators.title.not", [notText(words, name)], true);
      await deps.store.deactivate(
        { ...channel, story },
        `curators off by ${invocation.userId}`,
        deps.clock.now(),
      );
      return answer(
        words,
        "subscriptions.curators.title.off",
        [words.t("subscriptions.curators.off", { story: name })],
        false,
      );
    }
    default:
      return current
        ? answer(words, "subscriptions.curators.title", setText(words, name, current, zone), true)
        : answer(words, "subscriptions.curators.title.not", [notText(words, name)], true);
  }
}

function setText(words: Words, name: string, sub: Subscription, zone: string): Rich {
  const fallback = words.language === "en" ? formatInstant(sub.since, zone) : words.instant(sub.since, zone);
  return richT(words, "subscriptions.curators.is", {
    story: name,
    since: { instant: sub.since, style: "datetime", fallback },
  });
}

function notText(words: Words, name: string): string {
  return words.t("subscriptions.curators.not", { story: name });
}

function answer(words: Words, title: MessageKey, summary: Rich, ephemeral: boolean): Reply {
  return { kind: "answer", title: words.t(title), summary, ephemeral };
}
