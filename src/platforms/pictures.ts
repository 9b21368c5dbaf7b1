/**
 * What every platform does alike with a reply's picture (docs/decisions/0025-pictures-on-each-platform.md):
 * cut its alt text to the platform's limit, get its PNG bytes without letting a failure to draw it stop
 * the answer, and describe it for `ask --render` (its name, alt text and size: never a function or the
 * bytes themselves).
 */
import { cutText } from "../dataset/text-safety.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { ReplyPicture } from "../reply/reply.js";

/**
 * The picture's alt text on one line, cut to `max` characters (an ellipsis marks a cut; never inside
 * a character, nor between a bidirectional control and its closer).
 */
export function altText(picture: ReplyPicture, max: number): string {
  const alt = picture.alt.replace(/\s+/g, " ").trim() || picture.name;
  return cutText(alt, max);
}

/** The picture's file name as platforms take it: lower-case letters, digits and dashes, then `.png`. */
export function fileName(picture: ReplyPicture): string {
  const stem = picture.name
    .toLowerCase()
    .replace(/\.png$/, "")
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${stem || "picture"}.png`;
}

/** The PNG bytes as a Buffer, or the error drawing them threw (the answer then goes without it). */
export function pictureBytes(
  picture: ReplyPicture,
): { ok: true; bytes: Buffer } | { ok: false; error: Error } {
  try {
    const png = picture.png();
    return { ok: true, bytes: Buffer.from(png.buffer, png.byteOffset, png.byteLength) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
  }
}

/** What `ask --render` shows of a picture. */
export interface PictureSummary {
  name: string;
  alt: string;
  width: number;
  height: number;
  /** The PNG's size in bytes, or why it could not be drawn. */
  bytes: number | string;
}

export function pictureSummary(picture: ReplyPicture): PictureSummary {
  const drawn = pictureBytes(picture);
  return {
    name: picture.name,
    alt: picture.alt,
    width: picture.width,
    height: picture.height,
    bytes: drawn.ok ? drawn.bytes.length : `not drawn: ${drawn.error.message}`,
  };
}

/** One line for text, in `words`' language: `Picture: timeline-gaza-2025.png (800×400, 12345 bytes): alt`. */
export function pictureLine(picture: ReplyPicture, where?: string, words: Words = ENGLISH): string {
  const drawn = pictureBytes(picture);
  const size = drawn.ok
    ? words.t("render.picture.size", { bytes: drawn.bytes.length })
    : words.t("render.picture.size-not-drawn", { error: drawn.error.message });
  return words.t("render.picture.line", {
    where: where ?? picture.name,
    width: picture.width,
    height: picture.height,
    size,
    alt: picture.alt,
  });
}
