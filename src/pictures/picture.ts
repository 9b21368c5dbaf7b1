/**
 * A reply's picture (`ReplyPicture`): the SVG built when the handler runs (cheap, pure), the PNG
 * drawn only when a platform asks for its bytes, then taken from the cache. Written as JSON (as
 * `ask --render` and logs do) it gives its name, size and alt text, never its bytes or SVG.
 */
import type { ReplyPicture } from "../reply/reply.js";
import { type PictureCache, pictureCache } from "./rasterize.js";

export interface Drawing {
  /** What was drawn ("timeline", "phase", "figure"): part of the file name and the cache key. */
  kind: string;
  /** The rest of the file name: the story, what was asked, the day. */
  parts: readonly string[];
  alt: string;
  width: number;
  height: number;
  svg: string;
}

/** A file name of lower-case letters, digits and dashes: "timeline-gaza-2025-2025-02-28.png". */
export function pictureName(kind: string, parts: readonly string[]): string {
  const stem = [kind, ...parts]
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 120)
    .replace(/-$/, "");
  return `${stem || "picture"}.png`;
}

/** The picture of a drawing, its PNG drawn on first use through `cache`. */
export function replyPicture(drawing: Drawing, cache: PictureCache = pictureCache): ReplyPicture {
  let png: Uint8Array | undefined;
  const name = pictureName(drawing.kind, drawing.parts);
  const picture: ReplyPicture & { toJSON(): object } = {
    name,
    alt: drawing.alt,
    width: drawing.width,
    height: drawing.height,
    svg: drawing.svg,
    png() {
      png ??= cache.png(drawing.kind, drawing.svg);
      return png;
    },
    toJSON() {
      return { name, alt: drawing.alt, width: drawing.width, height: drawing.height };
    },
  };
  return picture;
}
