import { z } from "zod";
import { defineChannelCommand } from "../src/command-engine/definition.js";
import type { LanguageReason } from "../src/language/chain.js";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "../src/language/languages.js";
import { type MessageKey, type Words, wordsFor } from "../src/language/words.js";
import type { Reply } from "../src/reply/reply.js";

const NOW: Record<LanguageReason, MessageKey> = {
  choice: "language.now.choice",
  locale: "language.now.locale",
  server: "language.now.server",
  default: "language.now.default",
};

/** "I answer you in Français, the language of your app." in `words`' language. */
function nowLine(words: Words, language: Language, reason: LanguageReason): string {
  return words.t(NOW[reason], { language: LANGUAGE_NAMES[language] });
}

/** A private answer in `language`, marked with it (so English too, after another language). */
function answer(language: Language, lines: readonly string[]): Reply {
  const words = wordsFor(language);
  return {
    kind: "answer",
    title: words.t("language.title"),
    summary: lines.flatMap((line, i) => (i ? ["\n", line] : [line])),
    ephemeral: true,
    language,
  };
}

/**
 * /language [language:en|ar|he|fr|reset]: without an option, which language the bot answers this
 * person in and why (their choice, their app's locale, the server's, the default); with one, their
 * choice on this platform is remembered (or forgotten) and the answer is already in the new language
 * (docs/decisions/0031-who-gets-which-language.md). Anyone may run it: it concerns only themselves.
 */
export const languageCommand = defineChannelCommand({
  kind: "channel",
  name: "language",
  description: "The language the bot answers you in: choose one, or see which and why",
  options: z.object({
    language: z
      .enum([...LANGUAGES, "reset"])
      .optional()
      .describe("Your language (reset: back to your app's or server's language)"),
  }),
  async handle(options, ctx) {
    const reader = ctx.invocation;
    if (options.language === undefined) {
      const { language, reason } = await ctx.languages.of(reader);
      const words = wordsFor(language);
      return answer(language, [
        nowLine(words, language, reason),
        words.t("language.how"),
        words.t("language.channels"),
      ]);
    }
    const chosen = options.language === "reset" ? undefined : options.language;
    await ctx.languages.choose(reader, chosen, ctx.clock.now());
    const { language, reason } = await ctx.languages.of(reader);
    const words = wordsFor(language);
    return chosen
      ? answer(language, [
          words.t("language.chosen", { language: LANGUAGE_NAMES[language] }),
          words.t("language.channels"),
        ])
      : answer(language, [
          words.t("language.reset"),
          nowLine(words, language, reason),
          words.t("language.how"),
        ]);
  },
});
