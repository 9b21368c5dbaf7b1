/**
 * The reminder planner: a pure function from the dataset and a time window to the alerts due in it.
 * The scheduler calls it every minute; `ceasefire-bot replay` prints it for any window.
 *
 * Lead times: "Nd" is N calendar days before, "Nh"/"Nm" N hours/minutes before. Day reminders fire at
 * the story's reminder hour (its `reminders.hour`, else REMINDER_HOUR) on the story's calendar; a
 * date-only deadline gets its hour/minute reminders before the start of its day. Wall times are
 * converted with the zone's rules of that day, so reminders stay at the same local hour across
 * daylight-saving changes. Reminders follow the due date in force when they fire (a moved deadline
 * is reminded of at its new date) and the status in force then
 * (docs/decisions/0009-true-and-known-at-an-instant.md).
 */
import type { Dataset, DeadlineTrack, DueVersion, Story } from "../dataset/dataset.js";
import type { DeadlineStatus } from "../dataset/schema.js";
import { ENGLISH, type Words } from "../language/words.js";
import { addDays, daysBetween, localDateOf, type When, wallTime, zonedInstant } from "../time/calendar.js";

export interface Alert {
  /** Stable across runs: story, deadline and lead time. */
  id: string;
  at: Date;
  storyId: string;
  deadlineId: string;
  lead: string;
  /** What it says, in the words it was planned with (English unless asked otherwise). */
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

/** "in 6 hours", "in 30 minutes". */
function durationText(lead: Lead, words: Words): string {
  return words.t(lead.unit === "h" ? "alerts.in.hours" : "alerts.in.minutes", { count: lead.amount });
}

/** Statuses after which no reminder of the deadline goes out. */
const CLOSED: ReadonlySet<DeadlineStatus> = new Set(["met", "missed", "cancelled"]);
/** Statuses that leave the due date in force stale unless a move set it after them. */
const UNSETTLED: ReadonlySet<DeadlineStatus> = new Set(["extended", "postponed"]);

function hourMinute(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
}

/** The local hour of day reminders of a story: its own, else the bot's REMINDER_HOUR. */
export function reminderHourOf(story: Story, options: PlanOptions): number {
  return story.reminders.hour ?? options.reminderHour;
}

/**
 * When a reminder of one due date of a deadline with `lead` fires, and what it says. A day lead
 * ("1d", "0d") fires at the reminder hour N days before the due day; a reminder of an exact-time
 * deadline never fires at or after the deadline, so when the reminder hour of its day is past it (a
 * 04:00 deadline) the reminder comes the day before ("tomorrow at 04:00"). Hour and minute leads
 * fire exactly that long before.
 */
export function alertFor(
  story: Story,
  track: DeadlineTrack,
  version: DueVersion,
  leadText: string,
  options: PlanOptions,
  words: Words = ENGLISH,
): Alert {
  const tz = story.story.timeZone;
  const deadline = track.deadline;
  const due = version.due;
  const lead = parseLead(leadText);
  const hour = reminderHourOf(story, options);
  let at: Date;
  let when: string;
  if (due.precision === "date") {
    const date = words.longDate(due.date);
    if (lead.unit === "d") {
      at = zonedInstant(addDays(due.date, -lead.amount), hour, 0, tz);
      when = words.t("alerts.when.day", { relative: words.relativeDays(lead.amount), date });
    } else {
      at = new Date(zonedInstant(due.date, 0, 0, tz).getTime() - lead.amount * MS[lead.unit]);
      when = words.t("alerts.when.within", { duration: durationText(lead, words), date });
    }
  } else {
    const dueDay = localDateOf(due.instant, tz);
    const time = hourMinute(due.instant, tz);
    const date = words.longDate(dueDay);
    if (lead.unit === "d") {
      let firing = addDays(dueDay, -lead.amount);
      at = zonedInstant(firing, hour, 0, tz);
      while (at.getTime() >= due.instant.getTime()) {
        firing = addDays(firing, -1);
        at = zonedInstant(firing, hour, 0, tz);
      }
      const relative = words.relativeDays(daysBetween(firing, dueDay));
      when = words.t("alerts.when.day-at", { relative, time, date });
    } else {
      at = new Date(due.instant.getTime() - lead.amount * MS[lead.unit]);
      when = words.t("alerts.when.within-at", { duration: durationText(lead, words), time, date });
    }
  }
  const status = track.statuses.at(at.getTime());
  const was = version.move ? track.dues.entries[version.version - 1] : undefined;
  const phrase = deadline.phrase;
  const sentence =
    version.move && was
      ? words.t("alerts.reminder.moved", {
          phrase,
          when,
          was: whenText(was.due, tz, words),
          by: version.move.attribution,
        })
      : words.t("alerts.reminder", { phrase, when });
  const disputed =
    status?.value === "disputed"
      ? ` ${words.t("alerts.disputed", { note: status.note ?? words.t("alerts.disputed.see") })}`
      : "";
  return {
    id: `${story.story.id}:${version.key}:${leadText}`,
    at,
    storyId: story.story.id,
    deadlineId: deadline.id,
    lead: leadText,
    text: `${sentence}${disputed}`,
  };
}

/** A due date in words: "Sunday 26 January 2025", or with its time for an exact one. */
export function whenText(when: When, timeZone: string, words: Words = ENGLISH): string {
  if (when.precision === "date") return words.longDate(when.date);
  const date = words.longDate(localDateOf(when.instant, timeZone));
  return words.t("alerts.when.date-at", { date, time: hourMinute(when.instant, timeZone) });
}

/**
 * The alert of a ledger key (`story:deadline@due:lead`) as the data has it now, in `words`; undefined
 * when its story, deadline or due date is no longer in the data.
 */
export function alertOfKey(
  dataset: Dataset,
  key: string,
  options: PlanOptions,
  words: Words = ENGLISH,
): Alert | undefined {
  const [storyId, dueKey, lead] = key.split(":");
  const story = storyId ? dataset.byId.get(storyId) : undefined;
  const track = dueKey ? story?.tracks.deadlinesById.get(dueKey.split("@")[0] ?? "") : undefined;
  const version = track?.dues.entries.find((v) => v.key === dueKey);
  if (!story || !track || !version || !lead) return undefined;
  return alertFor(story, track, version, lead, options, words);
}

/**
 * Whether a reminder planned for `at` of this due date goes out: the deadline existed then, this due
 * date was the one in force then, and its status then neither closed it (met, missed, cancelled)
 * nor left its date stale (extended or postponed after this date was set, with no new date yet).
 */
function firesAt(track: DeadlineTrack, version: DueVersion, at: number): boolean {
  if (track.existsFrom > at || track.dues.at(at) !== version) return false;
  const status = track.statuses.at(at);
  if (!status) return true;
  if (CLOSED.has(status.value)) return false;
  return !(UNSETTLED.has(status.value) && status.from > version.visibleFrom);
}

/** Every reminder of one story, in time order. */
export function storyAlerts(story: Story, options: PlanOptions): Alert[] {
  const alerts: Alert[] = [];
  for (const track of story.tracks.deadlines) {
    const leads = options.leadTimes ?? track.deadline.reminders ?? story.reminders.leadTimes;
    for (const version of track.dues.entries) {
      const taken = new Set<number>();
      for (const lead of new Set(leads)) {
        const alert = alertFor(story, track, version, lead, options);
        const at = alert.at.getTime();
        // Two leads that land on one instant (both "the day before" a 04:00 deadline) send one message.
        if (taken.has(at) || !firesAt(track, version, at)) continue;
        taken.add(at);
        alerts.push(alert);
      }
    }
  }
  return alerts.sort(byTime);
}

export function byTime(a: Alert, b: Alert): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The alerts due in [from, to) across the given stories (default: every story), in time order. */
export function planAlerts(
  dataset: Dataset,
  window: { from: Date; to: Date },
  options: PlanOptions,
  stories: readonly Story[] = dataset.stories,
): Alert[] {
  const from = window.from.getTime();
  const to = window.to.getTime();
  return stories
    .flatMap((s) => storyAlerts(s, options))
    .filter((a) => a.at.getTime() >= from && a.at.getTime() < to)
    .sort(byTime);
}
