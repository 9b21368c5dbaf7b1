/** The platform list: the one list that start, `ask --render`, the configuration and the metrics loop over. */
import { describe, expect, it } from "vitest";
import { platforms, renderDiscord, renderSlack, renderText } from "../../src/platforms/index.js";

describe("the platform list", () => {
  it("is the console first, then Discord and Slack", () => {
    expect(platforms.map((p) => p.name)).toEqual(["console", "discord", "slack"]);
    expect(platforms.map((p) => p.renderTarget)).toEqual(["text", "discord", "slack"]);
  });

  it("gives each platform a name of its own, and no variable to two platforms", () => {
    expect(new Set(platforms.map((p) => p.name)).size).toBe(platforms.length);
    const variables = platforms.flatMap((p) => p.variables);
    expect(new Set(variables).size).toBe(variables.length);
  });

  it("lends the desk each client's rendering, the same the platforms use", () => {
    const reply = { kind: "answer" as const, title: "Phase", ephemeral: false };
    expect(platforms.map((p) => p.render(reply))).toEqual([
      renderText(reply),
      renderDiscord(reply),
      renderSlack(reply),
    ]);
  });
});
