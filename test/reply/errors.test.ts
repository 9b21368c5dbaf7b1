/**
 * The table of user-facing errors (src/reply/errors.ts): each code has a title and a text, one
 * wording per meaning, no platform named; and a failure reads the same wherever it happens (the
 * engine running a handler, the Discord adapter, the Slack adapter), with its code in the log.
 */
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { BotCore } from "../../src/bot/core.js";
import { defineChannelCommand, defineCommand } from "../../src/command-engine/definition.js";
import { createRegistry, runChannelCommand, runCommand } from "../../src/command-engine/run.js";
import { LANGUAGES } from "../../src/language/languages.js";
import { type Words, wordsFor } from "../../src/language/words.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import {
  ERROR_CODES,
  ERRORS,
  type ErrorArgs,
  type ErrorCode,
  errorIn,
  errorReply,
  localizeError,
} from "../../src/reply/errors.js";
import { plainText } from "../../src/reply/reply.js";
import { startDiscordHarness as startDiscord } from "../support/harness/discord.js";
import { startSlackHarness } from "../support/harness/slack.js";
import { contextAt, DURING, englishLeaks } from "../support/index.js";

/** Parameters for every code: a code added to the table without them fails to compile here. */
const SAMPLES: { [C in ErrorCode]: ErrorArgs<C> } = {
  internal: [],
  restarting: [],
  "unknown-command": [{ command: "/weather", known: ["/phase", "/captives"] }],
  "unreadable-command": [{ message: "A quote is not closed." }],
  "invalid-option": [{ command: "timeline", message: "Option `page` must be at most 2 (got 3)." }],
  "unknown-value": [{ option: "phase", value: "phase-three", known: ["phase-one", "phase-two"] }],
  "no-data": [{ what: "phases", story: "A ceasefire" }],
  "readers-channel": [{ story: "A ceasefire" }],
  "curators-channel": [{ story: "A ceasefire" }],
  "threads-in-thread": [],
  "not-allowed": [{ command: "subscribe" }],
  "needs-channel": [{ command: "subscribe" }],
  "no-store": [{ command: "subscribe" }],
  "calendar-unpublished": [],
  "stale-button": [],
  "no-scheduled-events": [],
  "events-permission": [],
};

const sample = <C extends ErrorCode>(code: C) => errorReply(code, ...SAMPLES[code]);

/** The samples in a reader's words: a parser's message is written in them too. */
function samplesIn(words: Words): { [C in ErrorCode]: ErrorArgs<C> } {
  return {
    ...SAMPLES,
    "unreadable-command": [{ message: words.t("options.unclosed-quote") }],
    "invalid-option": [{ command: "timeline", message: words.t("options.given-twice", { option: "page" }) }],
    "unknown-value": [{ option: "figure", value: "f", known: [], asOf: words.shortDate("2025-01-01") }],
    "no-data": [{ what: "figures-in-category", category: "deaths", story: "A ceasefire", asOf: "1" }],
  };
}

describe.each(LANGUAGES)("every error in %s", (language) => {
  const words = wordsFor(language);
  const samples = samplesIn(words);
  const inLanguage = <C extends ErrorCode>(code: C) => errorIn(words, code, ...samples[code]);

  it.each(ERROR_CODES)(
    "%s has a title and a text in the language, with no English of the bot's own",
    (code) => {
      const reply = inLanguage(code);
      expect(reply).toMatchObject({ kind: "error", code, ephemeral: true });
      expect(reply.language).toBe(language === "en" ? undefined : language);
      expect(reply.title.trim()).not.toBe("");
      const text = `${reply.title}\n${plainText(reply.summary ?? [])}`;
      expect(text).not.toMatch(/discord|slack/i);
      if (language !== "en") expect(englishLeaks(text, language)).toEqual([]);
    },
  );

  it("has one title per meaning", () => {
    const titles = ERROR_CODES.map((code) => inLanguage(code).title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("names each kind of data value in its own words", () => {
    const options = ["story", "tag", "phase", "figure", "party", "deadline"] as const;
    const titles = options.map(
      (option) => errorIn(words, "unknown-value", { option, value: "x", known: [] }).title,
    );
    expect(new Set(titles).size).toBe(options.length);
  });
});

describe("an error made before the reader's words were known", () => {
  it("is re-written in them when its words take no parameters", () => {
    const he = wordsFor("he");
    expect(localizeError(errorReply("internal"), he)).toEqual(errorIn(he, "internal"));
    expect(localizeError(errorReply("restarting"), he).title).toBe("הבוט מופעל מחדש");
  });

  it("is left as it is when its words were made from parameters", () => {
    const made = errorReply("not-allowed", { command: "subscribe" });
    expect(localizeError(made, wordsFor("ar"))).toBe(made);
  });
});

describe("an error in Arabic", () => {
  it("says which values exist, the unknown one isolated so it keeps its order", () => {
    const reply = errorIn(wordsFor("ar"), "unknown-value", {
      option: "story",
      value: "atlantis",
      known: ["gaza-2025"],
    });
    expect(reply.title).toBe("قصة غير معروفة");
    expect(reply.summary).toEqual([
      "لا توجد قصة باسم `\u2068atlantis\u2069`. القصص المتاحة: \u2068`gaza-2025`\u2069.",
    ]);
  });
});

describe("the table of errors", () => {
  it.each(ERROR_CODES)(
    "%s has a title and a text, and makes a private error Reply carrying its code",
    (code) => {
      const reply = sample(code);
      expect(reply).toMatchObject({ kind: "error", code, ephemeral: true });
      expect(reply.title.trim()).not.toBe("");
      expect(reply.title).not.toMatch(/\.$/);
      expect(plainText(reply.summary ?? []).trim()).toMatch(/\S.*\.$/s);
    },
  );

  it("has one wording per meaning: no two codes share a title", () => {
    const titles = ERROR_CODES.map((code) => sample(code).title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("names no platform: an error reads the same on Discord, Slack and the console", () => {
    for (const code of ERROR_CODES) {
      const reply = sample(code);
      expect(`${reply.title}\n${plainText(reply.summary ?? [])}`, code).not.toMatch(/discord|slack/i);
    }
  });

  it("says which data values exist when one is unknown", () => {
    expect(
      errorReply("unknown-value", { option: "story", value: "atlantis", known: ["gaza-2025", "all"] }),
    ).toEqual({
      kind: "error",
      code: "unknown-value",
      title: "Unknown story",
      summary: ["There is no story `atlantis`. Stories: `gaza-2025`, `all`."],
      ephemeral: true,
    });
    expect(
      errorReply("unknown-value", { option: "figure", value: "f", known: [], asOf: "1 Jan 2025" }).summary,
    ).toEqual(["There is no figure `f` as of 1 Jan 2025. Figures: none."]);
  });

  it("keeps every entry a title and a text, fixed or made from parameters", () => {
    for (const entry of Object.values(ERRORS)) {
      expect(["string", "function"]).toContain(typeof entry.title);
      expect(["string", "function"]).toContain(typeof entry.text);
    }
  });
});

const broken = defineCommand({
  name: "broken",
  description: "always fails",
  options: z.object({}),
  handle() {
    throw new Error("secret internal detail");
  },
});
const brokenChannel = defineChannelCommand({
  kind: "channel",
  name: "broken-channel",
  description: "always fails",
  options: z.object({}),
  async handle() {
    throw new Error("secret internal detail");
  },
});
const failing = createRegistry([broken, brokenChannel] as never);

const INTERNAL = errorReply("internal");

describe("a failure, wherever it happens, gets the one internal error", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("from the engine, for a question and for a channel command", async () => {
    const context = contextAt(DURING);
    expect(runCommand(failing, "broken", {}, context)).toEqual(INTERNAL);
    const invocation = {
      platform: "console" as const,
      channelId: "c",
      workspaceId: "w",
      userId: "u",
      canManage: async () => true,
    };
    expect(
      await runChannelCommand(
        failing,
        "broken-channel",
        {},
        { ...context, invocation, port: {} as never, languages: {} as never },
      ),
    ).toEqual(INTERNAL);
  });

  it("from the Discord adapter, when the command throws there, logged with its code", async () => {
    const throwing = (core: BotCore) => ({
      ...core,
      answerInChannel: async () => {
        throw new Error("secret internal detail");
      },
    });
    const h = await startDiscord({ wrapCore: throwing });
    close = () => h.close();
    const body = await h.discord.command("captives");
    expect(body.data?.embeds).toEqual(renderDiscord(INTERNAL).embeds);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: "command failed", code: "internal" }));
  });

  it("from the Discord adapter, when Discord refuses the answer, logged with its code", async () => {
    const h = await startDiscord();
    close = () => h.close();
    h.discord.failOnce("POST", /\/callback$/, 400, 50035, "Invalid Form Body");
    const { id } = h.discord.chatInput("captives");
    const answered = await h.discord.waitForRequest(
      (r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`),
    );
    expect((answered.body as { data?: { embeds?: unknown } }).data?.embeds).toEqual(
      renderDiscord(INTERNAL).embeds,
    );
    expect(h.logs).toContainEqual(
      expect.objectContaining({ msg: "Discord rejected a reply", code: "internal" }),
    );
  });

  it("from the Slack adapter, logged with its code", async () => {
    const h = await startSlackHarness();
    close = () => h.close();
    h.core.answerInChannel = async () => {
      throw new Error("secret internal detail");
    };
    const res = await h.command("/captives");
    expect(res.json).toMatchObject(JSON.parse(JSON.stringify(renderSlack(INTERNAL))));
    expect(h.logText()).toContain('"code":"internal"');
    expect(h.logText()).toContain("slack answer failed");
  });
});
