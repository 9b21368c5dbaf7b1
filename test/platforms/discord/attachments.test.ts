/** A reply's picture as Discord takes it: the file to send with the message, or the message without it. */
import { describe, expect, it } from "vitest";
import { attachPicture, drawAhead } from "../../../src/platforms/discord/attachments.js";
import { renderDiscord } from "../../../src/platforms/discord/embeds.js";
import type { Reply } from "../../../src/reply/reply.js";
import { captureLog, PNG_SIGNATURE, pngSize, silentLog, testPicture } from "../../support/index.js";

const answer: Reply = { kind: "answer", title: "Phase one", summary: ["Ends on 1 March."], ephemeral: false };

describe("a picture attached to a Discord answer", () => {
  it("sends the PNG as the file the embed's image names, with its alt text as description", () => {
    const reply = { ...answer, picture: testPicture({ width: 20, height: 10 }) };
    const { message, files } = attachPicture(reply, renderDiscord(reply), silentLog());
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file?.name).toBe("timeline-test.png");
    expect(file?.description).toBe(reply.picture.alt);
    const bytes = file?.attachment as Buffer;
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(bytes)).toEqual({ width: 20, height: 10 });
    expect(message.embeds[0]?.image).toEqual({ url: "attachment://timeline-test.png" });
  });

  it("sends no file for a reply without a picture", () => {
    const message = renderDiscord(answer);
    expect(attachPicture(answer, message, silentLog())).toEqual({ message, files: [] });
  });

  it("leaves the image out, and logs why, when the picture cannot be drawn", () => {
    const { log, lines } = captureLog();
    const reply = {
      ...answer,
      picture: testPicture({
        png: () => {
          throw new Error("no font");
        },
      }),
    };
    const rendered = renderDiscord(reply);
    const { message, files } = attachPicture(reply, rendered, log);
    expect(files).toEqual([]);
    expect(message.embeds[0]?.image).toBeUndefined();
    expect(message.attachments).toBeUndefined();
    expect(message.embeds[0]?.title).toBe(rendered.embeds[0]?.title);
    // The shared rendering is left as it was.
    expect(rendered.embeds[0]?.image).toBeDefined();
    expect(lines()).toContainEqual(
      expect.objectContaining({ picture: "timeline-test.png", error: "no font", level: 40 }),
    );
  });

  it("draws the picture ahead of sending, once", () => {
    const picture = testPicture();
    const reply = { ...answer, picture };
    expect(drawAhead(reply)).toBe(reply);
    expect(picture.drawn).toBe(1);
    expect(drawAhead(answer)).toBe(answer);
  });
});
