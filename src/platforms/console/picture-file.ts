/**
 * A reply's picture on the console: the PNG is written to a folder (PICTURES_DIR, by default
 * `ceasefire-bot-pictures` in the system's temporary folder) and the console prints where it is, with
 * what it shows. A picture that cannot be drawn or written leaves its description alone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { ENGLISH, type Words } from "../../language/words.js";
import type { ReplyPicture } from "../../reply/reply.js";
import { altText, fileName, pictureBytes } from "../pictures.js";

/** Where pictures go when PICTURES_DIR is not set. */
export function defaultPicturesDir(): string {
  return join(tmpdir(), "ceasefire-bot-pictures");
}

/** Longest alt text the console prints (the reply's type says 1,000). */
const ALT_MAX = 1000;

/** Writes the picture into `dir` and returns the line to print after the reply's text, in `words`' language. */
export function savePicture(picture: ReplyPicture, dir: string, words: Words = ENGLISH): string {
  const alt = altText(picture, ALT_MAX);
  const drawn = pictureBytes(picture);
  if (!drawn.ok) return words.t("render.picture.not-drawn", { error: drawn.error.message, alt });
  const path = join(resolve(dir), fileName(picture));
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, drawn.bytes);
  } catch (err) {
    return words.t("render.picture.not-saved", { error: (err as Error).message, alt });
  }
  return words.t("render.picture.saved", { path, width: picture.width, height: picture.height, alt });
}
