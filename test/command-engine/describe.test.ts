import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.js";
import { defineCommand } from "../../src/command-engine/definition.js";
import {
  choiceKey,
  choiceName,
  commandDescription,
  commandKey,
  hasDescription,
  optionDescription,
  optionKeys,
} from "../../src/command-engine/describe.js";
import { platformOptionSpecs } from "../../src/command-engine/options.js";
import { CATALOGS } from "../../src/language/catalogs/index.js";
import { LANGUAGES } from "../../src/language/languages.js";
import { ENGLISH, wordsFor } from "../../src/language/words.js";

/** Discord's limit for a description and for a choice's name, the strictest of the platforms'. */
const LIMIT = 100;

describe("what each command is for, in every language", () => {
  it("has an entry for every command, option and choice, whose English is the command's own", () => {
    const missing: string[] = [];
    for (const def of commands) {
      if (!hasDescription([commandKey(def)], def.description)) missing.push(commandKey(def));
      for (const option of platformOptionSpecs(def)) {
        const keys = optionKeys(def, option);
        if (!hasDescription(keys, option.description)) missing.push(keys[0] ?? option.name);
        for (const choice of option.choices ?? []) {
          if (!hasDescription([choiceKey(def, option, choice)])) missing.push(choiceKey(def, option, choice));
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps every description and choice name within 100 characters in every language", () => {
    const long: string[] = [];
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(CATALOGS[language])) {
        if (key.startsWith("describe.") && text.length > LIMIT)
          long.push(`${language} ${key} (${text.length})`);
      }
    }
    expect(long).toEqual([]);
  });

  it("says the English exactly as the command does", () => {
    for (const def of commands) {
      expect(commandDescription(def, ENGLISH)).toBe(def.description);
      for (const option of platformOptionSpecs(def)) {
        expect(optionDescription(def, option, ENGLISH)).toBe(option.description);
      }
    }
  });

  it("says /phase and its options in Arabic, Hebrew and French", () => {
    const phase = commands.find((c) => c.name === "phase");
    if (!phase) throw new Error("no /phase");
    const [option, , privately] = platformOptionSpecs(phase);
    if (!option || !privately) throw new Error("no options");
    expect(commandDescription(phase, wordsFor("ar"))).toContain("وقف إطلاق النار");
    expect(commandDescription(phase, wordsFor("he"))).toContain("הפסקת האש");
    expect(commandDescription(phase, wordsFor("fr"))).toContain("cessez-le-feu");
    expect(optionDescription(phase, option, wordsFor("ar"))).toContain("\u2068phase-two\u2069");
    expect(optionDescription(phase, privately, wordsFor("fr"))).toBe("Vous seul voyez la réponse");
  });

  it("names a choice in the language, and by its value where the catalog has no name for it", () => {
    const deadlines = commands.find((c) => c.name === "deadlines");
    const show = deadlines && platformOptionSpecs(deadlines).find((o) => o.name === "show");
    if (!deadlines || !show) throw new Error("no /deadlines show:");
    expect(choiceName(deadlines, show, "upcoming", ENGLISH)).toBe("upcoming");
    expect(choiceName(deadlines, show, "upcoming", wordsFor("ar"))).toBe("المقبلة");
    expect(choiceName(deadlines, show, "upcoming", wordsFor("he"))).toBe("קרובים");
    expect(choiceName(deadlines, show, "someday", wordsFor("fr"))).toBe("someday");
  });

  it("shows the command's own English where its entry says something else (a description changed)", () => {
    const changed = defineCommand({
      name: "help",
      description: "Every command, and how to ask",
      options: z.object({ story: z.string().optional().describe("The story") }),
      handle: () => ({ kind: "answer", title: "", ephemeral: false }),
    });
    const [story] = platformOptionSpecs(changed);
    if (!story) throw new Error("no option");
    expect(commandDescription(changed, wordsFor("fr"))).toBe("Every command, and how to ask");
    expect(optionDescription(changed, story, wordsFor("he"))).toBe("The story");
  });
});
