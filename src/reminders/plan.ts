/**
 * The reminder planner: a pure function from the dataset and a time window to the alerts due in it.
 * The scheduler calls it every minute; `ceasefire-bot replay` prints it for any window.
 *
 * Lead times: "Nd" is N calendar days before, "Nh"/"Nm" N hours/minutes before. A date-only deadline
 * gets its day reminders at a configurable local hour (REMINDER_HOUR) on the story's calendar, and its
 * hour/minute reminders before the start of its day; an exact deadline gets its day reminders at the
 * same local wall time N days before. Wall times are converted with the zone's rules of that day, so
 * the reminders stay at the same local hour across daylight-saving changes.
 */
import type { Dataset, Story } from "../dataset/dataset.js";
import type { Deadline } from "../dataset/schema.js";
import {
  addDays,
  formatInstant,
  formatLongDate,
  localDateOf,
  parseWhen,
  relativeDays,
  wallTime,
  zonedInstant,
} from "../time/calendar.js";

export interface Alert {
  /** Stable across runs: story, deadline and lead time. */
  id: string;
  at: Date;
  storyId: string;
  deadlineId: string;
  lead: string;
  text: string;
}

export interface PlanOptions {
  /** Local hour of day reminders for date-only deadlines. */
  reminderHour: number;
  /** Lead times to use instead of each deadline's (a channel's own choice). */
  leadTimes?: readonly string[];
}

export interface Lead {
  amount: number;
  unit: "d" | "h" | "m";
}

export function parseLead(lead: string): Lead {
  const m = /^(\d+)([dhm])$/.exec(lead);
  if (!m) throw new Error(`not a lead time: ${lead} (use 1d, 2h or 30m)`);
  return { amount: Number(m[1]), unit: m[2] as Lead["unit"] };
}

const MS = { h: 3_600_000, m: 60_000 } as const;

function durationText(lead: Lead): string {
  const word = lead.unit === "h" ? "hour" : "minute";
  return `in ${lead.amount} ${word}${lead.amount === 1 ? "" : "s"}`;
}

/** When a reminder of `deadline` with `lead` fires, and what it says. */
export function alertFor(story: Story, deadline: Deadline, leadText: string, options: PlanOptions): Alert {
  const tz = story.story.timeZone;
  const due = parseWhen(deadline.due);
  const lead = parseLead(leadText);
  let at: Date;
  let when: string;
  if (due.precision === "date") {
    const day = formatLongDate(due.date);
    if (lead.unit === "d") {
      at = zonedInstant(addDays(due.date, -lead.amount), options.reminderHour, 0, tz);
      when = `${relativeDays(lead.amount)}, ${day}`;
    } else {
      at = new Date(zonedInstant(due.date, 0, 0, tz).getTime() - lead.amount * MS[lead.unit]);
      when = `${durationText(lead)}, ${day}`;
    }
  } else {
    const exact = formatInstant(due.instant, tz);
    if (lead.unit === "d") {
      const w = wallTime(due.instant, tz);
      at = zonedInstant(addDays(localDateOf(due.instant, tz), -lead.amount), w.hour, w.minute, tz);
      when = `${relativeDays(lead.amount)}, ${exact}`;
    } else {
      at = new Date(due.instant.getTime() - lead.amount * MS[lead.unit]);
      when = `${durationText(lead)}, ${exact}`;
    }
  }
  const disputed =
    deadline.status === "disputed" ? ` Disputed: ${deadline.statusNote ?? "see /deadlines"}` : "";
  return {
    id: `${story.story.id}:${deadline.id}:${leadText}`,
    at,
    storyId: story.story.id,
    deadlineId: deadline.id,
    lead: leadText,
    text: `${deadline.phrase} ${when}.${disputed}`,
  };
}

/** Every alert of one story, in time order. Deadlines already met or missed get none. */
export function storyAlerts(story: Story, options: PlanOptions): Alert[] {
  const alerts: Alert[] = [];
  for (const deadline of story.deadlines) {
    if (deadline.status === "met" || deadline.status === "missed") continue;
    const leads = options.leadTimes ?? deadline.reminders ?? story.reminders.leadTimes;
    for (const lead of new Set(leads)) alerts.push(alertFor(story, deadline, lead, options));
  }
  return alerts.sort(byTime);
}

export function byTime(a: Alert, b: Alert): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The alerts due in [from, to) across every story of the dataset, in time order. */
export function planAlerts(
  dataset: Dataset,
  window: { from: Date; to: Date },
  options: PlanOptions,
): Alert[] {
  const from = window.from.getTime();
  const to = window.to.getTime();
  return dataset.stories
    .flatMap((s) => storyAlerts(s, options))
    .filter((a) => a.at.getTime() >= from && a.at.getTime() < to)
    .sort(byTime);
}
