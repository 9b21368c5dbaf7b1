/** What every platform does alike with a reply's picture: its alt text, file name, bytes and summary. */
import { describe, expect, it } from "vitest";
import { wordsFor } from "../../src/language/words.js";
import {
  altText,
  fileName,
  pictureBytes,
  pictureLine,
  pictureSummary,
} from "../../src/platforms/pictures.js";
import { bidiTextViolations, PNG_SIGNATURE, pngSize, testPicture } from "../support/index.js";

describe("a reply's picture, as the platforms take it", () => {
  it("keeps a short alt text as it is, on one line", () => {
    expect(altText(testPicture({ alt: "Two bars:\n  phase one,\tphase two." }), 100)).toBe(
      "Two bars: phase one, phase two.",
    );
  });

  it("cuts a long alt text to the limit, marking the cut", () => {
    const alt = altText(testPicture({ alt: "word ".repeat(300) }), 1024);
    expect(alt.length).toBeLessThanOrEqual(1024);
    expect(alt.endsWith("…")).toBe(true);
  });

  it("never cuts a long alt text between a bidirectional control and its closer", () => {
    const alt = altText(testPicture({ alt: `Phases: \u2068\u202e${"evil ".repeat(30)}\u202c\u2069.` }), 40);
    expect(alt.length).toBeLessThanOrEqual(40);
    expect(alt.endsWith("\u202c\u2069…")).toBe(true);
    expect(bidiTextViolations(alt)).toEqual([]);
  });

  it("names the picture by its file name when it has no alt text", () => {
    expect(altText(testPicture({ alt: "  " }), 100)).toBe("timeline-test.png");
  });

  it("keeps a file name of lower-case letters, digits and dashes, ending in .png", () => {
    expect(fileName(testPicture({ name: "timeline-gaza-2025.png" }))).toBe("timeline-gaza-2025.png");
    expect(fileName(testPicture({ name: "Phase One/../x y.PNG" }))).toBe("phase-one-x-y.png");
    expect(fileName(testPicture({ name: "" }))).toBe("picture.png");
  });

  it("gives the PNG's bytes, drawn once by the picture", () => {
    const picture = testPicture({ width: 12, height: 7 });
    const drawn = pictureBytes(picture);
    if (!drawn.ok) throw drawn.error;
    expect(drawn.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(drawn.bytes)).toEqual({ width: 12, height: 7 });
  });

  it("gives what drawing threw instead of throwing it", () => {
    const drawn = pictureBytes(
      testPicture({
        png: () => {
          throw new Error("no font");
        },
      }),
    );
    expect(drawn).toMatchObject({ ok: false, error: { message: "no font" } });
  });

  it("summarises a picture by name, alt text, size and bytes, and in one line", () => {
    const picture = testPicture({ width: 10, height: 5 });
    const bytes = picture.png().length;
    expect(pictureSummary(picture)).toEqual({
      name: picture.name,
      alt: picture.alt,
      width: 10,
      height: 5,
      bytes,
    });
    expect(pictureLine(picture)).toBe(`Picture: timeline-test.png (10×5, ${bytes} bytes): ${picture.alt}`);
    expect(pictureLine(picture, "/tmp/x.png")).toContain("Picture: /tmp/x.png (10×5");
    expect(pictureLine(picture, undefined, wordsFor("fr"))).toBe(
      `Image : timeline-test.png (10×5, ${bytes} octets) : ${picture.alt}`,
    );
    expect(pictureLine(picture, undefined, wordsFor("he"))).toBe(
      `תמונה: \u2068timeline-test.png\u2069 (10×5, \u2068${bytes} בתים\u2069): \u2068${picture.alt}\u2069`,
    );
  });
});
