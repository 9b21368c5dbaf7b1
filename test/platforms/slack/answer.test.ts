import { describe, expect, it } from "vitest";
import type { Invocation } from "../../../src/command-engine/definition.js";
import { renderText } from "../../../src/platforms/console/text.js";
import { answerUmbrella, safely } from "../../../src/platforms/slack/answer.js";
import { captureLog, englishLeaks, shippedCore } from "../../support/index.js";

/** The core on the shipped data at a fixed clock. */
const core = async () => (await shippedCore()).core;

describe("slack umbrella command", () => {
  const invocation: Invocation = {
    platform: "slack",
    channelId: "C1",
    workspaceId: "T1",
    userId: "U1",
    canManage: async () => false,
  };

  it("takes the subcommand with or without its slash, in any case", async () => {
    const c = await core();
    expect((await answerUmbrella(c, "cf", "/Captives", invocation)).title).toContain("Captives");
    expect((await answerUmbrella(c, "cf", "  captives  private:true ", invocation)).ephemeral).toBe(true);
  });

  it("says an unknown subcommand, and an unreadable option, in the reader's language", async () => {
    const french = { ...invocation, locale: "fr-FR" };
    const unknown = await answerUmbrella(await core(), "cf", "frobnicate", french);
    expect(unknown).toMatchObject({ kind: "error", code: "unknown-command", language: "fr" });
    const unclosed = await answerUmbrella(await core(), "cf", 'captives story:"gaza', french);
    expect(unclosed).toMatchObject({ kind: "error", code: "invalid-option", language: "fr" });
    expect(englishLeaks(renderText(unclosed), "fr")).toEqual([]);
  });

  it("refuses a subcommand holding a control character without quoting it back", async () => {
    const reply = await answerUmbrella(await core(), "cf", "capt\u0007ives", invocation);
    expect(reply).toMatchObject({ kind: "error", ephemeral: true });
    expect(reply.summary).toEqual([
      "The command contains a control character (U+0007), which the bot does not accept: type it again without it.",
    ]);
  });
});

describe("a slack answer that throws", () => {
  const boom = () => {
    throw new Error("boom");
  };

  it("is the internal error, told in the reader's language, and logged with its code", async () => {
    const { log, lines } = captureLog();
    const reply = await safely(log, "/captives", boom, async () => "he");
    expect(reply).toMatchObject({ kind: "error", code: "internal", language: "he", ephemeral: true });
    expect(englishLeaks(renderText(reply), "he")).toEqual([]);
    expect(lines().find((l) => l.msg === "slack answer failed")).toMatchObject({ code: "internal" });
  });

  it("is told in English when the reader's language cannot be found either", async () => {
    const { log } = captureLog();
    const reply = await safely(log, "/captives", boom, async () => {
      throw new Error("store down");
    });
    expect(reply).toMatchObject({ kind: "error", code: "internal" });
    expect(reply.language).toBeUndefined();
  });
});
