/**
 * The picture the README shows (docs/timeline.png) is what `/timeline` draws from the shipped story on
 * 28 February 2025 at noon in Jerusalem, phase one's last full day. When the story or the drawing
 * changes it, write it again with:
 *
 *   UPDATE_PICTURES=1 npx vitest run test/e2e/readme-picture.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DURING, decodePng, repoRoot, run } from "../support/index.js";

const FILE = join(repoRoot, "docs", "timeline.png");

describe("the README's picture", () => {
  it("is the shipped story's timeline as /timeline draws it on 28 February 2025", () => {
    const png = run("timeline", {}, DURING).picture?.png();
    if (!png) throw new Error("/timeline drew no picture");
    if (process.env.UPDATE_PICTURES === "1" || !existsSync(FILE)) writeFileSync(FILE, png);
    const shown = decodePng(readFileSync(FILE));
    const drawn = decodePng(png);
    expect([shown.width, shown.height]).toEqual([drawn.width, drawn.height]);
    let differ = 0;
    for (let i = 0; i < drawn.data.length; i += 4) {
      if (drawn.data.readUInt32BE(i) !== shown.data.readUInt32BE(i)) differ++;
    }
    // A few pixels may differ (another build of the renderer); a changed picture is written again.
    expect(
      differ / (drawn.width * drawn.height),
      "docs/timeline.png is out of date: see this file's header",
    ).toBeLessThan(0.01);
  });
});
