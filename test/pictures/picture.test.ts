import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/command-engine/run.js";
import { pictureName, replyPicture } from "../../src/pictures/picture.js";
import { PictureCache } from "../../src/pictures/rasterize.js";
import { svgDocument } from "../../src/pictures/svg.js";
import {
  contextAt,
  datasetOf,
  decodePng,
  pngSize,
  RANDOM_STORY_AT,
  randomStory,
  registry,
} from "../support/index.js";

let draws = 0;
const drawing = {
  kind: "timeline",
  parts: ["gaza-2025", "2025-02-28"],
  width: 120,
  height: 50,
  draw: () => {
    draws++;
    return { alt: "A timeline.", svg: svgDocument(120, 50, []) };
  },
};

describe("picture", () => {
  it("names its file with lower-case letters, digits and dashes", () => {
    expect(pictureName("timeline", ["gaza-2025", "2025-02-28"])).toBe("timeline-gaza-2025-2025-02-28.png");
    expect(pictureName("figure", ["Odd ID!", "--x--"])).toBe("figure-odd-id-x.png");
    expect(pictureName("figure", ["a".repeat(300)])).toMatch(/^[a-z0-9-]{1,120}\.png$/);
  });

  it("is drawn when first read, once, and its PNG on first use only, then the same bytes", () => {
    const cache = new PictureCache();
    const before = draws;
    const picture = replyPicture(drawing, cache);
    expect([picture.name, picture.width, draws - before]).toEqual([
      "timeline-gaza-2025-2025-02-28.png",
      120,
      0,
    ]);
    expect([picture.alt, picture.svg.length > 0, draws - before]).toEqual(["A timeline.", true, 1]);
    expect(cache.misses).toBe(0);
    const png = picture.png();
    expect(pngSize(png)).toEqual({ width: 120, height: 50 });
    expect(picture.png()).toBe(png);
    expect([cache.misses, cache.hits]).toEqual([1, 0]);
    expect(replyPicture(drawing, cache).png()).toBe(png);
    expect(cache.hits).toBe(1);
  });

  it("is written as JSON with its name, size and alt text, never its bytes or SVG", () => {
    expect(JSON.parse(JSON.stringify({ picture: replyPicture(drawing) }))).toEqual({
      picture: { name: "timeline-gaza-2025-2025-02-28.png", alt: "A timeline.", width: 120, height: 50 },
    });
  });

  it("stays within the platforms' limits for random extreme stories: name, alt text, PNG size", () => {
    let checked = 0;
    for (const seed of [3, 17, 101, 4242]) {
      const dataset = datasetOf(randomStory(seed));
      const context = contextAt(RANDOM_STORY_AT, {}, dataset);
      const figure = dataset.defaultStory.figures[0]?.id;
      const replies = [
        runCommand(registry, "timeline", {}, context),
        runCommand(registry, "phase", {}, context),
        ...(figure ? [runCommand(registry, "figures", { figure }, context)] : []),
      ];
      for (const reply of replies) {
        const picture = reply.picture;
        if (!picture) continue;
        expect(picture.name, `seed ${seed}`).toMatch(/^[a-z0-9-]+\.png$/);
        expect([...picture.alt].length, `seed ${seed}`).toBeLessThanOrEqual(1_000);
        const png = picture.png();
        expect(png.byteLength).toBeLessThan(8 * 1024 * 1024);
        const decoded = decodePng(png);
        expect([decoded.width, decoded.height]).toEqual([picture.width, picture.height]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
