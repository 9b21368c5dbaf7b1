/**
 * The platform-neutral reply every command handler returns. Handlers never format for a platform:
 * text is a list of spans, so each renderer can escape plain text its own way and show an exact
 * instant as the platform's own timestamp (Discord `<t:…>`, Slack `<!date^…>`, the story's zone on
 * the console).
 */
import type { Language } from "../language/languages.js";
import type { ErrorCode } from "./errors.js";

export type Span =
  | string
  | { strong: string }
  | { link: string; url: string }
  | {
      /** An exact instant; renderers that can show it in the reader's own zone do. */
      instant: Date;
      style: "datetime" | "relative" | "date";
      /** Text for renderers that cannot (the console), in the story's time zone. */
      fallback: string;
    };

export type Rich = readonly Span[];

export interface ReplyField {
  name: string;
  value: Rich;
  inline?: boolean;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  published: string;
}

export interface ReplyFooter {
  sources: SourceRef[];
  /** The as-of date of the data the reply states (YYYY-MM-DD). */
  asOf: string;
  /** Set when the data is older than the configured freshness limit. */
  staleWarning?: string;
}

/** The words of a source behind one statement of a reply ("Why?"). */
export interface Evidence {
  /** What the statement is about, like "Captives remaining in Gaza" or an event's title. */
  what: string;
  /** A short quote, word for word, from the source that first reported it. */
  quote: string;
  source: SourceRef;
}

/** A button that re-runs a command with other options (for example the next /timeline page). */
export interface CommandButton {
  label: string;
  command: string;
  options: Record<string, string>;
  disabled?: boolean;
}

/** A button that opens an address (an https URL) in the reader's browser, like "Open in desk". */
export interface LinkButton {
  label: string;
  url: string;
}

export type ReplyButton = CommandButton | LinkButton;

export function isLinkButton(button: ReplyButton): button is LinkButton {
  return "url" in button;
}

export function isCommandButton(button: ReplyButton): button is CommandButton {
  return !isLinkButton(button);
}

/** Whether a link button's address is one a platform opens: an absolute http(s) URL, no spaces. */
export function isWebAddress(url: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** A picture drawn from the data, shown with the reply (a PNG file). */
export interface ReplyPicture {
  /** The file name, [a-z0-9-]+\.png, like "timeline-gaza-2025.png". */
  name: string;
  /** What it shows, for readers who cannot see it (≤ 1,000 characters). */
  alt: string;
  width: number;
  height: number;
  /** The SVG it is drawn from (tests read its text). */
  svg: string;
  /** The PNG bytes: rasterized on first call, then cached by story version, instant and what. */
  png(): Uint8Array;
}

export interface Reply {
  kind: "answer" | "error";
  /** The language it is written in (English when absent): renderers write their own words in it. */
  language?: Language;
  /** An error's code in the table of errors (src/reply/errors.ts), logged by the platforms. */
  code?: ErrorCode;
  title: string;
  summary?: Rich;
  fields?: ReplyField[];
  lines?: Rich[];
  footer?: ReplyFooter;
  ephemeral: boolean;
  buttons?: ReplyButton[];
  /** The quotes behind what the reply states, shown on request ("Why?" and `/sources of:`). */
  evidence?: Evidence[];
  /** A picture drawn from the data as of the reply's instant (/timeline, /phase, /figures figure:). */
  picture?: ReplyPicture;
}

/** Plain text of a rich value, instants as their fallback (for logs, console, plain-text parts). */
export function plainText(rich: Rich): string {
  return rich
    .map((s) => {
      if (typeof s === "string") return s;
      if ("strong" in s) return s.strong;
      if ("link" in s) return s.link;
      return s.fallback;
    })
    .join("");
}
