/** A reply's picture on the console: written to its folder, its path and description printed. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wordsFor } from "../../../src/language/words.js";
import { defaultPicturesDir, savePicture } from "../../../src/platforms/console/picture-file.js";
import { pngSize, tempDir, testPicture } from "../../support/index.js";

describe("a picture on the console", () => {
  it("writes the PNG into the folder, made as needed, and says where it is and what it shows", () => {
    const dir = join(tempDir(), "made", "here");
    const picture = testPicture({ width: 16, height: 9 });
    const line = savePicture(picture, dir);
    const path = join(dir, "timeline-test.png");
    expect(line).toBe(`Picture: ${path} (16×9): ${picture.alt}`);
    expect(readFileSync(path).equals(Buffer.from(picture.png()))).toBe(true);
    expect(pngSize(readFileSync(path))).toEqual({ width: 16, height: 9 });
  });

  it("says where it is and what it shows in the reply's language", () => {
    const dir = tempDir();
    const picture = testPicture({ width: 16, height: 9, alt: "Une frise" });
    expect(savePicture(picture, dir, wordsFor("fr"))).toBe(
      `Image : ${join(dir, "timeline-test.png")} (16×9) : Une frise`,
    );
    const arabic = savePicture(testPicture({ alt: "خط زمني" }), dir, wordsFor("ar"));
    expect(arabic.startsWith("الصورة: \u2068")).toBe(true);
    expect(arabic.endsWith("(48×24): \u2068خط زمني\u2069")).toBe(true);
  });

  it("keeps the file inside the folder whatever the picture's name", () => {
    const dir = tempDir();
    savePicture(testPicture({ name: "../../escape.png" }), dir);
    expect(existsSync(join(dir, "escape.png"))).toBe(true);
  });

  it("prints the description alone when the folder cannot be written", () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "not a folder");
    expect(savePicture(testPicture(), join(file, "pictures"))).toMatch(
      /^Picture not saved \(.+\): A timeline/,
    );
  });

  it("prints the description alone when the picture cannot be drawn", () => {
    const broken = testPicture({
      png: () => {
        throw new Error("no font");
      },
    });
    expect(savePicture(broken, tempDir())).toBe(`Picture not drawn (no font): ${broken.alt}`);
  });

  it("writes into a folder of the system's temporary folder by default", () => {
    expect(defaultPicturesDir()).toBe(join(tmpdir(), "ceasefire-bot-pictures"));
  });
});
