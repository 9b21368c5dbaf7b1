/**
 * What the bot counts, reported by the code where each thing happens: the core when it answers a
 * command, the adapters when they defer an answer, lose their connection or wait out a rate limit,
 * the deliverer and the scheduler when an alert ends, the store wrapper when a query answers. The
 * composition root hands each part one Metrics object (or none: `noMetrics`); no part imports a
 * registry. Every label comes from a small fixed set (the registry's commands, the platforms, the
 * outcomes below, the store's operations): a channel, user or workspace id is never a label.
 */
import type { PlatformName } from "../store/store.js";

/** ok: answered; error: answered with an error (a bad option, a refusal, a failure that was logged); failed: threw. */
export type CommandOutcome = "ok" | "error" | "failed";
export const COMMAND_OUTCOMES: readonly CommandOutcome[] = ["ok", "error", "failed"];

/** How one alert ended in one channel. */
export type AlertOutcome = "sent" | "sent_late" | "skipped" | "failed" | "deduplicated";
export const ALERT_OUTCOMES: readonly AlertOutcome[] = [
  "sent",
  "sent_late",
  "skipped",
  "failed",
  "deduplicated",
];

/** How one fetch of a feed ended. */
export type FeedFetchResult = "ok" | "not-modified" | "failed";
export const FEED_FETCH_RESULTS: readonly FeedFetchResult[] = ["ok", "not-modified", "failed"];

/** Why a feed's fetch failed or was refused: a small fixed set (the words are on the feed's state). */
export const FEED_ERROR_REASONS = [
  "address",
  "timeout",
  "too-large",
  "redirects",
  "rate-limited",
  "http",
  "network",
  "html",
  "malformed",
  "not-a-feed",
] as const;
export type FeedErrorReason = (typeof FEED_ERROR_REASONS)[number];

export interface Metrics {
  /** A command started on `platform`; call the result once, when it is answered, with how. */
  commandStarted(command: string, platform: PlatformName): (outcome: CommandOutcome) => void;
  /** An answer was not ready within the platform's window and was deferred. */
  answerDeferred(platform: PlatformName): void;
  /** `count` deliveries of alerts ended with `outcome`. */
  alertsEnded(outcome: AlertOutcome, count: number): void;
  /** Deliveries waiting in a fan-out: `delta` more (positive) or fewer (negative). */
  fanOutQueued(delta: number): void;
  /** A store operation started; call the result when it has answered (or failed). */
  storeStarted(operation: string): () => void;
  /** A platform connection (Discord's gateway, Slack's Socket Mode) is being re-established. */
  reconnecting(platform: PlatformName): void;
  /** A platform client is waiting out a rate limit before sending. */
  rateLimited(platform: PlatformName): void;
  /** A story's feed (its id in the data) was fetched, with this result. */
  feedFetched(story: string, feed: string, result: FeedFetchResult): void;
  /** A story's feed failed or was refused, for this reason. */
  feedFailed(story: string, feed: string, reason: FeedErrorReason): void;
  /** `count` new leads came from a story's feed. */
  leadsFound(story: string, feed: string, count: number): void;
}

const nothing = () => {};

/** Counts nothing: for tests, benchmarks and tools that do not serve /metrics. */
export const noMetrics: Metrics = {
  commandStarted: () => nothing,
  answerDeferred: nothing,
  alertsEnded: nothing,
  fanOutQueued: nothing,
  storeStarted: () => nothing,
  reconnecting: nothing,
  rateLimited: nothing,
  feedFetched: nothing,
  feedFailed: nothing,
  leadsFound: nothing,
};
