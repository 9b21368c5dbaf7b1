/**
 * The digest of a story's new leads, as its curators' channel gets it: the fixed window it covers,
 * its ledger key, and its Reply. Windows are fixed per interval (a window ends at an instant floored
 * to the interval since the epoch), so every process, and a process after its restart, computes the
 * same window and the same key for the same tick, and the delivery ledger sends each digest once.
 *
 * Feed text is untrusted: titles and outlets go into the Reply as plain text spans, which every
 * renderer escapes (no markdown, no mentions: Discord sends allowed_mentions none, Slack's mrkdwn is
 * escaped), and each is cut short here so the payload fits whatever the feed said.
 */
import { cutText } from "../dataset/text-safety.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { Reply, ReplyButton, Rich } from "../reply/reply.js";
import type { Lead } from "./lead.js";

/** Every digest's ledger key starts with this (`leads:<story>:<window end ISO>`). */
export const DIGEST_PREFIX = "leads:";
/** At most this many leads are listed, one line each; the rest are counted. */
export const DIGEST_LINES = 5;
/** Longest outlet and title shown on a line (characters; the rest is cut with "…"). */
export const OUTLET_CHARS = 60;
export const TITLE_CHARS = 180;
/** Longest story title in the digest's title. */
const STORY_CHARS = 100;

/** A window of found instants: after `start` (exclusive) up to `end` (inclusive). */
export interface DigestWindow {
  start: Date;
  end: Date;
}

/** The window closed last at `at`: it ends at `at` floored to the interval. */
export function windowAt(at: Date, intervalMs: number): DigestWindow {
  const end = Math.floor(at.getTime() / intervalMs) * intervalMs;
  return { start: new Date(end - intervalMs), end: new Date(end) };
}

/** The window that ends at `end`. */
export function windowEnding(end: Date, intervalMs: number): DigestWindow {
  return { start: new Date(end.getTime() - intervalMs), end };
}

export function digestKey(story: string, window: DigestWindow): string {
  return `${DIGEST_PREFIX}${story}:${window.end.toISOString()}`;
}

/** The story and window end of a digest's key; undefined when the key is not a digest's. */
export function parseDigestKey(key: string): { story: string; end: Date } | undefined {
  const match = /^leads:([a-z0-9][a-z0-9-]*):(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)$/.exec(key);
  if (!match?.[1] || !match[2]) return undefined;
  const end = new Date(match[2]);
  return Number.isNaN(end.getTime()) ? undefined : { story: match[1], end };
}

/** The desk page of a story's leads under the desk's public address. */
export function deskLeadsUrl(deskUrl: string, story: string): string {
  return `${deskUrl}/desk/stories/${encodeURIComponent(story)}/leads`;
}

/** `text` on one line, at most `max` characters (cut with "…"). */
export function oneLine(text: string, max: number): string {
  const flat = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...flat];
  return chars.length <= max ? flat : cutText(flat, max);
}

/** "3 new leads for <story>", in `words`. */
export function digestSummary(count: number, storyTitle: string, words: Words = ENGLISH): string {
  return words.t("digest.title", { count, story: oneLine(storyTitle, STORY_CHARS) });
}

export interface DigestInput {
  storyId: string;
  storyTitle: string;
  /** The leads found in the window, oldest first (at least one). */
  leads: readonly Lead[];
  /** The desk's public address; undefined: no button, and a line saying so. */
  deskUrl: string | undefined;
  /** How late the digest is sent ("sent 2 hours late"), when it is. */
  late?: string | undefined;
  /** The curators' channel's words (English when absent). */
  words?: Words | undefined;
}

/** The digest as a Reply: a title with the count, a line per lead (at most five), the desk's button. */
export function digestReply(input: DigestInput): Reply {
  const { leads } = input;
  const words = input.words ?? ENGLISH;
  const lines: Rich[] = leads.slice(0, DIGEST_LINES).map((l) => [
    words.t("digest.line", {
      outlet: oneLine(l.outlet, OUTLET_CHARS) || words.t("digest.unknown-outlet"),
      title: oneLine(l.title, TITLE_CHARS),
    }),
  ]);
  if (leads.length > DIGEST_LINES)
    lines.push([words.t("digest.more", { count: leads.length - DIGEST_LINES })]);
  const buttons: ReplyButton[] = input.deskUrl
    ? [{ label: words.t("digest.open"), url: deskLeadsUrl(input.deskUrl, input.storyId) }]
    : [];
  const summary: string[] = [words.t("digest.unchecked")];
  if (!input.deskUrl) summary.push(` ${words.t("digest.no-desk")}`);
  if (input.late) summary.push(` ${words.t("alerts.late-note", { late: input.late })}`);
  return {
    kind: "answer",
    title: digestSummary(leads.length, input.storyTitle, words),
    ...(words.language === "en" ? {} : { language: words.language }),
    summary,
    lines,
    ephemeral: false,
    ...(buttons.length ? { buttons } : {}),
  };
}
