/**
 * `GET /calendar/<story>.ics`: a story's calendar feed (./feed.ts) as known now, served beside the
 * health and metrics routes (HEALTH_PORT, or Slack's HTTP server when they share its port).
 *
 * - 200 `text/calendar; charset=utf-8` with a strong ETag (a SHA-256 of the body) and
 *   `Cache-Control: public, max-age=300`; `If-None-Match` with that ETag (or `*`) gets 304.
 * - HEAD gets the same headers without the body; other methods get 405.
 * - `?language=ar` (he, fr) writes the feed in that language (absent or `en`: the English feed); an
 *   unknown language gets 400 in plain text, naming the languages. The UIDs are the same in each.
 * - An unknown story, or a path that names none, gets 404 in plain text (in the asked language).
 * Every request reads the live dataset (reloads count at once) at the injected clock's instant.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { storyAt } from "../dataset/asof.js";
import type { Dataset, Story } from "../dataset/dataset.js";
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
} from "../language/languages.js";
import { wordsFor } from "../language/words.js";
import type { Route } from "../monitoring/health.js";
import type { Clock } from "../time/clock.js";
import { calendarEntries } from "./entries.js";
import type { calendarFeed } from "./feed.js";

/** The route's path, in the form both the health server and Bolt's custom routes match. */
export const CALENDAR_ROUTE = "/calendar/:file";

/** How long clients and caches may keep a feed without asking again, in seconds. */
export const CALENDAR_MAX_AGE = 300;

/** A feed's path: `/calendar/<story>.ics`, with `?language=<language>` when it is not English. */
export function calendarPath(storyId: string, language: Language = DEFAULT_LANGUAGE): string {
  const path = `/calendar/${encodeURIComponent(storyId)}.ics`;
  return language === DEFAULT_LANGUAGE ? path : `${path}?language=${language}`;
}

const FILE = /^\/calendar\/([a-z0-9][a-z0-9-]*)\.ics$/;

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(`${text}\n`);
}

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 13.1.2) or is `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export interface BuiltFeed {
  body: string;
  /** A strong ETag: the body's SHA-256, quoted. */
  etag: string;
}

/**
 * A story's feed at an instant with its ETag, written again only when its entries changed (a new
 * fact became known, or the data was reloaded): writing the iCalendar text costs far more than
 * reading the entries (BENCHMARKS.md, "Calendar feed"). Each route keeps its own last feed per story
 * and language, so readers of two languages do not write each other's feed again at every fetch.
 */
export function feedBuilder(
  write: typeof calendarFeed,
): (story: Story, instant: Date, language?: Language) => BuiltFeed {
  const last = new WeakMap<Story, Map<Language, BuiltFeed & { key: string }>>();
  return (story, instant, language = DEFAULT_LANGUAGE) => {
    const at = storyAt(story, instant, language);
    const entries = calendarEntries(at);
    const key = JSON.stringify(entries);
    let kept = last.get(story);
    if (!kept) {
      kept = new Map();
      last.set(story, kept);
    }
    const mine = kept.get(language);
    if (mine?.key === key) return mine;
    const body = write(at, entries);
    const built = { key, body, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
    kept.set(language, built);
    return built;
  };
}

export interface CalendarSources {
  /** The live dataset: read on every request. */
  data: { readonly dataset: Dataset };
  clock: Clock;
  log: Logger;
  /** Where feeds are kept between requests; by default a builder of its own, made on the first request. */
  build?: (story: Story, instant: Date, language?: Language) => BuiltFeed;
}

/** Answers one request for a feed. */
export function serveCalendar(
  sources: CalendarSources & Required<Pick<CalendarSources, "build">>,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    plain(res, 405, "GET or HEAD only", { allow: "GET, HEAD" });
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  const asked = url.searchParams.get("language") ?? DEFAULT_LANGUAGE;
  if (!isLanguage(asked)) {
    const languages = LANGUAGES.map((l) => `${l} (${LANGUAGE_NAMES[l]})`).join(", ");
    plain(
      res,
      400,
      wordsFor(DEFAULT_LANGUAGE).t("calendar-feed.unknown-language", { language: asked, languages }),
    );
    return;
  }
  const words = wordsFor(asked);
  const dataset = sources.data.dataset;
  const story = dataset.byId.get(FILE.exec(url.pathname)?.[1] ?? "");
  if (!story) {
    const feeds = dataset.stories.map((s) => calendarPath(s.story.id, asked));
    plain(res, 404, words.t("calendar-feed.not-found", { feeds: feeds.join(", ") }));
    return;
  }
  const { body, etag } = sources.build(story, sources.clock.now(), asked);
  const headers = { etag, "cache-control": `public, max-age=${CALENDAR_MAX_AGE}` };
  const ifNoneMatch = req.headers["if-none-match"];
  if (matchesEtag(typeof ifNoneMatch === "string" ? ifNoneMatch : undefined, etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    "content-type": "text/calendar; charset=utf-8",
    "content-language": asked,
    "content-length": String(Buffer.byteLength(body)),
    "content-disposition": `inline; filename="${story.story.id}.ics"`,
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

/**
 * The calendar route, by path, to add to the health routes. The iCalendar writer (ical-generator,
 * luxon, the time zones' definitions) loads with the first request, not with the bot.
 */
export function calendarRoutes(options: CalendarSources): Record<string, Route> {
  let build = options.build;
  const builder = async () => {
    build ??= feedBuilder((await import("./feed.js")).calendarFeed);
    return build;
  };
  return {
    [CALENDAR_ROUTE]: (req, res) => {
      builder()
        .then((loaded) => serveCalendar({ ...options, build: loaded }, req, res))
        .catch((err: unknown) => {
          options.log.error({ err }, "calendar route failed");
          if (!res.headersSent) plain(res, 500, "internal error");
          if (!res.writableEnded) res.end();
        });
    },
  };
}
