/**
 * A reply's picture (`ReplyPicture`): the handler only names it (cheap, pure); its SVG and alt text
 * are built from the story as of the reply's instant when first read, its PNG drawn only when a
 * platform asks for the bytes, then taken from the cache. Written as JSON (as `ask --render` and
 * logs do) it gives its name, size and alt text, never its bytes or SVG.
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

/** A drawing not made yet: what names it, and how to make it (from an immutable view of a story). */
export interface PendingDrawing extends Omit<Drawing, "alt" | "svg"> {
  draw(): { svg: string; alt: string };
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

/** The picture of a drawing: drawn when its SVG or alt text is first read, its PNG through `cache`. */
export function replyPicture(drawing: PendingDrawing, cache: PictureCache = pictureCache): ReplyPicture {
  let drawn: { svg: string; alt: string } | undefined;
  let png: Uint8Array | undefined;
  const made = () => {
    drawn ??= drawing.draw();
    return drawn;
  };
  const name = pictureName(drawing.kind, drawing.parts);
  const { width, height } = drawing;
  const picture: ReplyPicture & { toJSON(): object } = {
    name,
    width,
    height,
    get alt() {
      return made().alt;
    },
    get svg() {
      return made().svg;
    },
    png() {
      png ??= cache.png(drawing.kind, made().svg);
      return png;
    },
    toJSON() {
      return { name, alt: made().alt, width, height };
    },
  };
  return picture;
}
