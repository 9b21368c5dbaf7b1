/**
 * The logic of /subscribe, /unsubscribe and /subscriptions, platform-free like every command: each is
 * `(store, dataset, clock, invocation, options) → Reply`. The adapters decide `canManage` (Discord:
 * Manage Channels permission; Slack: SLACK_ADMIN_USERS or a channel manager) and render the Reply.
 * They are async (they touch the store); commands/subscribe.ts, unsubscribe.ts and subscriptions.ts
 * expose them as channel commands (docs/decisions/0006-channel-commands.md).
 */
import { z } from "zod";
import { alertOfKey, parseLead, planAlerts } from "../alerts/plan.js";
import { eventsNote, eventsRefusal, eventsResumed } from "../calendar-events/subscribe.js";
import type { Choice } from "../command-engine/choices.js";
import type { Invocation } from "../command-engine/definition.js";
import { defaultSettings } from "../config.js";
import { storyAt } from "../dataset/asof.js";
import { LANGUAGES, type Language, languageOfLocale } from "../language/languages.js";
import { ENGLISH, type MessageKey, type Words } from "../language/words.js";
import { errorIn } from "../reply/errors.js";
import { footerFor, richT } from "../reply/phrases.js";
import type { Reply, ReplyField, Rich } from "../reply/reply.js";
import {
  ALL_STORIES,
  isReaders,
  type ReaderKind,
  type Subscription,
  type SubscriptionKind,
} from "../store/store.js";
import { instantSpan, planOptions, type SubscriptionDeps, wordsOf, zoneOf } from "./deps.js";
import { deliveryLines, reasonText } from "./ledger.js";
import {
  subscribedChannel,
  type ThreadChoice,
  threadLine,
  threadsOption,
  threadTarget,
  threadText,
} from "./threads.js";

export type { SubscriptionDeps } from "./deps.js";

/** Who asked, where, and whether they may change what the channel gets (resolved by the core). */
export type Asker = Omit<Invocation, "canManage"> & {
  /** Whether the user may change what the channel receives (resolved by the core). */
  canManage: boolean;
};

/** At most this many lead times per channel (each is one message per deadline). */
export const MAX_LEADS = 4;
/** How far ahead /subscriptions looks for the next alerts. */
const LOOKAHEAD_MS = 60 * 86_400_000;

/** What each kind of subscription gets, as the channel commands and the Home say it. */
export const KIND_TEXT: Readonly<Record<SubscriptionKind, MessageKey>> = {
  reminders: "subscriptions.kind.reminders",
  updates: "subscriptions.kind.updates",
  all: "subscriptions.kind.all",
  leads: "subscriptions.kind.leads",
  events: "subscriptions.kind.events",
};

/** The `story` option's value for every story, present and future, as a picker offers it in `words`. */
export function allStoriesChoice(words: Words): Choice {
  return { value: "all", label: words.t("subscriptions.every-story") };
}

/** The `story` option's value for every story, present and future, as a picker offers it. */
export const ALL_STORIES_CHOICE: Choice = allStoriesChoice(ENGLISH);

const storyChoice = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "a story's id, or all")
  .optional();

export const subscribeOptions = z.object({
  kind: z
    .enum(["reminders", "updates", "all", "events"] satisfies (ReaderKind | "events")[])
    .optional()
    .describe("What the channel gets (default: all); events: the server's scheduled events"),
  lead: z
    .string()
    .regex(/^\s*\d+[dhm](\s*,\s*\d+[dhm])*\s*$/, "lead times like 1d,2h")
    .optional()
    .describe("When to remind before each deadline, like 1d,2h (default: each deadline's own)"),
  story: storyChoice.describe("Which story: a story's id, or all (default: the default story)"),
  threads: threadsOption,
  language: z
    .enum(LANGUAGES)
    .optional()
    .describe("The language of this channel's alerts (default: the channel's or server's)"),
});
export const unsubscribeOptions = z.object({
  story: storyChoice.describe("Stop only this story's alerts (default: every story)"),
});
export const noOptions = z.object({});

/** The story a channel command is about: an id, "all", or the default story. */
function chosenStory(
  deps: SubscriptionDeps,
  story: string | undefined,
  fallback: string,
): { story: string } | { error: Reply } {
  if (story === undefined) return { story: fallback };
  if (story === "all") return { story: ALL_STORIES };
  if (deps.dataset.byId.has(story)) return { story };
  return {
    error: errorIn(wordsOf(deps), "unknown-value", {
      option: "story",
      value: story,
      known: [...deps.dataset.byId.keys(), "all"],
    }),
  };
}

/** "the Israel-Hamas ceasefire in Gaza (2025)" or "every story" (in the deps' words). */
export function storyName(deps: Pick<SubscriptionDeps, "dataset" | "words">, story: string): string {
  return story === ALL_STORIES
    ? wordsOf(deps).t("subscriptions.every-story")
    : (deps.dataset.byId.get(story)?.story.title ?? story);
}

/** At most this many days ahead a lead time reaches. */
const MAX_LEAD_DAYS = 30;

/** "1d, 2h" → ["1d", "2h"], de-duplicated, validated. */
export function parseLeads(
  text: string,
  words: Words = ENGLISH,
): { ok: true; leads: string[] } | { ok: false; message: string } {
  const leads = [
    ...new Set(
      text
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  for (const l of leads) {
    try {
      const lead = parseLead(l);
      if (
        (lead.unit === "d" && lead.amount > MAX_LEAD_DAYS) ||
        (lead.unit === "h" && lead.amount > MAX_LEAD_DAYS * 24) ||
        (lead.unit === "m" && lead.amount > MAX_LEAD_DAYS * 24 * 60)
      ) {
        return {
          ok: false,
          message: words.t("subscriptions.lead.too-far", { lead: l, days: MAX_LEAD_DAYS }),
        };
      }
    } catch {
      return { ok: false, message: words.t("subscriptions.lead.unreadable", { lead: l }) };
    }
  }
  if (!leads.length) return { ok: false, message: words.t("subscriptions.lead.none") };
  if (leads.length > MAX_LEADS) {
    return { ok: false, message: words.t("subscriptions.lead.too-many", { max: MAX_LEADS }) };
  }
  return { ok: true, leads };
}

export async function subscribe(
  deps: SubscriptionDeps,
  invocation: Asker,
  options: {
    kind?: ReaderKind | "events" | undefined;
    lead?: string | undefined;
    story?: string | undefined;
    threads?: ThreadChoice | undefined;
    language?: Language | undefined;
  },
): Promise<Reply> {
  const words = wordsOf(deps);
  if (!invocation.canManage) return errorIn(words, "not-allowed", { command: "subscribe" });
  const refused = options.kind === "events" ? eventsRefusal(invocation, words) : undefined;
  if (refused) return refused;
  const chosen = chosenStory(deps, options.story, deps.dataset.defaultStory.story.id);
  if ("error" in chosen) return chosen.error;
  const target = await threadTarget(invocation, options.threads, words);
  if ("error" in target) return target.error;
  const { channel } = target;
  const curators = (await deps.store.channelSubscriptions(channel)).find(
    (s) => s.active && !isReaders(s) && (chosen.story === ALL_STORIES || s.story === chosen.story),
  );
  if (curators) return errorIn(words, "curators-channel", { story: storyName(deps, curators.story) });
  const kind = options.kind ?? "all";
  let leadTimes: string[] | undefined;
  if (options.lead !== undefined && kind !== "events") {
    const parsed = parseLeads(options.lead, words);
    if (!parsed.ok)
      return errorIn(words, "invalid-option", { command: "subscribe", message: parsed.message });
    leadTimes = parsed.leads;
  }
  const now = deps.clock.now();
  const ref = { ...channel, story: chosen.story };
  const before = await deps.store.subscription(ref);
  if (target.mode) await deps.store.setThreadMode(channel, target.mode, now);
  // The language chosen replaces the channel's; without one, a subscription that has one keeps it,
  // and a new one takes the channel's locale or the server's when it is one of ours.
  const language = options.language ?? (before?.language ? undefined : await localeLanguage(invocation));
  const sub = await deps.store.subscribe(
    {
      ...channel,
      story: chosen.story,
      workspaceId: invocation.workspaceId,
      kind,
      leadTimes,
      userId: invocation.userId,
      language,
    },
    now,
  );
  if (kind === "events") await eventsResumed(deps.store, invocation, now);
  const story = deps.dataset.byId.get(sub.story) ?? deps.dataset.defaultStory;
  const next = nextAlerts(deps, sub, 3);
  const leads = leadText(sub, words);
  const threads = threadText(await deps.store.threadMode(channel), words);
  const params = { kind: words.t(KIND_TEXT[sub.kind]), story: storyName(deps, sub.story), leads, threads };
  return {
    kind: "answer",
    title: words.t(before?.active ? "subscriptions.title.changed" : "subscriptions.title.subscribed"),
    summary: [
      words.t(
        leads
          ? threads
            ? "subscriptions.now-gets.leads-threads"
            : "subscriptions.now-gets.leads"
          : threads
            ? "subscriptions.now-gets.threads"
            : "subscriptions.now-gets",
        params,
      ),
      "\n",
      languageLine(words, sub),
    ],
    fields: wantsReminders(sub)
      ? [{ name: words.t("subscriptions.next"), value: alertLines(deps, next) }]
      : [],
    footer: footerFor(words, storyAt(story, now), deps.settings ?? defaultSettings, []),
    ephemeral: false,
  };
}

export async function unsubscribe(
  deps: SubscriptionDeps,
  invocation: Asker,
  options: { story?: string | undefined } = {},
): Promise<Reply> {
  const words = wordsOf(deps);
  if (!invocation.canManage) return errorIn(words, "not-allowed", { command: "unsubscribe" });
  const chosen = options.story === undefined ? undefined : chosenStory(deps, options.story, "");
  if (chosen && "error" in chosen) return chosen.error;
  const channel = await subscribedChannel(deps.store, invocation);
  const events = (await deps.store.channelSubscriptions(channel)).some(
    (s) => s.active && s.kind === "events" && (!chosen || s.story === chosen.story),
  );
  const stopped = await deps.store.deactivate(
    { ...channel, story: chosen?.story },
    `unsubscribed by ${invocation.userId}`,
    deps.clock.now(),
  );
  return stopped > 0
    ? {
        kind: "answer",
        title: words.t("subscriptions.title.unsubscribed"),
        summary: [
          chosen
            ? words.t("subscriptions.stopped.story", { story: storyName(deps, chosen.story) })
            : words.t("subscriptions.stopped"),
          events ? ` ${words.t("subscriptions.stopped.events")}` : "",
        ],
        ephemeral: false,
      }
    : {
        kind: "answer",
        title: words.t("subscriptions.title.not-subscribed"),
        summary: [words.t("subscriptions.was-not")],
        ephemeral: true,
      };
}

export async function subscriptions(deps: SubscriptionDeps, invocation: Asker): Promise<Reply> {
  const words = wordsOf(deps);
  const channel = await subscribedChannel(deps.store, invocation);
  const all = await deps.store.channelSubscriptions(channel);
  const active = all.filter((s) => s.active);
  const recent = await deps.store.recentDeliveries(channel, 8);
  const fields: ReplyField[] = [];
  let summary: Rich;
  if (active.length) {
    summary = active.flatMap((sub, i): Rich => {
      const leads = leadText(sub, words);
      return [
        i ? "\n" : "",
        ...richT(words, leads ? "subscriptions.gets.leads" : "subscriptions.gets", {
          kind: words.t(KIND_TEXT[sub.kind]),
          story: storyName(deps, sub.story),
          leads,
          since: instantSpan(sub.since, zoneOf(deps, sub.story), words),
        }),
        " ",
        languageLine(words, sub),
      ];
    });
    const note = await eventsNote(deps.store, active, words);
    if (note) summary = [...summary, "\n", ...note];
    summary = [...summary, "\n", threadLine(await deps.store.threadMode(channel), words)];
    for (const sub of active.filter(wantsReminders)) {
      fields.push({
        name:
          active.length > 1
            ? words.t("subscriptions.next.story", { story: storyName(deps, sub.story) })
            : words.t("subscriptions.next"),
        value: alertLines(deps, nextAlerts(deps, sub, 5)),
      });
    }
  } else {
    const stopped = all.find((s) => s.deactivationReason);
    // The reason is the one recorded when the channel stopped ("unsubscribed by U1"), as it was said then.
    summary = stopped?.deactivationReason
      ? [words.t("subscriptions.not.stopped", { reason: reasonText(stopped.deactivationReason, words) })]
      : [words.t("subscriptions.not")];
  }
  if (recent.length) {
    fields.push({ name: words.t("subscriptions.last-deliveries"), value: deliveryLines(deps, recent) });
  }
  return { kind: "answer", title: words.t("subscriptions.title.list"), summary, fields, ephemeral: true };
}

/**
 * The channel's own language where the platform says one (Slack's channel locale, asked only here),
 * else its server's (Discord's guild locale), when it is one of ours.
 */
async function localeLanguage(invocation: Asker): Promise<Language | undefined> {
  const channelLocale = await invocation.channelLocale?.();
  return languageOfLocale(channelLocale) ?? languageOfLocale(invocation.guildLocale);
}

/** "Its alerts are written in Arabic.", in the reader's words (English when the row has none). */
function languageLine(words: Words, sub: Subscription): string {
  return words.t("subscriptions.language", {
    language: words.t(`common.language.${sub.language ?? "en"}`),
  });
}

function wantsReminders(sub: Subscription): boolean {
  return sub.kind === "reminders" || sub.kind === "all";
}

/**
 * "(reminding 1d, 2h before each deadline)" or "(at each deadline's own lead times)" in `words`, or ""
 * for a subscription without reminders (the sentence that says what a channel gets puts it in its place).
 */
export function leadText(sub: Subscription, words: Words = ENGLISH): string {
  if (!wantsReminders(sub)) return "";
  return sub.leadTimes
    ? words.t("subscriptions.leads.own", { leads: sub.leadTimes.join(", ") })
    : words.t("subscriptions.leads.deadlines");
}

function nextAlerts(deps: SubscriptionDeps, sub: Subscription, count: number) {
  const now = deps.clock.now();
  const from = new Date(Math.max(now.getTime(), sub.since.getTime()));
  const stories = deps.dataset.stories.filter((s) => sub.story === ALL_STORIES || s.story.id === sub.story);
  const words = wordsOf(deps);
  const options = planOptions(deps, sub);
  return planAlerts(deps.dataset, { from, to: new Date(from.getTime() + LOOKAHEAD_MS) }, options, stories)
    .slice(0, count)
    .map((a) =>
      words.language === "en"
        ? a
        : { ...a, text: alertOfKey(deps.dataset, a.id, options, words)?.text ?? a.text },
    );
}

/** Each alert at its instant (shown in the reader's zone; the fallback in its story's zone). */
function alertLines(deps: SubscriptionDeps, alerts: ReturnType<typeof planAlerts>): Rich {
  const words = wordsOf(deps);
  if (!alerts.length) return [words.t("subscriptions.next.none", { days: LOOKAHEAD_MS / 86_400_000 })];
  return alerts.flatMap((a, i) => [
    ...(i ? ["\n"] : []),
    instantSpan(a.at, zoneOf(deps, a.storyId), words),
    ` — ${a.text}`,
  ]);
}
