/** `ask --render`: a reply as a platform of the list draws it, found by its render target. */
import { describe, expect, it } from "vitest";
import { renderReply, renderTargets } from "../../src/cli/render-target.js";
import { platforms, renderDiscord } from "../../src/platforms/index.js";
import type { Reply } from "../../src/reply/reply.js";
import { testPicture } from "../support/index.js";

const reply: Reply = { kind: "answer", title: "Phase one", summary: ["Ends on 1 March."], ephemeral: false };

describe("ask --render", () => {
  it("takes each platform's render target, in the list's order", () => {
    expect(renderTargets(platforms)).toEqual(["text", "discord", "slack"]);
    expect(renderTargets([])).toEqual([]);
  });

  it("prints the console's text as it is", () => {
    expect(renderReply(reply, "text", platforms)).toBe("Phase one\n=========\nEnds on 1 March.");
  });

  it("prints another platform's payload as indented JSON", () => {
    expect(renderReply(reply, "discord", platforms)).toBe(JSON.stringify(renderDiscord(reply), null, 2));
  });

  it("refuses a target no platform of the list renders", () => {
    expect(() => renderReply(reply, "teams", platforms)).toThrow('no platform of the list renders "teams"');
  });
});

describe("ask --render, with a picture", () => {
  const picture = testPicture({ width: 30, height: 20 });
  const pictured: Reply = { ...reply, picture };

  it("describes the picture after the console's text: name, size, bytes and alt text", () => {
    const text = renderReply(pictured, "text", platforms);
    expect(text.startsWith(renderReply(reply, "text", platforms))).toBe(true);
    expect(text.split("\n").at(-1)).toBe(
      `Picture: timeline-test.png (30×20, ${picture.png().length} bytes): ${picture.alt}`,
    );
  });

  it("gives a payload the picture's name, alt text and size, never its bytes or the SVG", () => {
    for (const target of ["discord", "slack"]) {
      const shown = JSON.parse(renderReply(pictured, target, platforms));
      expect(shown.picture).toEqual({
        name: "timeline-test.png",
        alt: picture.alt,
        width: 30,
        height: 20,
        bytes: picture.png().length,
      });
      const text = JSON.stringify(shown);
      expect(text).not.toContain("<svg");
      expect(text).not.toContain("PNG");
    }
  });

  it("says so when the picture cannot be drawn", () => {
    const broken = testPicture({
      png: () => {
        throw new Error("no font");
      },
    });
    const shown = JSON.parse(renderReply({ ...reply, picture: broken }, "discord", platforms));
    expect(shown.picture.bytes).toBe("not drawn: no font");
  });
});
