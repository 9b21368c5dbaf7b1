import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/command-engine/run.js";
import type { Language } from "../../src/language/languages.js";
import { wordsFor } from "../../src/language/words.js";
import {
  CLOCKS,
  contextAt,
  DURING,
  englishLeaks,
  registry,
  renderText,
  replyText,
  run,
  runText,
  shippedData,
} from "../support/index.js";

/** /help for a reader of `language`. */
function helpIn(language: Language) {
  return runCommand(registry, "help", {}, { ...contextAt(DURING), words: wordsFor(language) });
}

describe("help", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    it("lists every command with its options, private last", () => {
      const reply = run("help", {}, at);
      expect(reply.fields?.map((f) => f.name.split(" ")[0])).toEqual(registry.list.map((c) => `/${c.name}`));
      expect(runText("help", {}, at)).toContain(
        "/timeline [from:…] [to:…] [tag:…] [page:…] [story:…] [private:…]:",
      );
    });

    it("is shown only to the person who asked", () => {
      expect(run("help", {}, at).ephemeral).toBe(true);
      expect(runText("help", {}, at)).toContain("(only you can see this)");
    });
  });

  it("says how options are written", () => {
    expect(runText("help")).toContain(
      "Options are written name:value, like /timeline from:2025-01-01 tag:phase-one.",
    );
  });

  it("takes no options", () => {
    expect(run("help", { story: "gaza-2025" }).summary).toEqual(["/help takes no options (got `story`)."]);
  });
});

describe("help in the reader's language", () => {
  const story = shippedData().defaultStory.story.title;

  it.each([
    ["ar", "\u2068ceasefire-bot\u2069: المساعدة", "وقف إطلاق النار", "ليظهر الرد لك وحدك"],
    ["he", "\u2068ceasefire-bot\u2069: עזרה", "הפסקת האש", "תוצג רק לכם"],
    ["fr", "ceasefire-bot : aide", "cessez-le-feu", "Ajoutez private:true"],
  ] as const)(
    "says what every command is for in %s, the commands as they are typed",
    (language, title, phase, said) => {
      const reply = helpIn(language);
      expect(reply.language).toBe(language);
      expect(reply.title).toBe(title);
      expect(reply.fields?.map((f) => f.name)).toEqual(run("help").fields?.map((f) => f.name));
      expect(reply.fields?.find((f) => f.name.startsWith("/phase"))?.value.join("")).toContain(phase);
      expect(replyText(reply)).toContain(said);
      expect(englishLeaks(replyText(reply), language, { except: [story] })).toEqual([]);
      expect(englishLeaks(renderText(reply), language, { except: [story] })).toEqual([]);
    },
  );

  it("keeps every command's description apart from the English one in Arabic and Hebrew", () => {
    const english = run("help").fields?.map((f) => f.value.join("")) ?? [];
    for (const language of ["ar", "he"] as const) {
      const said = helpIn(language).fields?.map((f) => f.value.join("")) ?? [];
      expect(said).toHaveLength(english.length);
      for (const [n, text] of said.entries()) expect(text).not.toBe(english[n]);
    }
  });

  it("says it in English, word for word as before, to a reader of English", () => {
    expect(helpIn("en")).toEqual(run("help"));
    expect(helpIn("en").language).toBeUndefined();
  });
});
