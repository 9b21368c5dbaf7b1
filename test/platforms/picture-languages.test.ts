/**
 * A picture's words on each platform, for a reader of Arabic: the platform's own framing (the
 * `render` catalog, by `reply.language`) and the picture's alt text (the `pictures` catalog, written
 * by the command) are both Arabic; no English catalog phrase, nor a renderer's own English word.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wordsFor } from "../../src/language/words.js";
import { savePicture } from "../../src/platforms/console/picture-file.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { pictureLine } from "../../src/platforms/pictures.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import {
  DURING,
  englishLeaks,
  rendererEnglish,
  runIn,
  shippedStory,
  storyTexts,
  tempDir,
} from "../support/index.js";

const reply = () => {
  const r = runIn("ar", "phase", {}, DURING);
  if (!r.picture) throw new Error("/phase drew no picture");
  return { reply: r, picture: r.picture };
};
const DATA = storyTexts(shippedStory());
/** The alt text's opening words, as the `pictures` catalog writes them in Arabic. */
const OPENING = "التسلسل الزمني لـ";

describe("a picture's words on each platform, in Arabic", () => {
  it("on the console: the saved picture's line and `ask --render`'s line", () => {
    const { reply: r, picture } = reply();
    const dir = tempDir();
    const saved = savePicture(picture, dir, wordsFor("ar"));
    expect(saved.startsWith(`الصورة: \u2068${join(dir, picture.name)}\u2069`)).toBe(true);
    const line = pictureLine(picture, undefined, wordsFor(r.language ?? "en"));
    for (const text of [saved, line]) {
      expect(text).toContain(OPENING);
      expect(englishLeaks(text, "ar", { except: DATA })).toEqual([]);
      expect(rendererEnglish(text)).toEqual([]);
    }
  });

  it("on Discord: the attachment's description", () => {
    const message = renderDiscord(reply().reply);
    const description = message.attachments?.[0]?.description ?? "";
    expect(description).toContain(OPENING);
    expect(englishLeaks(JSON.stringify(message), "ar", { except: DATA })).toEqual([]);
    expect(rendererEnglish(message)).toEqual([]);
  });

  it("on Slack: the picture's context block", () => {
    const message = renderSlack(reply().reply);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain(OPENING);
    expect(englishLeaks(json, "ar", { except: DATA.map((t) => JSON.stringify(t).slice(1, -1)) })).toEqual([]);
    expect(rendererEnglish(json)).toEqual([]);
  });
});
