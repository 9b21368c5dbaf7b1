/**
 * One round of the intake: every feed that is due (its state's nextFetchAt has come) is fetched
 * conditionally, a few at a time; each new item, cleaned and kept by the feed's keywords, becomes a
 * lead (one per story and link); and the feed's state says how it went: the validators for the next
 * conditional request, when it is next due (its interval; after a failure, the interval doubled per
 * failure in a row up to a day; never before a Retry-After), and why it failed, in words. One feed's
 * failure is caught and written on its state: it never stops the others.
 */
import type { Feed } from "../dataset/schema-feeds.js";
import { intervalMs } from "../dataset/schema-feeds.js";
import type { FeedErrorReason, Metrics } from "../monitoring/metrics.js";
import { normalizeLink, plainText, SUMMARY_MAX, TITLE_MAX } from "./clean.js";
import { type FetchLimits, fetchFeed } from "./fetch-feed.js";
import { matchKeywords } from "./keywords.js";
import type { FeedState, LeadStore, NewLead } from "./lead.js";
import { type FeedItem, parseFeedDocument } from "./parse-feed.js";

/** A feed of a story's list. */
export interface WatchedFeed {
  story: string;
  feed: Feed;
}

export interface PollOptions {
  store: LeadStore;
  limits: FetchLimits;
  metrics: Pick<Metrics, "feedFetched" | "feedFailed" | "leadsFound">;
  /** Feeds fetched at once (default 8). */
  concurrency?: number;
}

export interface RoundReport {
  fetched: number;
  notModified: number;
  failed: number;
  newLeads: number;
}

const DAY = 24 * 3_600_000;
/** The longest a Retry-After is obeyed for. */
const RETRY_AFTER_MAX = 7 * DAY;

/** The state of a feed never fetched: due now. */
export function firstState(story: string, feedId: string, at: Date): FeedState {
  return {
    story,
    feedId,
    etag: undefined,
    lastModified: undefined,
    nextFetchAt: at,
    failures: 0,
    lastFetchedAt: undefined,
    lastOkAt: undefined,
    lastError: undefined,
    lastItems: 0,
    lastNewLeads: 0,
  };
}

/** The wait before the next fetch after `failures` failures in a row: the interval doubled each time, up to a day. */
export function backOffMs(interval: number, failures: number): number {
  return Math.min(DAY, interval * 2 ** Math.min(failures, 20));
}

/** The items of a document as leads of the feed: cleaned, links normalized, kept by the keywords; why others were left out. */
export function itemsToLeads(
  watched: WatchedFeed,
  items: readonly FeedItem[],
): { leads: NewLead[]; leftOut: string[] } {
  const { story, feed } = watched;
  const leads = new Map<string, NewLead>();
  const leftOut: string[] = [];
  for (const item of items) {
    const link = normalizeLink(item.link, feed.url);
    if (!link.ok) {
      leftOut.push(link.reason);
      continue;
    }
    const title = plainText(item.title, TITLE_MAX);
    const summary = plainText(item.summary, SUMMARY_MAX);
    if (title === "") {
      leftOut.push("the item has no title");
      continue;
    }
    const verdict = matchKeywords(feed, title, summary);
    if (!verdict.keep || leads.has(link.link)) continue;
    leads.set(link.link, {
      story,
      feedId: feed.id,
      outlet: feed.outlet,
      title,
      link: link.link,
      publishedAt: item.publishedAt,
      summary,
      matched: verdict.matched,
    });
  }
  return { leads: [...leads.values()], leftOut };
}

/** "2 items left out: the item's link is a javascript: address". */
function leftOutNote(reasons: readonly string[]): string | undefined {
  if (reasons.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const words = [...counts].map(([r, n]) => (n > 1 ? `${r} (${n} items)` : r)).join("; ");
  return `${reasons.length} item${reasons.length > 1 ? "s" : ""} left out: ${words}`;
}

type Outcome =
  | {
      kind: "ok";
      etag: string | undefined;
      lastModified: string | undefined;
      items: number;
      leads: NewLead[];
      note: string | undefined;
    }
  | { kind: "not-modified"; etag: string | undefined; lastModified: string | undefined }
  | { kind: "failed"; reason: FeedErrorReason; words: string; retryAfterMs?: number | undefined };

async function fetchAndRead(
  watched: WatchedFeed,
  state: FeedState,
  limits: FetchLimits,
  at: Date,
): Promise<Outcome> {
  const fetched = await fetchFeed(watched.feed.url, state, limits, at);
  if (fetched.kind === "failed")
    return {
      kind: "failed",
      reason: fetched.failure,
      words: fetched.reason,
      retryAfterMs: fetched.retryAfterMs,
    };
  if (fetched.kind === "not-modified") return fetched;
  const parsed = parseFeedDocument(fetched.body);
  if (!parsed.ok) return { kind: "failed", reason: parsed.failure, words: parsed.reason };
  const { leads, leftOut } = itemsToLeads(watched, parsed.items);
  return {
    kind: "ok",
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    items: parsed.items.length,
    leads,
    note: leftOutNote(leftOut),
  };
}

/** Fetches one feed and writes its state; never throws for the feed's own faults. */
async function pollFeed(
  watched: WatchedFeed,
  state: FeedState,
  options: PollOptions,
  at: Date,
  report: RoundReport,
) {
  const { story, feed } = watched;
  const interval = intervalMs(feed.interval) ?? 30 * 60_000;
  let outcome: Outcome;
  try {
    outcome = await fetchAndRead(watched, state, options.limits, at);
  } catch (err) {
    outcome = { kind: "failed", reason: "network", words: `the feed could not be read: ${String(err)}` };
  }
  const base = { ...state, lastFetchedAt: at };
  if (outcome.kind === "failed") {
    const failures = state.failures + 1;
    const wait = Math.max(
      backOffMs(interval, failures),
      Math.min(outcome.retryAfterMs ?? 0, RETRY_AFTER_MAX),
    );
    report.failed++;
    options.metrics.feedFetched(story, feed.id, "failed");
    options.metrics.feedFailed(story, feed.id, outcome.reason);
    await options.store.saveFeedState({
      ...base,
      failures,
      lastError: outcome.words,
      nextFetchAt: new Date(at.getTime() + wait),
    });
    return;
  }
  const next = new Date(at.getTime() + interval);
  if (outcome.kind === "not-modified") {
    report.notModified++;
    options.metrics.feedFetched(story, feed.id, "not-modified");
    await options.store.saveFeedState({
      ...base,
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      failures: 0,
      lastOkAt: at,
      lastError: undefined,
      nextFetchAt: next,
    });
    return;
  }
  const added = await options.store.addLeads(outcome.leads, at);
  report.fetched++;
  report.newLeads += added.length;
  options.metrics.feedFetched(story, feed.id, "ok");
  if (added.length > 0) options.metrics.leadsFound(story, feed.id, added.length);
  await options.store.saveFeedState({
    ...base,
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    failures: 0,
    lastOkAt: at,
    lastError: outcome.note,
    lastItems: outcome.items,
    lastNewLeads: added.length,
    nextFetchAt: next,
  });
}

/** One round at `at`: the due feeds fetched, `concurrency` at a time. */
export async function pollRound(
  feeds: readonly WatchedFeed[],
  options: PollOptions,
  at: Date,
): Promise<RoundReport> {
  const report: RoundReport = { fetched: 0, notModified: 0, failed: 0, newLeads: 0 };
  const due: [WatchedFeed, FeedState][] = [];
  for (const watched of feeds) {
    const state =
      (await options.store.feedState(watched.story, watched.feed.id)) ??
      firstState(watched.story, watched.feed.id, at);
    if (state.nextFetchAt.getTime() <= at.getTime()) due.push([watched, state]);
  }
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < due.length; i = next++) {
      const [watched, state] = due[i] ?? [];
      // The store failing for one feed (its state stays as it was: due again) does not stop the others.
      if (watched && state)
        await pollFeed(watched, state, options, at, report).catch(() => {
          report.failed++;
        });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  return report;
}
