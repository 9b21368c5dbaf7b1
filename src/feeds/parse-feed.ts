/**
 * A fetched feed document read with a kept feed library (feedsmith: RSS 2.0, Atom, RDF and JSON
 * Feed) into its items, or refused with a reason a curator understands: an HTML page, XML that is not
 * well-formed, JSON that does not parse, or a document of no feed format.
 */
import { XMLValidator } from "fast-xml-parser";
import { parseFeed } from "feedsmith";

/** One item as the feed gives it: text still as written (markup, entities), the link unresolved. */
export interface FeedItem {
  title: string;
  link: string;
  publishedAt: Date | undefined;
  summary: string;
}

export type ParsedFeed =
  | { ok: true; items: FeedItem[] }
  | { ok: false; failure: "html" | "malformed" | "not-a-feed"; reason: string };

/** Items read from one document at most (a feed of more is read up to there). */
export const MAX_ITEMS = 500;

/** Whether a document's first characters are those of an HTML page. */
export function looksLikeHtml(start: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i.test(start.replace(/^\uFEFF/, ""));
}

function instant(value: unknown): Date | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
/** Atom's text constructs are objects with their value. */
const text = (v: unknown): string =>
  typeof v === "object" && v !== null && "value" in v ? str((v as { value: unknown }).value) : str(v);

type Any = Record<string, unknown>;
const list = (v: unknown): Any[] => (Array.isArray(v) ? v.filter((x) => typeof x === "object" && x) : []);

function rssItem(i: Any): FeedItem {
  const guid = i.guid as Any | string | undefined;
  const permalink = typeof guid === "object" && guid?.isPermaLink !== false ? str(guid?.value) : "";
  const dc = i.dc as Any | undefined;
  return {
    title: str(i.title),
    link: str(i.link) || permalink,
    publishedAt: instant(i.pubDate) ?? instant(dc?.date),
    summary: str(i.description),
  };
}

function atomEntry(e: Any): FeedItem {
  const links = list(e.links);
  const link = links.find((l) => l.rel === undefined || l.rel === "alternate") ?? links[0];
  return {
    title: text(e.title),
    link: str(link?.href),
    publishedAt: instant(e.published) ?? instant(e.updated),
    summary: text(e.summary) || text(e.content),
  };
}

function jsonItem(i: Any): FeedItem {
  return {
    title: str(i.title),
    link: str(i.url) || str(i.external_url),
    publishedAt: instant(i.date_published) ?? instant(i.date_modified),
    summary: str(i.summary) || str(i.content_text) || str(i.content_html),
  };
}

/** Reads a document's items, or says why it is not a feed. */
export function parseFeedDocument(body: string): ParsedFeed {
  const start = body.replace(/^\uFEFF/, "").trimStart();
  if (looksLikeHtml(start.slice(0, 512)))
    return { ok: false, failure: "html", reason: "the address answered an HTML page, not a feed" };
  if (start.startsWith("{")) {
    try {
      JSON.parse(start);
    } catch {
      return { ok: false, failure: "malformed", reason: "the feed is not valid JSON" };
    }
  } else if (start.startsWith("<")) {
    const valid = XMLValidator.validate(start);
    if (valid !== true)
      return {
        ok: false,
        failure: "malformed",
        reason: `the feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
      };
  } else {
    return { ok: false, failure: "not-a-feed", reason: "the answer is neither XML nor JSON" };
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(start, { maxItems: MAX_ITEMS });
  } catch {
    return { ok: false, failure: "not-a-feed", reason: "the document is not an RSS, Atom, RDF or JSON feed" };
  }
  const feed = parsed.feed as Any;
  switch (parsed.format) {
    case "rss":
    case "rdf":
      return { ok: true, items: list(feed.items).map(rssItem) };
    case "atom":
      return { ok: true, items: list(feed.entries).map(atomEntry) };
    case "json":
      return { ok: true, items: list(feed.items).map(jsonItem) };
  }
}
