/**
 * Text from the data and from users, made safe to put in a message: characters no reply may carry
 * are found (so the loader and the option parser can refuse them), bidirectional controls are
 * isolated (so they cannot reorder the words around them), and broadcast mentions are broken (so
 * they read the same but notify no one).
 */

export interface UnsafeChar {
  kind: "lone surrogate" | "control character";
  /** The UTF-16 code unit (a lone surrogate) or code point (a control character). */
  codePoint: number;
}

function isControl(unit: number): boolean {
  return unit < 0x20 || (unit >= 0x7f && unit <= 0x9f);
}

/**
 * The first character of `text` that cannot go into a message: a lone surrogate (half of a UTF-16
 * pair, not valid Unicode: Slack's client cannot even encode it for sending), and, when `controls`,
 * a C0 or C1 control character (nothing a person types into an option on purpose).
 */
export function findUnsafe(text: string, options: { controls: boolean }): UnsafeChar | undefined {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { kind: "lone surrogate", codePoint: unit };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { kind: "lone surrogate", codePoint: unit };
    if (options.controls && isControl(unit)) return { kind: "control character", codePoint: unit };
  }
  return undefined;
}

/** "a lone surrogate (U+D800)", "a control character (U+0007)". */
export function describeUnsafe(found: UnsafeChar): string {
  return `a ${found.kind} (U+${found.codePoint.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** Embeddings and overrides (LRE, RLE, LRO, RLO), closed by PDF. */
const EMBEDDINGS = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const PDF = 0x202c;
/** Isolates (LRI, RLI, FSI), closed by PDI. */
const ISOLATES = new Set([0x2066, 0x2067, 0x2068]);
const PDI = 0x2069;
const FSI = "\u2068";
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** Paragraph separators: each ends every embedding and isolate opened before it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C to U+001E separate paragraphs in the bidirectional algorithm.
const PARAGRAPHS = /(\r\n|[\n\r\u001c-\u001e\u0085\u2029])/;

/**
 * Text with bidirectional controls (a right-to-left override U+202E, an embedding, an isolate) made
 * unable to reorder anything around it: in each of its paragraphs, the controls are balanced (a
 * closer with nothing to close is dropped, what is left open is closed at the paragraph's end) and
 * the paragraph is wrapped in FSI … PDI, an isolate that displays it in its own direction. Text
 * without such controls (Hebrew and Arabic included) is returned as it is, and so is a paragraph
 * isolated already: isolating twice changes nothing.
 */
export function isolateBidi(text: string): string {
  if (!BIDI_CONTROLS.test(text)) return text;
  return text
    .split(PARAGRAPHS)
    .map((part, i) => (i % 2 === 1 || !BIDI_CONTROLS.test(part) ? part : isolateParagraph(part)))
    .join("");
}

/**
 * A paragraph's controls paired as the bidirectional algorithm pairs them: those left open at its
 * end, and the paragraph without its stray closers (a closer with nothing to close).
 */
function walkParagraph(text: string): { open: number[]; kept: string } {
  const open: number[] = [];
  let kept = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (EMBEDDINGS.has(c) || ISOLATES.has(c)) {
      open.push(c);
    } else if (c === PDF) {
      if (!EMBEDDINGS.has(open[open.length - 1] ?? 0)) continue;
      open.pop();
    } else if (c === PDI) {
      // A PDI closes its isolate and every embedding opened inside it; one with no isolate open is dropped.
      const at = open.findLastIndex((o) => ISOLATES.has(o));
      if (at < 0) continue;
      open.length = at;
    }
    kept += ch;
  }
  return { open, kept };
}

function closersOf(open: readonly number[]): string {
  return [...open]
    .reverse()
    .map((o) => String.fromCharCode(ISOLATES.has(o) ? PDI : PDF))
    .join("");
}

function isBalanced(text: string): boolean {
  const { open, kept } = walkParagraph(text);
  return open.length === 0 && kept === text;
}

function isolateParagraph(text: string): string {
  // Already isolated (text the bot isolated, written back to a file by the desk): kept as it is.
  if (text.startsWith(FSI) && text.endsWith(String.fromCharCode(PDI)) && isBalanced(text.slice(1, -1)))
    return text;
  const { open, kept } = walkParagraph(text);
  return `${FSI}${kept}${closersOf(open)}${String.fromCharCode(PDI)}`;
}

/**
 * The closers (PDF, PDI) of the bidirectional controls `text` leaves open at its end (in its last
 * paragraph: a paragraph separator ends them all), innermost first; "" when none is open.
 */
export function bidiClosers(text: string): string {
  if (!BIDI_CONTROLS.test(text)) return "";
  const last = text.split(PARAGRAPHS).at(-1) ?? "";
  return closersOf(walkParagraph(last).open);
}

/**
 * A cut text that never leaves a bidirectional control open: `cut(room)` cuts the text to at most
 * `room` UTF-16 units (wherever its own rules allow); the answer is the longest such cut which, with
 * the closers of the controls it leaves open appended, still fits in `room`. So a control is never
 * kept without its closer, the closers are counted in the limit, and whatever the bot writes after
 * the cut (an ellipsis, a closing marker) reads in the bot's own direction.
 */
export function balancedCut(room: number, cut: (room: number) => string): string {
  for (let spare = 0; spare < room; spare++) {
    const text = cut(room - spare);
    const closers = bidiClosers(text);
    if (closers.length <= spare) return text + closers;
  }
  return cut(0);
}

/**
 * `text` cut to at most `max` UTF-16 units, whole characters only, ending with "…" when it was cut,
 * with every bidirectional control it keeps closed before the "…" (see balancedCut).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const kept = balancedCut(max - 1, (room) => {
    let out = "";
    for (const ch of text) {
      if (out.length + ch.length > room) break;
      out += ch;
    }
    return out.trimEnd();
  });
  return `${kept}…`;
}

/**
 * A function that breaks the broadcast mentions `words` (`@everyone`, `@here`, …) with a zero-width
 * space after the `@`: they read the same, and no client turns them into a notification.
 */
export function mentionBreaker(words: readonly string[]): (text: string) => string {
  const pattern = new RegExp(`@(${words.join("|")})`, "gi");
  return (text) => (text.includes("@") ? text.replace(pattern, "@\u200b$1") : text);
}
