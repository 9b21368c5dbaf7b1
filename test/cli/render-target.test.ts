/** `ask --render`: a reply as a platform of the list draws it, found by its render target. */
import { describe, expect, it } from "vitest";
import { renderReply, renderTargets } from "../../src/cli/render-target.js";
import { platforms, renderDiscord } from "../../src/platforms/index.js";
import type { Reply } from "../../src/reply/reply.js";

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
