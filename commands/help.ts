import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { commandDescription } from "../src/command-engine/describe.js";
import { platformOptionSpecs } from "../src/command-engine/options.js";
import { storyAt } from "../src/dataset/asof.js";
import { footerFor } from "../src/reply/phrases.js";
import type { ReplyField } from "../src/reply/reply.js";

/**
 * /help: every command, as typed (names and options are the same in every language), with what it
 * is for in the reader's language (the catalog's `describe` area).
 */
export const help = defineCommand({
  name: "help",
  description: "What the bot can tell you and how to ask",
  options: z.object({}),
  handle(_options, context) {
    const { words } = context;
    const story = context.dataset.defaultStory;
    const fields: ReplyField[] = context.commands.map((c) => {
      const opts = platformOptionSpecs(c)
        .map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`))
        .join(" ");
      return { name: `/${c.name}${opts ? ` ${opts}` : ""}`, value: [commandDescription(c, words)] };
    });
    const others = context.dataset.stories.filter((s) => s !== story).map((s) => s.story.id);
    return {
      kind: "answer",
      title: words.t("help.title"),
      summary: [
        others.length > 0
          ? words.t("help.summary-stories", { story: story.story.title, others: others.join(", ") })
          : words.t("help.summary", { story: story.story.title }),
      ],
      fields,
      footer: footerFor(context.words, storyAt(story, context.clock.now()), context.settings, []),
      ephemeral: true,
    };
  },
});
