/**
 * Leads: what the news feeds a story watches brought in, for a curator to read. A lead is never news:
 * nothing reaches a readers' channel from it. A curator either starts a draft from it on the desk (the
 * saved entry then cites the lead's article, and the lead is `used`, linked to that entry) or dismisses
 * it (recorded, no reason needed).
 */

export type LeadState = "new" | "used" | "dismissed";
export const LEAD_STATES: readonly LeadState[] = ["new", "used", "dismissed"];

/** One item of a feed, cleaned, as the intake hands it to the store. */
export interface NewLead {
  story: string;
  /** The feed's id in the story's `feeds` list. */
  feedId: string;
  /** Who published it (the feed's outlet as the story names it). */
  outlet: string;
  /** Plain text: no markup, no control characters, at most 300 characters. */
  title: string;
  /** The article's address, normalized (see feeds/links.ts): one lead per (story, link). */
  link: string;
  /** When the feed says it was published; undefined when it does not say. */
  publishedAt: Date | undefined;
  /** Plain text, at most 1,000 characters ("" when the feed gives none). */
  summary: string;
  /** The story's include keywords found in the title or summary (empty when the feed has none). */
  matched: string[];
}

export interface Lead extends NewLead {
  id: number;
  /** When the intake first saw it. */
  foundAt: Date;
  state: LeadState;
  /** For a used lead: where the saved entry is in the story (`figures.captives-remaining.values[12]`). */
  usedFor: string | undefined;
  /** The curator who used or dismissed it. */
  decidedBy: string | undefined;
  decidedAt: Date | undefined;
}

/** What a curator did with a lead. */
export type LeadDecision = { state: "used"; usedFor: string } | { state: "dismissed" };

/** How a feed has fared: what the next conditional request sends, when it is due, what went wrong. */
export interface FeedState {
  story: string;
  feedId: string;
  etag: string | undefined;
  lastModified: string | undefined;
  /** When the feed may next be fetched (its interval, a Retry-After, or back-off after failures). */
  nextFetchAt: Date;
  /** Failures in a row (0 after a success); the back-off grows with it. */
  failures: number;
  lastFetchedAt: Date | undefined;
  /** The last fetch that worked (200 or 304). */
  lastOkAt: Date | undefined;
  /** Why the last fetch was refused or failed, in words a curator understands; undefined after a success. */
  lastError: string | undefined;
  /** Items the feed gave in its last 200, and how many of them were new leads. */
  lastItems: number;
  lastNewLeads: number;
}

export interface LeadQuery {
  story: string;
  /** Undefined: every state. */
  state?: LeadState | undefined;
  limit: number;
  offset?: number | undefined;
}

/**
 * The store's part for the intake (the Store interface extends it; sqlite and postgres answer it,
 * tested by the one contract suite).
 */
export interface LeadStore {
  /** Inserts the leads not already there (same story and link); returns those it inserted, with their ids. */
  addLeads(leads: readonly NewLead[], at: Date): Promise<Lead[]>;
  /** A story's leads, newest first (published instant, else found instant), optionally of one state. */
  leads(query: LeadQuery): Promise<Lead[]>;
  /** How many leads a story has in each state. */
  leadCounts(story: string): Promise<Record<LeadState, number>>;
  lead(id: number): Promise<Lead | undefined>;
  /** Records a curator's decision on a lead that is still `new`; false when it was already decided. */
  decideLead(id: number, decision: LeadDecision, by: string, at: Date): Promise<boolean>;
  /** Leads found after `after` (exclusive) up to `until` (inclusive), oldest first, every state. */
  leadsFoundBetween(story: string, after: Date, until: Date): Promise<Lead[]>;

  feedState(story: string, feedId: string): Promise<FeedState | undefined>;
  feedStates(story: string): Promise<FeedState[]>;
  saveFeedState(state: FeedState): Promise<void>;
}
