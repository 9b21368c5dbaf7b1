import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { platformOptionSpecs } from "../src/command-engine/options.js";
import { storyAt } from "../src/dataset/asof.js";
import { footerFor } from "../src/reply/phrases.js";
import type { ReplyField } from "../src/reply/reply.js";

export const help = defineCommand({
  name: "help",
  description: "What the bot can tell you and how to ask",
  options: z.object({}),
  handle(_options, context) {
    const story = context.dataset.defaultStory;
    const fields: ReplyField[] = context.commands.map((c) => {
      const opts = platformOptionSpecs(c)
        .map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`))
        .join(" ");
      return { name: `/${c.name}${opts ? ` ${opts}` : ""}`, value: [c.description] };
    });
    return {
      kind: "answer",
      title: "ceasefire-bot: help",
      summary: [
        `Answers about ${story.story.title}${
          context.dataset.stories.length > 1
            ? ` (and other stories: ${context.dataset.stories
                .filter((s) => s !== story)
                .map((s) => s.story.id)
                .join(", ")})`
            : ""
        } from a curated, sourced dataset. Options are written name:value, like /timeline from:2025-01-01 tag:phase-one. Add private:true to see a reply only yourself.`,
      ],
      fields,
      footer: footerFor(context.words, storyAt(story, context.clock.now()), context.settings, []),
      ephemeral: true,
    };
  },
});
