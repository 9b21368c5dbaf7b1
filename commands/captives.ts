import { z } from "zod";
import { defineCommand } from "../src/command/definition.js";
import { storyOption } from "../src/command/options.js";
import { figureAmount, figureSpans, footerFor, pickStory } from "../src/dataset/phrases.js";
import { errorReply, type ReplyField } from "../src/reply/reply.js";
import { formatShortDate } from "../src/time/calendar.js";

export const captives = defineCommand({
  name: "captives",
  description: "How many captives remain, how many are believed alive, and the latest exchanges",
  options: z.object({ story: storyOption }),
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return errorReply("Unknown story", story.error);
    const figures = story.figures.filter((f) => f.category === "captives" || f.category === "prisoners");
    if (figures.length === 0) {
      return errorReply(
        "No captive figures",
        `The story "${story.story.title}" has no captive or prisoner figures yet.`,
      );
    }
    const fields: ReplyField[] = figures.map((f) => {
      const latest = f.values[f.values.length - 1] ?? f.values[0];
      if (!latest) throw new Error(`figure ${f.id} has no values`);
      const previous = f.values[f.values.length - 2];
      return {
        name: f.label,
        value: [
          ...figureSpans(latest, f.unit),
          latest.note ? `. ${latest.note}` : "",
          previous
            ? ` (before: ${figureAmount(previous, f.unit)} according to ${previous.attribution}, as of ${formatShortDate(previous.asOf)})`
            : "",
        ],
      };
    });
    return {
      kind: "answer",
      title: `Captives and prisoners: ${story.story.title}`,
      fields,
      footer: footerFor(
        story,
        context,
        figures.flatMap((f) => f.values.map((v) => v.sourceId)),
      ),
      ephemeral: false,
    };
  },
});
