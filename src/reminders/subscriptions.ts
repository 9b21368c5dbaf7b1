/**
 * The logic of /subscribe, /unsubscribe and /subscriptions, platform-free like every command: each is
 * `(store, dataset, clock, invocation, options) → Reply`. The adapters decide `canManage` (Discord:
 * Manage Channels permission; Slack: SLACK_ADMIN_USERS or a channel manager) and render the Reply.
 * They are async (they touch the store); commands/subscribe.ts, unsubscribe.ts and subscriptions.ts
 * expose them as channel commands (docs/decisions/0006-channel-commands.md).
 */
import { z } from "zod";
import {
  type CommandContext,
  type Invocation as CommandInvocation,
  defaultSettings,
  type Settings,
} from "../command/definition.js";
import type { Dataset } from "../dataset/dataset.js";
import { footerFor } from "../dataset/phrases.js";
import { errorReply, type Reply, type Rich } from "../reply/reply.js";
import {
  type Delivery,
  type Store,
  SUBSCRIPTION_KINDS,
  type Subscription,
  type SubscriptionKind,
} from "../store/store.js";
import { formatInstant } from "../time/calendar.js";
import type { Clock } from "../time/clock.js";
import { parseLead, planAlerts } from "./plan.js";

/** Who asked, where: the command's Invocation with its permission already resolved. */
export type Invocation = Omit<CommandInvocation, "canManage"> & {
  /** Whether the user may change what the channel receives (resolved by the core). */
  canManage: boolean;
};

export interface SubscriptionDeps {
  store: Store;
  dataset: Dataset;
  clock: Clock;
  settings?: Settings;
}

/** At most this many lead times per channel (each is one message per deadline). */
export const MAX_LEADS = 4;
/** How far ahead /subscriptions looks for the next alerts. */
const LOOKAHEAD_MS = 60 * 86_400_000;

const KIND_TEXT: Record<SubscriptionKind, string> = {
  reminders: "deadline reminders",
  updates: "news updates (new timeline events and figures)",
  all: "deadline reminders and news updates",
};

export const subscribeOptions = z.object({
  kind: z
    .enum(SUBSCRIPTION_KINDS as [SubscriptionKind, ...SubscriptionKind[]])
    .optional()
    .describe("What the channel gets (default: all)"),
  lead: z
    .string()
    .regex(/^\s*\d+[dhm](\s*,\s*\d+[dhm])*\s*$/, "lead times like 1d,2h")
    .optional()
    .describe("When to remind before each deadline, like 1d,2h (default: each deadline's own)"),
});
export const noOptions = z.object({});

function refusal(what: string): Reply {
  return errorReply(
    "Not allowed",
    `Only people who can manage this channel can ${what}. Ask a channel manager (on Discord: Manage Channels permission).`,
  );
}

function context(deps: SubscriptionDeps): CommandContext {
  return {
    dataset: deps.dataset,
    clock: deps.clock,
    settings: deps.settings ?? defaultSettings,
    commands: [],
  };
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
  invocation: Invocation,
  options: { kind?: SubscriptionKind | undefined; lead?: string | undefined },
): Promise<Reply> {
  if (!invocation.canManage) return refusal("subscribe it to alerts");
  const kind = options.kind ?? "all";
  let leadTimes: string[] | undefined;
  if (options.lead !== undefined) {
    const parsed = parseLeads(options.lead);
    if (!parsed.ok) return errorReply("Invalid option for /subscribe", parsed.message);
    leadTimes = parsed.leads;
  }
  const now = deps.clock.now();
  const before = await deps.store.subscription(invocation);
  const sub = await deps.store.subscribe(
    {
      platform: invocation.platform,
      channelId: invocation.channelId,
      workspaceId: invocation.workspaceId,
      kind,
      leadTimes,
      userId: invocation.userId,
    },
    now,
  );
  const story = deps.dataset.defaultStory;
  const next = nextAlerts(deps, sub, 3);
  return {
    kind: "answer",
    title: before?.active ? "Subscription changed" : "Subscribed",
    summary: [`This channel now gets ${KIND_TEXT[sub.kind]}`, leadText(sub), "."],
    fields: wantsReminders(sub)
      ? [{ name: "Next reminders", value: alertLines(next, story.story.timeZone) }]
      : [],
    footer: footerFor(story, context(deps), []),
    ephemeral: false,
  };
}

export async function unsubscribe(deps: SubscriptionDeps, invocation: Invocation): Promise<Reply> {
  if (!invocation.canManage) return refusal("unsubscribe it");
  const stopped = await deps.store.deactivate(
    invocation,
    `unsubscribed by ${invocation.userId}`,
    deps.clock.now(),
  );
  return stopped
    ? {
        kind: "answer",
        title: "Unsubscribed",
        summary: ["This channel gets no more reminders or updates."],
        ephemeral: false,
      }
    : {
        kind: "answer",
        title: "Not subscribed",
        summary: ["This channel was not subscribed."],
        ephemeral: true,
      };
}

export async function subscriptions(deps: SubscriptionDeps, invocation: Invocation): Promise<Reply> {
  const sub = await deps.store.subscription(invocation);
  const tz = deps.dataset.defaultStory.story.timeZone;
  const recent = await deps.store.recentDeliveries(invocation, 8);
  const fields = [];
  let summary: Rich;
  if (sub?.active) {
    summary = [
      `This channel gets ${KIND_TEXT[sub.kind]}`,
      leadText(sub),
      `, since `,
      { instant: sub.since, style: "datetime", fallback: formatInstant(sub.since, tz) },
      ".",
    ];
    if (wantsReminders(sub))
      fields.push({ name: "Next reminders", value: alertLines(nextAlerts(deps, sub, 5), tz) });
  } else {
    summary = sub?.deactivationReason
      ? [
          `This channel is not subscribed (stopped: ${sub.deactivationReason}). Use /subscribe to start again.`,
        ]
      : ["This channel is not subscribed. Use /subscribe to get deadline reminders and news updates here."];
  }
  if (recent.length) fields.push({ name: "Last deliveries", value: deliveryLines(recent, tz) });
  return { kind: "answer", title: "Alerts in this channel", summary, fields, ephemeral: true };
}

function wantsReminders(sub: Subscription): boolean {
  return sub.kind === "reminders" || sub.kind === "all";
}

function leadText(sub: Subscription): string {
  if (!wantsReminders(sub)) return "";
  return sub.leadTimes
    ? ` (reminding ${sub.leadTimes.join(", ")} before each deadline)`
    : " (at each deadline's own lead times)";
}

function nextAlerts(deps: SubscriptionDeps, sub: Subscription, count: number) {
  const now = deps.clock.now();
  const from = new Date(Math.max(now.getTime(), sub.since.getTime()));
  return planAlerts(
    deps.dataset,
    { from, to: new Date(from.getTime() + LOOKAHEAD_MS) },
    {
      reminderHour: (deps.settings ?? defaultSettings).reminderHour,
      ...(sub.leadTimes ? { leadTimes: sub.leadTimes } : {}),
    },
  ).slice(0, count);
}

function alertLines(alerts: ReturnType<typeof planAlerts>, tz: string): Rich {
  if (!alerts.length) return ["None in the next 60 days."];
  return alerts.flatMap((a, i) => [
    ...(i ? ["\n"] : []),
    { instant: a.at, style: "datetime" as const, fallback: formatInstant(a.at, tz) },
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

function deliveryLines(rows: Delivery[], tz: string): Rich {
  return rows.flatMap((d, i) => [
    ...(i ? ["\n"] : []),
    { instant: d.dueAt, style: "datetime" as const, fallback: formatInstant(d.dueAt, tz) },
    ` — ${d.summary} · `,
    { strong: OUTCOME[d.state] },
    d.reason ? ` (${d.reason})` : "",
  ]);
}
