import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate-story.js";
import { storyAt } from "../../src/dataset/asof.js";
import { FONT_FILES, fontsDir, PictureCache, rasterize } from "../../src/pictures/rasterize.js";
import { svgDocument, text } from "../../src/pictures/svg.js";
import { timelineDrawing } from "../../src/pictures/timeline-chart.js";
import { DURING, decodePng, inkPixels, PNG_SIGNATURE, pngSize, shippedData } from "../support/index.js";

const label = (content: string, family?: string) =>
  svgDocument(400, 80, [
    family
      ? `<text x="10" y="50" font-size="28" font-family="${family}">${content}</text>`
      : text(10, 50, content, { size: 28 }),
  ]);
const blank = svgDocument(400, 80, []);
/** PNG limits: Discord's smallest upload limit is 10 MB; the pictures stay under 8 MB. */
const PNG_MAX = 8 * 1024 * 1024;

describe("rasterize", () => {
  it("draws a PNG of the SVG's size that an independent decoder reads", () => {
    const drawing = timelineDrawing(storyAt(shippedData().defaultStory, new Date(DURING)), "timeline");
    const png = rasterize(drawing?.svg ?? "");
    expect([...png.slice(0, 8)]).toEqual([...PNG_SIGNATURE]);
    expect(pngSize(png)).toEqual({ width: 1200, height: 520 });
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([1200, 520]);
    expect(inkPixels(png)).toBeGreaterThan(5_000);
  });

  it.each([
    ["Latin", "Ceasefire"],
    ["Arabic", "وقف إطلاق النار"],
    ["Hebrew", "הפסקת האש"],
  ])("renders %s text with the shipped fonts", (_, words) => {
    expect(inkPixels(rasterize(blank))).toBe(0);
    expect(inkPixels(rasterize(label(words)))).toBeGreaterThan(300);
  });

  it.each([
    ["Arabic", "وقف إطلاق النار"],
    ["Hebrew", "הפסקת האש"],
  ])("draws %s with its own shipped font, not the Latin font's empty boxes", (_, words) => {
    const latinOnly = new Resvg(label(words), {
      font: {
        loadSystemFonts: false,
        fontFiles: [join(fontsDir(), FONT_FILES[0])],
        defaultFontFamily: "Noto Sans",
      },
    })
      .render()
      .asPng();
    const boxes = inkPixels(new Uint8Array(latinOnly));
    const drawn = inkPixels(rasterize(label(words)));
    expect(drawn).not.toBe(boxes);
    expect(rasterize(label(words))).not.toEqual(new Uint8Array(latinOnly));
  });

  it("loads no system font: a family the machine may have is drawn in the shipped default", () => {
    expect(rasterize(label("Ceasefire", "DejaVu Sans"))).toEqual(rasterize(label("Ceasefire", "Noto Sans")));
    expect(FONT_FILES.map((f) => `${fontsDir()}/${f}`)).toHaveLength(3);
  });

  it("gives the same bytes for the same SVG, from a fresh cache too", () => {
    const svg = timelineDrawing(storyAt(shippedData().defaultStory, new Date(DURING)), "timeline")?.svg ?? "";
    const first = new PictureCache().png("timeline", svg);
    expect(new PictureCache().png("timeline", svg)).toEqual(first);
    expect(rasterize(svg)).toEqual(first);
  });

  it("draws a 10,000-event story within the platforms' limits", () => {
    const story = generateDataset().defaultStory;
    const svg = timelineDrawing(storyAt(story, new Date("2024-12-31T12:00:00Z")), "timeline")?.svg ?? "";
    const png = rasterize(svg);
    expect(png.byteLength).toBeLessThan(PNG_MAX);
    expect(pngSize(png)).toEqual({ width: 1200, height: 520 });
  });

  describe("the cache", () => {
    const drawn = (size: number) => {
      let calls = 0;
      return {
        draw: (svg: string) => {
          calls++;
          return new Uint8Array(size).fill(svg.length % 256);
        },
        calls: () => calls,
      };
    };

    it("draws each picture once and serves it again", () => {
      const cache = new PictureCache();
      const counter = drawn(10);
      cache.png("timeline", "<svg/>", counter.draw);
      cache.png("timeline", "<svg/>", counter.draw);
      expect([counter.calls(), cache.hits, cache.misses]).toEqual([1, 1, 1]);
      cache.png("timeline", "<svg a='1'/>", counter.draw);
      expect(counter.calls()).toBe(2);
    });

    it("keeps at most its number of entries, dropping the least recently used", () => {
      const cache = new PictureCache({ entries: 3, bytes: 1_000_000 });
      const counter = drawn(10);
      for (const n of [1, 2, 3]) cache.png("figure", `<svg n="${n}"/>`, counter.draw);
      cache.png("figure", `<svg n="1"/>`, counter.draw);
      cache.png("figure", `<svg n="4"/>`, counter.draw);
      expect([cache.size, cache.bytes]).toEqual([3, 30]);
      cache.png("figure", `<svg n="1"/>`, counter.draw);
      expect(counter.calls()).toBe(4);
      cache.png("figure", `<svg n="2"/>`, counter.draw);
      expect(counter.calls()).toBe(5);
    });

    it("keeps at most its bytes, and never keeps a picture larger than them", () => {
      const cache = new PictureCache({ entries: 100, bytes: 250 });
      const counter = drawn(100);
      for (const n of [1, 2, 3, 4]) cache.png("figure", `<svg n="${n}"/>`, counter.draw);
      expect([cache.size, cache.bytes]).toEqual([2, 200]);
      cache.png("figure", "<svg big/>", drawn(300).draw);
      expect([cache.size, cache.bytes]).toEqual([2, 200]);
    });
  });
});
