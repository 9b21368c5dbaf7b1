/**
 * SVG to PNG without a browser: resvg (the `@resvg/resvg-js` package, a Rust renderer behind N-API)
 * with the fonts shipped in assets/fonts/ and no others (no system font is ever loaded, so a picture
 * looks the same on every machine), and a bounded cache of the PNGs drawn.
 *
 * A picture's SVG is a pure function of the story's data, the instant (to the minute) and what was
 * asked, so the cache is keyed by what was drawn and a hash of that SVG: the same story version,
 * instant and options find the same entry, and a changed story can never be served an old picture.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as ResvgJs from "@resvg/resvg-js";

/** The fonts the pictures are drawn with: Latin, Arabic and Hebrew (Noto, SIL Open Font License). */
export const FONT_FILES = [
  "NotoSans-Regular.ttf",
  "NotoSansArabic-Regular.ttf",
  "NotoSansHebrew-Regular.ttf",
] as const;

/** assets/fonts/ of the checkout or install this module runs from (src/pictures/ or dist/src/pictures/). */
export function fontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "assets", "fonts");
    if (existsSync(join(candidate, FONT_FILES[0]))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const here = join(process.cwd(), "assets", "fonts");
  if (existsSync(join(here, FONT_FILES[0]))) return here;
  throw new Error("the pictures' fonts (assets/fonts/) are missing from this install");
}

let fontPaths: string[] | undefined;
let resvgJs: typeof ResvgJs | undefined;

/**
 * resvg, loaded on the first picture drawn: its native addon costs a process that draws none (a bot
 * idle, or answering only text) several MB (docs/decisions/0028-v8-defaults-and-lazy-loading.md).
 */
function loadResvg(): typeof ResvgJs {
  resvgJs ??= createRequire(import.meta.url)("@resvg/resvg-js") as typeof ResvgJs;
  return resvgJs;
}

/** The PNG of an SVG, drawn by resvg with the shipped fonts only. */
export function rasterize(svg: string): Uint8Array {
  fontPaths ??= FONT_FILES.map((f) => join(fontsDir(), f));
  const resvg = new (loadResvg().Resvg)(svg, {
    font: { loadSystemFonts: false, fontFiles: fontPaths, defaultFontFamily: "Noto Sans" },
    background: "#ffffff",
  });
  return new Uint8Array(resvg.render().asPng());
}

export interface CacheLimits {
  entries: number;
  bytes: number;
}

/** Enough for every picture of a busy hour; a picture of 1200×520 is 30–150 KB. */
export const DEFAULT_LIMITS: CacheLimits = { entries: 64, bytes: 16 * 1024 * 1024 };

/** A least-recently-used cache of PNGs, bounded by its number of entries and their bytes. */
export class PictureCache {
  private readonly entries = new Map<string, Uint8Array>();
  private total = 0;
  hits = 0;
  misses = 0;

  constructor(readonly limits: CacheLimits = DEFAULT_LIMITS) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  /** The PNG of `svg` drawn as `kind`: from the cache, or drawn now and kept. */
  png(kind: string, svg: string, draw: (svg: string) => Uint8Array = rasterize): Uint8Array {
    const key = `${kind}:${createHash("sha256").update(svg).digest("base64url")}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const png = draw(svg);
    if (png.byteLength > this.limits.bytes) return png;
    this.entries.set(key, png);
    this.total += png.byteLength;
    for (const [oldest, bytes] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.total <= this.limits.bytes) break;
      this.entries.delete(oldest);
      this.total -= bytes.byteLength;
    }
    return png;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

/** The cache replies' pictures share in this process. */
export const pictureCache = new PictureCache();
