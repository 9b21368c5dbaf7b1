import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { errorReply } from "../src/reply/errors.js";
import { cite, figureAmount, figureSpans } from "../src/reply/phrases.js";
import type { ReplyField } from "../src/reply/reply.js";
import { formatShortDate } from "../src/time/calendar.js";

export const captives = defineCommand({
  name: "captives",
  description: "How many captives remain, how many are believed alive, and the latest exchanges",
  options: z.object({ story: storyOption }),
  suggest: { story: suggestStory },
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const figures = story
      .figures()
      .filter((f) => f.figure.category === "captives" || f.figure.category === "prisoners");
    if (figures.length === 0) {
      return errorReply("no-data", {
        what: "captive or prisoner figures",
        story: story.title,
        asOf: formatShortDate(story.today),
      });
    }
    const fields: ReplyField[] = figures.map(({ figure, latest, previous }) => ({
      name: figure.label,
      value: [
        ...figureSpans(latest, figure.unit, figure.unitOne),
        latest.note ? `. ${latest.note}` : "",
        previous
          ? ` (before: ${figureAmount(previous, figure.unit, figure.unitOne)} according to ${previous.attribution}, as of ${formatShortDate(previous.asOf)})`
          : "",
      ],
    }));
    return {
      kind: "answer",
      title: `Captives and prisoners: ${story.title}`,
      fields,
      ...cite(
        story,
        context.settings,
        figures.flatMap((f) =>
          [f.latest, ...(f.previous ? [f.previous] : [])].map((v) => ({
            what: f.figure.label,
            sourceIds: [v.sourceId],
            evidence: v.evidence,
          })),
        ),
      ),
      ephemeral: false,
    };
  },
});
