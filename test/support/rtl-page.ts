/**
 * Right to left as the Discord and Slack clients lay it out, measured in a real browser. A payload as
 * the bot sends it (a Discord message's embeds, a Slack message's blocks) becomes a page the way those
 * clients show it: each paragraph of each text (a title, a line of a description, a field, a footer
 * line; a header, a line of a section, a context element) in its own block with `dir="auto"` and
 * `white-space: pre-wrap`, bold and links as inline elements that isolate nothing. `layOut()` loads
 * the page in Chromium and gives every character's box (Range.getClientRects), so a spec can check
 * where words landed: which end a paragraph starts at, whether a Latin name's letters run left to
 * right, whether a number and a date stayed in one piece and in the order the sentence means.
 */
import type { Page } from "playwright-core";

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Discord's markdown, as far as the bot writes it: `**bold**`, `[text](url)`, backslash escapes. */
function discordInline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\\([\\`*_~|[\]()#>.-])/g, "$1");
}

const decodeEntities = (text: string): string =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Slack's mrkdwn, as far as the bot writes it: `*bold*`, `<url|text>`, and its three entities. */
function slackInline(mrkdwn: string): string {
  return mrkdwn.replace(/<([^|>]+)\|([^>]*)>|[^<]+|</g, (all, url?: string, label?: string) =>
    url !== undefined
      ? `<a href="${escapeHtml(url)}">${escapeHtml(decodeEntities(label ?? ""))}</a>`
      : escapeHtml(decodeEntities(all)).replace(/\*([^*\n]+)\*/g, "<strong>$1</strong>"),
  );
}

/** One block per paragraph, as the clients give each its own direction. */
function paragraphs(kind: string, text: string | undefined, inline: (t: string) => string): string {
  if (!text) return "";
  return text
    .split("\n")
    .map((line) => `<div dir="auto" data-block="${kind}">${inline(line)}</div>`)
    .join("");
}

const STYLE = `<style>
  body { margin: 0; padding: 16px; width: 1400px; font: 16px/1.4 sans-serif; }
  [data-block] { white-space: pre-wrap; margin: 2px 0; }
  .embed, .blocks { border-inline-start: 4px solid #5865f2; padding: 8px 12px; }
</style>`;

const page = (body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${STYLE}</head><body>${body}</body></html>`;

/** A Discord message (embeds, content) laid out as the Discord client lays it out. */
export function discordMessagePage(message: any): string {
  const embeds = (message.embeds ?? []).map(
    (e: any) =>
      `<div class="embed">${paragraphs("title", e.title, discordInline)}${paragraphs("description", e.description, discordInline)}${(
        e.fields ?? []
      )
        .map(
          (f: any) =>
            `${paragraphs("field-name", f.name, discordInline)}${paragraphs("field-value", f.value, discordInline)}`,
        )
        .join("")}${paragraphs("footer", e.footer?.text, escapeHtml)}</div>`,
  );
  return page(`${paragraphs("content", message.content, discordInline)}${embeds.join("")}`);
}

/** A Slack message's blocks laid out as the Slack client lays them out. */
export function slackMessagePage(message: any): string {
  const blocks = (message.blocks ?? []).map((b: any) => {
    if (b.type === "header") return paragraphs("header", b.text?.text, escapeHtml);
    if (b.type === "section")
      return `${paragraphs("section", b.text?.text, slackInline)}${(b.fields ?? []).map((f: any) => paragraphs("section-field", f.text, slackInline)).join("")}`;
    if (b.type === "context")
      return (b.elements ?? []).map((e: any) => paragraphs("context", e.text, slackInline)).join("");
    return "";
  });
  return page(`<div class="blocks">${blocks.join("")}</div>`);
}

/** A payload's every string with FSI and PDI (and every other bidirectional control) taken out. */
export function withoutIsolates<T>(payload: T): T {
  return JSON.parse(JSON.stringify(payload).replace(/\\u206[6-9]|\\u202[a-e]/gi, ""), (_, v) =>
    typeof v === "string" ? v.replace(BIDI_CONTROLS, "") : v,
  ) as T;
}

/** A character where the browser drew it. */
export interface CharBox {
  ch: string;
  left: number;
  right: number;
  top: number;
}

/** A paragraph's block as laid out: its text, resolved direction, box, and each character's box. */
export interface LaidBlock {
  kind: string;
  text: string;
  direction: "ltr" | "rtl";
  left: number;
  right: number;
  /** Per UTF-16 index of `text`; undefined where nothing is drawn (FSI, PDI, a second surrogate). */
  chars: (CharBox | undefined)[];
}

/**
 * Run in the page (as text: the project's TypeScript has no DOM types): every [data-block] element's
 * text, resolved direction and content box, and the box of each of its characters.
 */
const MEASURE = `(() => {
  const out = [];
  for (const block of document.querySelectorAll("[data-block]")) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const chars = [];
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue || "";
      for (let i = 0; i < value.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = Array.from(range.getClientRects()).find((r) => r.width > 0);
        chars.push(rect ? { ch: value[i], left: rect.left, right: rect.right, top: rect.top } : null);
      }
      text += value;
    }
    const box = block.getBoundingClientRect();
    const style = getComputedStyle(block);
    out.push({
      kind: block.dataset.block,
      text,
      direction: style.direction,
      left: box.left + parseFloat(style.paddingLeft),
      right: box.right - parseFloat(style.paddingRight),
      chars,
    });
  }
  return out;
})()`;

/** Loads a page in the browser and measures every paragraph block and every character in it. */
export async function layOut(browserPage: Page, html: string): Promise<LaidBlock[]> {
  await browserPage.setContent(html);
  const blocks = (await browserPage.evaluate(MEASURE)) as (Omit<LaidBlock, "chars"> & {
    chars: (CharBox | null)[];
  })[];
  return blocks.map((b) => ({ ...b, chars: b.chars.map((c) => c ?? undefined) }));
}

/** Where a word (the first time it occurs in the block) was drawn: its characters, in logical order. */
export function wordBoxes(block: LaidBlock, word: string): CharBox[] {
  const at = block.text.indexOf(word);
  if (at < 0) throw new Error(`"${word}" is not in the ${block.kind} block: ${block.text}`);
  const boxes = block.chars.slice(at, at + word.length);
  if (boxes.some((b) => b === undefined))
    throw new Error(`"${word}" was not all drawn in the ${block.kind} block`);
  return boxes as CharBox[];
}

/** The smallest box around a word as drawn. */
export function spanOf(block: LaidBlock, word: string): { left: number; right: number; top: number } {
  const boxes = wordBoxes(block, word);
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    right: Math.max(...boxes.map((b) => b.right)),
    top: Math.min(...boxes.map((b) => b.top)),
  };
}

/** Whether a word's characters were drawn left to right on one line, each touching the next (±1 px). */
export function runsLeftToRight(block: LaidBlock, word: string): boolean {
  const boxes = wordBoxes(block, word);
  return boxes.every(
    (b, i) => i === 0 || (b.top === boxes[0]?.top && Math.abs(b.left - (boxes[i - 1]?.right ?? 0)) <= 1),
  );
}

/** Whether `words`, in the order the sentence says them, were drawn from right to left on one line. */
export function readRightToLeft(block: LaidBlock, words: readonly string[]): boolean {
  const spans = words.map((w) => spanOf(block, w));
  return spans.every(
    (s, i) => i === 0 || (s.top === spans[0]?.top && s.right <= (spans[i - 1]?.left ?? 0) + 0.5),
  );
}

/** Whether a word was drawn at the block's right end (its first letter against the right edge, ±2 px). */
export function atRightEnd(block: LaidBlock, word: string): boolean {
  return Math.abs(spanOf(block, word).right - block.right) <= 2;
}
