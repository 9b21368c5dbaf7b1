import { z } from "zod";
import { defineCommand } from "../src/command/definition.js";
import { storyOption } from "../src/command/options.js";
import { pickStory, suggestStory } from "../src/command/story.js";
import { footerFor } from "../src/reply/phrases.js";
import type { Rich } from "../src/reply/reply.js";
import { formatShortDate } from "../src/time/calendar.js";

export const sources = defineCommand({
  name: "sources",
  description: "Where the bot's information comes from",
  options: z.object({ story: storyOption }),
  suggest: { story: suggestStory },
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const known = story.sources();
    const lines: Rich[] = known.map((s) => [
      s.url ? { link: s.title, url: s.url } : { strong: s.title },
      s.publisher ? ` — ${s.publisher}` : "",
      `, published ${formatShortDate(s.published)}`,
      s.note ? `. ${s.note}` : "",
    ]);
    return {
      kind: "answer",
      title: `Sources: ${story.title}`,
      summary: [
        `Every figure the bot states comes from these sources, with who says so. Data as of ${formatShortDate(story.asOf)}.`,
      ],
      lines,
      footer: footerFor(
        story,
        context.settings,
        known.map((s) => s.id),
      ),
      ephemeral: false,
    };
  },
});
