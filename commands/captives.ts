import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { errorIn } from "../src/reply/errors.js";
import { cite, figureAmount, figureSpans } from "../src/reply/phrases.js";
import type { ReplyField } from "../src/reply/reply.js";

export const captives = defineCommand({
  name: "captives",
  description: "How many captives remain, how many are believed alive, and the latest exchanges",
  options: z.object({ story: storyOption }),
  suggest: { story: suggestStory },
  handle(options, context) {
    const { words } = context;
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const figures = story
      .figures()
      .filter((f) => f.figure.category === "captives" || f.figure.category === "prisoners");
    if (figures.length === 0) {
      return errorIn(words, "no-data", {
        what: "captive-figures",
        story: story.title,
        asOf: words.shortDate(story.today),
      });
    }
    const fields: ReplyField[] = figures.map(({ figure, latest, previous }) => ({
      name: figure.label,
      value: [
        ...figureSpans(words, latest, figure.unit, figure.unitOne),
        latest.note ? `. ${latest.note}` : "",
        previous
          ? words.t("captives.before", {
              amount: figureAmount(words, previous, figure.unit, figure.unitOne),
              who: previous.attribution,
              date: words.shortDate(previous.asOf),
            })
          : "",
      ],
    }));
    return {
      kind: "answer",
      title: words.t("captives.title", { story: story.title }),
      fields,
      ...cite(
        words,
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
