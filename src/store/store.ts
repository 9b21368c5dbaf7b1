/**
 * What the alerts need to remember across restarts, behind one small async interface so the bot can
 * run on a SQLite file (one process, no server) or on PostgreSQL (several processes, managed hosting)
 * with the same contract tests.
 *
 * - Subscriptions: which channels get reminders and/or news updates, since when, with which lead times.
 * - The delivery ledger: one row per (alert or update key, platform, channel). `claim` inserts it
 *   atomically (INSERT … ON CONFLICT DO NOTHING), so two processes, or a process and its restart, never
 *   both send; the row then ends as sent, sent_late, skipped (with the reason) or failed (gone). A
 *   claim carries its owner and a lease the owner renews while it works on the row; nobody else
 *   touches a claimed row before its lease has ended.
 * - Scheduler state: a few named values (the instant planned up to, the dataset items already known),
 *   changed only through `updateState`, one process at a time.
 * - The edit record to the data.
 * - Leads the news feeds brought in, and each feed's state (the part feeds/lead.ts defines).
 *
 * Each engine (sqlite.ts, postgres.ts) opens its database and answers for the whole interface; each
 * concern's SQL is a part of its own with both dialects side by side: subscriptions-sql.ts,
 * claims-sql.ts (the ledger's writes), ledger-sql.ts (its reads), state-sql.ts, changes-sql.ts,
 * leads-sql.ts, languages-sql.ts (each person's chosen language), windows-sql.ts (turns in shared
 * time windows) and migrations.ts.
 */

import type { LeadStore } from "../feeds/lead.js";
import type { Language } from "../language/languages.js";
import type { EventStore } from "./event-store.js";
import type { UserLanguageStore } from "./languages-sql.js";
import type { ThreadStore } from "./threads-sql.js";
import type { WindowStore } from "./windows-sql.js";

/** A platform's name, as its entry in src/platforms/ gives it ("discord", "slack", "console", …). */
export type PlatformName = string;

/**
 * What a channel gets of a story. Readers' channels get reminders, updates or both (`all`); a
 * curators' channel (`leads`, set with /curators) gets only the digest of new leads, never a reader's alert.
 * `events` keeps the scheduled events of the channel's server in step with the story's deadlines
 * (src/calendar-events/); its channel gets no message.
 */
export type SubscriptionKind = "reminders" | "updates" | "all" | "leads" | "events";
export const SUBSCRIPTION_KINDS: readonly SubscriptionKind[] = [
  "reminders",
  "updates",
  "all",
  "leads",
  "events",
];
/** The kinds of a readers' channel. */
export type ReaderKind = Exclude<SubscriptionKind, "leads" | "events">;
export const READER_KINDS: readonly ReaderKind[] = ["reminders", "updates", "all"];

/** Whether a subscription makes its channel a readers' channel (reminders, updates or both). */
export function isReaders(sub: Pick<Subscription, "kind">): boolean {
  return sub.kind !== "leads" && sub.kind !== "events";
}

/** A channel on a platform (channel ids are unique per platform: Discord snowflakes, Slack C… ids). */
export interface ChannelRef {
  platform: PlatformName;
  channelId: string;
}

/** A channel's subscription to one story, or to every story ("*"). */
export interface StoryChannelRef extends ChannelRef {
  /** A story id, or ALL_STORIES. */
  story: string;
}

/** The `story` of a subscription that follows every story, present and future. */
export const ALL_STORIES = "*";

export interface SubscribeInput extends StoryChannelRef {
  /** Discord guild id or Slack team id (for listing and for per-workspace limits later). */
  workspaceId: string;
  kind: SubscriptionKind;
  /** The channel's own lead times ("1d", "2h"); undefined = each deadline's (the dataset's) own. */
  leadTimes?: readonly string[] | undefined;
  /** Who subscribed (platform user id), for the record. */
  userId?: string | undefined;
  /**
   * The language the channel's alerts are written in. Given, it replaces the row's; absent, an
   * active or old row keeps its own (a new row has none: English), so changing the kind or lead
   * times never loses the channel's language (docs/decisions/0031-who-gets-which-language.md).
   */
  language?: Language | undefined;
}

export interface Subscription extends StoryChannelRef {
  workspaceId: string;
  kind: SubscriptionKind;
  leadTimes: string[] | undefined;
  /** The channel gets nothing planned before this instant: no back-fill of old alerts on subscribe. */
  since: Date;
  active: boolean;
  createdBy: string | undefined;
  updatedAt: Date;
  deactivatedAt: Date | undefined;
  /** Why it stopped: "unsubscribed by U123", "gone: Unknown Channel (10003)". */
  deactivationReason: string | undefined;
  /** The language its alerts are written in (English when absent). */
  language?: Language;
}

/** The ledger row's key: one alert (or update) in one channel. */
export interface DeliveryRef extends ChannelRef {
  /** `gaza-2025:phase-one-end:1d` for a reminder, `update:gaza-2025:event:…` for an update, `leads:gaza-2025:<window end>` for a digest. */
  key: string;
}

/** A reminder, a news update, or a curators' digest of new leads. */
export type DeliveryKind = "reminder" | "update" | "digest";
export type DeliveryState = "claimed" | "sent" | "sent_late" | "skipped" | "failed";

export interface NewDelivery extends DeliveryRef {
  kind: DeliveryKind;
  /** When the item was due (the reminder's planned instant, the update's detection instant). */
  dueAt: Date;
  /** What the channel finds the message by after a crash (see delivery/marker.ts). */
  marker: string;
  /** One line for /subscriptions: what was (or was to be) said. */
  summary: string;
  /** Which process claims it (host:pid:…): the only one that may renew or retake it while its lease runs. */
  owner?: string;
  /** Until when the claim is its owner's; nobody else settles it before. Default: the claim's instant (free at once). */
  leaseUntil?: Date;
}

/** A claim's holder and how long it holds it. */
export interface Lease {
  owner: string;
  until: Date;
}

export interface Delivery extends NewDelivery {
  state: DeliveryState;
  /** Send attempts so far (a claim is the first). */
  attempts: number;
  claimedAt: Date;
  /** When the last claim's lease ends (or ended): from then on any process may retake the row. */
  leaseUntil: Date;
  finishedAt: Date | undefined;
  messageId: string | undefined;
  /** Why it was skipped or failed. */
  reason: string | undefined;
}

export type Outcome =
  | { state: "sent" | "sent_late"; messageId: string }
  | { state: "skipped" | "failed"; reason: string };

export type ChangeKind = "development" | "correction";

/** One change the bot loaded: a field of a story, as it was and as it is. */
export interface NewChangeRecord {
  story: string;
  /** Where in the story, like `figures.captives-remaining.values[3]`. */
  path: string;
  kind: ChangeKind;
  /** The JSON of the value before (undefined: added) and after (undefined: removed). */
  old: string | undefined;
  new: string | undefined;
  /** Who made it on the desk; undefined for an edit of the file by hand. */
  by: string | undefined;
}

export interface ChangeRecord extends NewChangeRecord {
  id: number;
  at: Date;
}

export interface Store extends LeadStore, EventStore, ThreadStore, UserLanguageStore, WindowStore {
  readonly engine: "sqlite" | "postgres";

  /** Subscribes a channel to a story, or changes that active subscription (keeping its `since`); re-activates an old one with `since = at`. */
  subscribe(input: SubscribeInput, at: Date): Promise<Subscription>;
  /**
   * Stops a channel's subscription to one story, or (no `story`: unsubscribe from everything, or the
   * platform says the channel is gone) all of them. How many were active.
   */
  deactivate(channel: ChannelRef & { story?: string | undefined }, reason: string, at: Date): Promise<number>;
  subscription(channel: StoryChannelRef): Promise<Subscription | undefined>;
  /** Every subscription of a channel, active or not, by story. */
  channelSubscriptions(channel: ChannelRef): Promise<Subscription[]>;
  /** Active subscriptions, oldest first. */
  activeSubscriptions(): Promise<Subscription[]>;

  /** Inserts a `claimed` row with attempts = 1 unless the row exists. True only for the caller that inserted it. */
  claim(entry: NewDelivery, at: Date): Promise<boolean>;
  /** Records an item the channel will not get (missed beyond the grace period). True when newly recorded. */
  skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean>;
  /**
   * Takes over an unconfirmed claim for another attempt: succeeds (attempts + 1, claimedAt = at, the new
   * owner and lease; without `lease`, free at once) only while the row is still `claimed` with
   * `attempts === seenAttempts` and its lease has ended by `at` or is `lease.owner`'s own, so two
   * recoverers never both resend and nobody takes a row from a live owner.
   */
  retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean>;
  /**
   * Extends `lease.owner`'s claims on `refs` to `lease.until` (those still claimed by it, whose lease
   * has not ended by `at`: a lease that ended may already be another's). How many were extended.
   */
  renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number>;
  /**
   * Ends every lease still running at `at`: a process that starts alone on its store (SQLite) holds
   * whatever its dead predecessor claimed, at once. How many there were.
   */
  endLeases(at: Date): Promise<number>;
  /** Ends a claimed row. Rows already ended are left as they are (false). */
  finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean>;
  delivery(ref: DeliveryRef): Promise<Delivery | undefined>;
  /** Rows still `claimed` whose lease has ended at or before `leaseEndedBy`, oldest claim first. */
  unconfirmed(leaseEndedBy: Date): Promise<Delivery[]>;
  /** Channels that were sent (on time or late) any item whose key starts with one of these prefixes. */
  receivedBy(keyPrefixes: readonly string[]): Promise<ChannelRef[]>;
  /** Channels that were sent (on time or late) any item with exactly one of these keys. */
  receivedKeys(keys: readonly string[]): Promise<ChannelRef[]>;
  /** The latest ledger rows whose key starts with one of these prefixes (a story's), newest claim first. */
  deliveriesOf(keyPrefixes: readonly string[], limit: number): Promise<Delivery[]>;
  /** A channel's latest ledger rows, newest claim first. */
  recentDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]>;

  /** Answers a trivial query (readiness probes); throws when the store cannot. */
  ping(): Promise<void>;

  /** Adds changes to the record, all at `at`. */
  recordChanges(changes: readonly NewChangeRecord[], at: Date): Promise<void>;
  /** A story's recorded changes, newest first. */
  changes(story: string, limit: number): Promise<ChangeRecord[]>;

  getState(name: string): Promise<string | undefined>;
  setState(name: string, value: string, at: Date): Promise<void>;
  /**
   * Reads the named values, lets `change` decide what to write from them, and writes it, as one step
   * that no other process's `updateState` interleaves with (PostgreSQL: a transaction under an advisory
   * lock of the schema; SQLite: an immediate transaction). `change` must not wait on anything.
   */
  updateState<T>(names: readonly string[], change: StateChange<T>, at: Date): Promise<T>;

  close(): Promise<void>;
}

/** What `updateState` does with the values it read (undefined: never set): the values to write, and a result. */
export type StateChange<T> = (values: ReadonlyMap<string, string | undefined>) => {
  set: Readonly<Record<string, string>>;
  result: T;
};

/**
 * Whether the store serves one bot process only (SQLite): every claim left in it when a process starts
 * is then a dead predecessor's. PostgreSQL serves any number of processes at once.
 */
export function servesOneProcess(store: Pick<Store, "engine">): boolean {
  return store.engine === "sqlite";
}

/** Ended states: the row will never be sent again. */
export function isFinal(state: DeliveryState): boolean {
  return state !== "claimed";
}
