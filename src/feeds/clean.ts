/**
 * What a feed says, made safe to keep: titles and summaries as plain text (no markup, entities
 * decoded, no control or bidirectional-override characters, capped), and links as one normalized
 * http(s) address, so the same article reached through two feeds is one lead.
 */
import { decodeHTML } from "entities";

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 1000;

/** Elements whose content is never text a reader sees. */
const HIDDEN = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-zA-Z!?][^<>]*>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
/** The bidirectional controls: marks, embeddings, overrides and isolates. */
const BIDI = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/** Without C0 and C1 control characters nor bidirectional controls. */
function withoutControls(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || BIDI.has(c)) continue;
    out += ch;
  }
  return out;
}
/** Half of a surrogate pair with no other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function stripMarkup(text: string): string {
  return text.replace(COMMENT, " ").replace(HIDDEN, " ").replace(TAG, " ");
}

/**
 * Feed text (which may be HTML, escaped HTML or plain) as plain text of at most `max` characters:
 * tags dropped, entities decoded (twice over for escaped HTML), white space collapsed, controls and
 * bidirectional overrides removed, cut at a word with an ellipsis when too long.
 */
export function plainText(text: string, max: number): string {
  let out = stripMarkup(text);
  for (let i = 0; i < 2 && /&[#a-zA-Z0-9]+;/.test(out); i++) out = stripMarkup(decodeHTML(out));
  out = out.replace(/[\t\n\r\f\v]/g, " ").replace(LONE_SURROGATE, "");
  out = withoutControls(out).replace(/\s+/g, " ").trim();
  if (out.length <= max) return out;
  const cut = out.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Query parameters that only say where a reader came from. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga)$/i;

export type LinkResult = { ok: true; link: string } | { ok: false; reason: string };

/**
 * An item's link, relative to the feed's address, as the one address the lead keeps: http: or https:
 * only (a javascript:, data: or any other scheme is refused), no user or password, host in lower
 * case, no default port, no fragment, no tracking parameters, and no trailing slash on a path (the
 * root "/" stays).
 */
export function normalizeLink(raw: string, base: string): LinkResult {
  const text = withoutControls(raw).trim();
  if (text === "") return { ok: false, reason: "the item has no link" };
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { ok: false, reason: "the item's link is not an address" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, reason: `the item's link is a ${url.protocol} address, not http: or https:` };
  if (url.username !== "" || url.password !== "")
    return { ok: false, reason: "the item's link carries a user name or password" };
  url.hash = "";
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  if (url.search === "?") url.search = "";
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) url.pathname = url.pathname.replace(/\/+$/, "");
  if (url.href.length > 2000) return { ok: false, reason: "the item's link is longer than 2,000 characters" };
  return { ok: true, link: url.href };
}
