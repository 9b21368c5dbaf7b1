/**
 * The news feeds a story watches (its optional `feeds` list): RSS 2.0, Atom or JSON Feed addresses the
 * intake polls, each at its own interval, with optional keywords. What the feeds bring in are leads for
 * curators (src/feeds/), never news for readers.
 */
import { z } from "zod";
import { id } from "./schema-fields.js";

/** The shortest interval a feed may be polled at, and the one it gets when the file names none. */
export const FEED_INTERVAL_MIN = "5m";
export const FEED_INTERVAL_DEFAULT = "30m";
/** The longest interval (a day): a feed polled less often than that is not watched. */
export const FEED_INTERVAL_MAX = "24h";

/** An interval written like "15m" or "1h", in milliseconds; undefined when it is not written so. */
export function intervalMs(text: string): number | undefined {
  const m = /^(\d{1,4})([mh])$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === "h" ? 3_600_000 : 60_000);
}

const MIN_MS = intervalMs(FEED_INTERVAL_MIN) ?? 0;
const MAX_MS = intervalMs(FEED_INTERVAL_MAX) ?? 0;

export const feedInterval = z
  .string()
  .regex(/^\d{1,4}[mh]$/, 'must be a number and a unit m or h, like "15m" or "1h"')
  .superRefine((text, ctx) => {
    const ms = intervalMs(text);
    if (ms === undefined) return; // the pattern says what is wrong
    if (ms < MIN_MS) ctx.addIssue({ code: "custom", message: `must be at least ${FEED_INTERVAL_MIN}` });
    else if (ms > MAX_MS) ctx.addIssue({ code: "custom", message: `must be at most ${FEED_INTERVAL_MAX}` });
  })
  .describe(
    `How often to poll the feed: "15m", "1h" (at least ${FEED_INTERVAL_MIN}, at most ${FEED_INTERVAL_MAX}).`,
  );

/** A feed's address: http: or https: only. */
const feedAddress = z
  .url({
    protocol: /^https?$/,
    error: (issue) => {
      const input = typeof issue.input === "string" ? issue.input : "";
      const scheme = URL.canParse(input) ? new URL(input).protocol : undefined;
      return scheme && !/^https?:$/.test(scheme)
        ? `must be an http: or https: address, not ${scheme}`
        : "Invalid URL";
    },
  })
  .describe("The feed's address (RSS 2.0, Atom or JSON Feed): http:// or https:// only.");

const keywords = z
  .array(
    z
      .string()
      .trim()
      .max(100, "must be at most 100 characters")
      .refine((s) => /[\p{L}\p{N}]/u.test(s), "must hold a word (a letter or a digit)"),
  )
  .max(100, "at most 100 keywords");

export const feedSchema = z
  .object({
    id,
    url: feedAddress,
    outlet: z.string().trim().min(1).max(100).describe("Who publishes the feed, as leads name it."),
    interval: feedInterval.default(FEED_INTERVAL_DEFAULT),
    include: keywords
      .optional()
      .describe(
        "Only items whose title or summary has one of these words or phrases become leads (case and accents ignored).",
      ),
    exclude: keywords
      .optional()
      .describe("Items whose title or summary has one of these words or phrases are left out."),
  })
  .strict();

export type Feed = z.output<typeof feedSchema>;

/** A story's `feeds`: none when the file names none. */
export const feedsSchema = z
  .array(feedSchema)
  .default([])
  .describe("News feeds to watch for leads (curators' reading, never posted to channels).");
