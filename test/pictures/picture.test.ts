import { describe, expect, it } from "vitest";
import { pictureName, replyPicture } from "../../src/pictures/picture.js";
import { PictureCache } from "../../src/pictures/rasterize.js";
import { svgDocument } from "../../src/pictures/svg.js";
import { pngSize } from "../support/index.js";

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
});
