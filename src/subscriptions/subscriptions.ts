/**
 * The logic of /subscribe, /unsubscribe and /subscriptions, platform-free like every command: each is
 * `(store, dataset, clock, invocation, options) → Reply`. The adapters decide `canManage` (Discord:
 * Manage Channels permission; Slack: SLACK_ADMIN_USERS or a channel manager) and render the Reply.
 * They are async (they touch the store); commands/subscribe.ts, unsubscribe.ts and subscriptions.ts
 * expose them as channel commands (docs/decisions/0006-channel-commands.md).
 */
import { z } from "zod";
import { parseLead, planAlerts } from "../alerts/plan.js";
import { eventsNote, eventsRefusal, eventsResumed } from "../calendar-events/subscribe.js";
import type { Choice } from "../command-engine/choices.js";
import type { Invocation } from "../command-engine/definition.js";
import { defaultSettings, type Settings } from "../config.js";
import { storyAt } from "../dataset/asof.js";
import type { Dataset } from "../dataset/dataset.js";
import { LANGUAGE_NAMES, LANGUAGES, type Language, languageOfLocale } from "../language/languages.js";
import { ENGLISH, type Words } from "../language/words.js";
import { errorReply } from "../reply/errors.js";
import { footerFor } from "../reply/phrases.js";
import type { Reply, ReplyField, Rich, Span } from "../reply/reply.js";
import {
  ALL_STORIES,
  type Delivery,
  isReaders,
  type ReaderKind,
  type Store,
  type Subscription,
  type SubscriptionKind,
} from "../store/store.js";
import { formatInstant } from "../time/calendar.js";
import type { Clock } from "../time/clock.js";
import {
  subscribedChannel,
  type ThreadChoice,
  threadLine,
  threadsOption,
  threadTarget,
  threadText,
} from "./threads.js";

/** Who asked, where, and whether they may change what the channel gets (resolved by the core). */
export type Asker = Omit<Invocation, "canManage"> & {
  /** Whether the user may change what the channel receives (resolved by the core). */
  canManage: boolean;
};

export interface SubscriptionDeps {
  store: Store;
  dataset: Dataset;
  clock: Clock;
  settings?: Settings;
  /** The reader's words, for what is said in their language (a subscription's language). English without. */
  words?: Words;
}

/** At most this many lead times per channel (each is one message per deadline). */
export const MAX_LEADS = 4;
/** How far ahead /subscriptions looks for the next alerts. */
const LOOKAHEAD_MS = 60 * 86_400_000;

export const KIND_TEXT: Record<SubscriptionKind, string> = {
  reminders: "deadline reminders",
  updates: "news updates (new timeline events and figures)",
  all: "deadline reminders and news updates",
  leads: "a digest of new leads (a curators' channel)",
  events: "this server's scheduled events (one per upcoming deadline, moved or cancelled with it)",
};

/** The `story` option's value for every story, present and future, as a picker offers it. */
export const ALL_STORIES_CHOICE: Choice = { value: "all", label: "every story" };

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
    error: errorReply("unknown-value", {
      option: "story",
      value: story,
      known: [...deps.dataset.byId.keys(), "all"],
    }),
  };
}

/** "the Israel-Hamas ceasefire in Gaza (2025)" or "every story". */
export function storyName(deps: Pick<SubscriptionDeps, "dataset">, story: string): string {
  return story === ALL_STORIES ? "every story" : (deps.dataset.byId.get(story)?.story.title ?? story);
}

/** "1d, 2h" → ["1d", "2h"], de-duplicated, validated. */
export function parseLeads(text: string): { ok: true; leads: string[] } | { ok: false; message: string } {
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
        (lead.unit === "d" && lead.amount > 30) ||
        (lead.unit === "h" && lead.amount > 720) ||
        (lead.unit === "m" && lead.amount > 43_200)
      ) {
        return { ok: false, message: `Lead time ${l} is more than 30 days.` };
      }
    } catch {
      return { ok: false, message: `"${l}" is not a lead time: use a number and d, h or m, like 1d,2h,30m.` };
    }
  }
  if (!leads.length) return { ok: false, message: "Give at least one lead time, like lead:1d,2h." };
  if (leads.length > MAX_LEADS) return { ok: false, message: `At most ${MAX_LEADS} lead times per channel.` };
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
  if (!invocation.canManage) return errorReply("not-allowed", { command: "subscribe" });
  const refused = options.kind === "events" ? eventsRefusal(invocation) : undefined;
  if (refused) return refused;
  const chosen = chosenStory(deps, options.story, deps.dataset.defaultStory.story.id);
  if ("error" in chosen) return chosen.error;
  const target = await threadTarget(invocation, options.threads);
  if ("error" in target) return target.error;
  const { channel } = target;
  const curators = (await deps.store.channelSubscriptions(channel)).find(
    (s) => s.active && !isReaders(s) && (chosen.story === ALL_STORIES || s.story === chosen.story),
  );
  if (curators) return errorReply("curators-channel", { story: storyName(deps, curators.story) });
  const kind = options.kind ?? "all";
  let leadTimes: string[] | undefined;
  if (options.lead !== undefined && kind !== "events") {
    const parsed = parseLeads(options.lead);
    if (!parsed.ok) return errorReply("invalid-option", { command: "subscribe", message: parsed.message });
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
  return {
    kind: "answer",
    title: before?.active ? "Subscription changed" : "Subscribed",
    summary: [
      `This channel now gets ${KIND_TEXT[sub.kind]} about ${storyName(deps, sub.story)}`,
      leadText(sub),
      threadText(await deps.store.threadMode(channel)),
      ".",
      "\n",
      languageLine(deps, sub),
    ],
    fields: wantsReminders(sub) ? [{ name: "Next reminders", value: alertLines(deps, next) }] : [],
    footer: footerFor(ENGLISH, storyAt(story, now), deps.settings ?? defaultSettings, []),
    ephemeral: false,
  };
}

export async function unsubscribe(
  deps: SubscriptionDeps,
  invocation: Asker,
  options: { story?: string | undefined } = {},
): Promise<Reply> {
  if (!invocation.canManage) return errorReply("not-allowed", { command: "unsubscribe" });
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
        title: "Unsubscribed",
        summary: [
          chosen
            ? `This channel gets no more reminders or updates about ${storyName(deps, chosen.story)}.`
            : "This channel gets no more reminders or updates.",
          events ? " The server's scheduled events of its deadlines are removed." : "",
        ],
        ephemeral: false,
      }
    : {
        kind: "answer",
        title: "Not subscribed",
        summary: ["This channel was not subscribed."],
        ephemeral: true,
      };
}

export async function subscriptions(deps: SubscriptionDeps, invocation: Asker): Promise<Reply> {
  const channel = await subscribedChannel(deps.store, invocation);
  const all = await deps.store.channelSubscriptions(channel);
  const active = all.filter((s) => s.active);
  const recent = await deps.store.recentDeliveries(channel, 8);
  const fields: ReplyField[] = [];
  let summary: Rich;
  if (active.length) {
    summary = active.flatMap(
      (sub, i): Rich => [
        i ? "\n" : "",
        `This channel gets ${KIND_TEXT[sub.kind]} about ${storyName(deps, sub.story)}`,
        leadText(sub),
        ", since ",
        instantSpan(sub.since, zoneOf(deps, sub.story)),
        ".",
        " ",
        languageLine(deps, sub),
      ],
    );
    const note = await eventsNote(deps.store, active);
    if (note) summary = [...summary, "\n", ...note];
    summary = [...summary, "\n", threadLine(await deps.store.threadMode(channel))];
    for (const sub of active.filter(wantsReminders)) {
      fields.push({
        name: active.length > 1 ? `Next reminders: ${storyName(deps, sub.story)}` : "Next reminders",
        value: alertLines(deps, nextAlerts(deps, sub, 5)),
      });
    }
  } else {
    const stopped = all.find((s) => s.deactivationReason);
    summary = stopped?.deactivationReason
      ? [
          `This channel is not subscribed (stopped: ${stopped.deactivationReason}). Use /subscribe to start again.`,
        ]
      : ["This channel is not subscribed. Use /subscribe to get deadline reminders and news updates here."];
  }
  if (recent.length) fields.push({ name: "Last deliveries", value: deliveryLines(deps, recent) });
  return { kind: "answer", title: "Alerts in this channel", summary, fields, ephemeral: true };
}

/**
 * The channel's own language where the platform says one (Slack's channel locale, asked only here),
 * else its server's (Discord's guild locale), when it is one of ours.
 */
async function localeLanguage(invocation: Asker): Promise<Language | undefined> {
  const channelLocale = await invocation.channelLocale?.();
  return languageOfLocale(channelLocale) ?? languageOfLocale(invocation.guildLocale);
}

/** "Its alerts are written in العربية.", in the reader's words (English when the row has none). */
function languageLine(deps: SubscriptionDeps, sub: Subscription): string {
  return (deps.words ?? ENGLISH).t("subscriptions.language", {
    language: LANGUAGE_NAMES[sub.language ?? "en"],
  });
}

/** The time zone a subscription's times are shown in: its story's, or the default story's. */
function zoneOf(deps: SubscriptionDeps, story: string): string {
  return (deps.dataset.byId.get(story) ?? deps.dataset.defaultStory).story.timeZone;
}

function instantSpan(instant: Date, timeZone: string): Span {
  return { instant, style: "datetime", fallback: formatInstant(instant, timeZone) };
}

function wantsReminders(sub: Subscription): boolean {
  return sub.kind === "reminders" || sub.kind === "all";
}

export function leadText(sub: Subscription): string {
  if (!wantsReminders(sub)) return "";
  return sub.leadTimes
    ? ` (reminding ${sub.leadTimes.join(", ")} before each deadline)`
    : " (at each deadline's own lead times)";
}

function nextAlerts(deps: SubscriptionDeps, sub: Subscription, count: number) {
  const now = deps.clock.now();
  const from = new Date(Math.max(now.getTime(), sub.since.getTime()));
  const stories = deps.dataset.stories.filter((s) => sub.story === ALL_STORIES || s.story.id === sub.story);
  return planAlerts(
    deps.dataset,
    { from, to: new Date(from.getTime() + LOOKAHEAD_MS) },
    {
      reminderHour: (deps.settings ?? defaultSettings).reminderHour,
      ...(sub.leadTimes ? { leadTimes: sub.leadTimes } : {}),
    },
    stories,
  ).slice(0, count);
}

/** Each alert at its instant (shown in the reader's zone; the fallback in its story's zone). */
function alertLines(deps: SubscriptionDeps, alerts: ReturnType<typeof planAlerts>): Rich {
  if (!alerts.length) return ["None in the next 60 days."];
  return alerts.flatMap((a, i) => [
    ...(i ? ["\n"] : []),
    instantSpan(a.at, zoneOf(deps, a.storyId)),
    ` — ${a.text}`,
  ]);
}

const OUTCOME: Record<Delivery["state"], string> = {
  claimed: "sending",
  sent: "sent",
  sent_late: "sent late",
  skipped: "skipped",
  failed: "failed",
};

function deliveryLines(deps: SubscriptionDeps, rows: Delivery[]): Rich {
  return rows.flatMap((d, i) => [
    ...(i ? ["\n"] : []),
    // Keys start with their story's id (`gaza-2025:…`, `update:gaza-2025:…`, `leads:gaza-2025:…`).
    instantSpan(d.dueAt, zoneOf(deps, d.key.replace(/^(update|leads):/, "").split(":")[0] ?? "")),
    ` — ${d.summary} · `,
    { strong: OUTCOME[d.state] },
    d.reason ? ` (${d.reason})` : "",
  ]);
}
