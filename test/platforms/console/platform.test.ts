/**
 * The console as one entry of the platform list: one variable (PICTURES_DIR), never enabled by one, run when no
 * other platform is, owning the terminal; `ask --render text` draws what it prints.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { InFlight } from "../../../src/bot/in-flight.js";
import { noMetrics } from "../../../src/monitoring/metrics.js";
import { consolePlatform } from "../../../src/platforms/console/platform.js";
import { renderText } from "../../../src/platforms/console/text.js";
import type { ConfiguredPlatform } from "../../../src/platforms/platform.js";
import { ARTICLE_KNOWN, shippedCore, silentLog } from "../../support/index.js";

function configured(): ConfiguredPlatform {
  const section = consolePlatform.configure({ DISCORD_TOKEN: "t" });
  if (!("configured" in section)) throw new Error(section.problems.join("; "));
  return section.configured;
}

describe("the console platform", () => {
  it("reads one variable (where pictures go), has no secret, and is the fallback that owns the terminal", () => {
    expect(consolePlatform).toMatchObject({
      name: "console",
      variables: ["PICTURES_DIR"],
      secrets: [],
      renderTarget: "text",
    });
    expect(configured()).toMatchObject({
      enabled: false,
      fallback: true,
      ownsTerminal: true,
      secretValues: [],
    });
    expect(configured().httpPort).toBeUndefined();
  });

  it("renders a reply as the console's text", () => {
    const reply = { kind: "answer" as const, title: "Phase", ephemeral: false };
    expect(consolePlatform.render(reply)).toBe(renderText(reply));
  });

  it("runs on the terminal it is given: answers its input, prints alerts, and closes with it", async () => {
    const { core, data } = await shippedCore({ at: ARTICLE_KNOWN });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk) => (text += String(chunk)));
    const running = await configured().start({
      core,
      log: silentLog(),
      metrics: noMetrics,
      inFlight: new InFlight(),
      terminal: { input, output },
    });
    expect(running.connected).toBeUndefined();
    await running.sender.send("console", { kind: "answer", title: "Reminder", ephemeral: false }, "m");
    input.end("/captives\n");
    await running.closed;
    expect(text).toContain("Reminder");
    expect(text).toContain("24 captives, according to Israel");
    await running.stop();
    data.close();
  });
});
