import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { storyAt } from "../src/dataset/asof.js";
import { figureSchema } from "../src/dataset/schema.js";
import { figurePicture } from "../src/pictures/figure-chart.js";
import { errorIn } from "../src/reply/errors.js";
import { cite, figureSpans } from "../src/reply/phrases.js";
import type { Rich } from "../src/reply/reply.js";

export const figures = defineCommand({
  name: "figures",
  description: "The key figures (captives, prisoners, casualties, displacement) with who states them",
  options: z.object({
    category: figureSchema.shape.category.optional().describe("Only figures of this category"),
    figure: z.string().optional().describe("One figure's id, to see its whole history"),
    story: storyOption,
  }),
  suggest: {
    figure: ({ story, clock }) =>
      storyAt(story, clock.now())
        .figures()
        .map(({ figure }) => ({ value: figure.id, label: figure.label })),
    story: suggestStory,
  },
  handle(options, context) {
    const { words } = context;
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const tracks = story.story.tracks.figures;
    if (options.figure) {
      const track = tracks.find((f) => f.figure.id === options.figure);
      const values = track ? story.figureHistory(track) : [];
      if (!track || values.length === 0) {
        return errorIn(words, "unknown-value", {
          option: "figure",
          value: options.figure,
          known: story.figures().map((f) => f.figure.id),
          ...(track ? { asOf: words.shortDate(story.today) } : {}),
        });
      }
      const figure = track.figure;
      const picture = figurePicture(story, track, words);
      return {
        kind: "answer",
        title: figure.label,
        ...(figure.description ? { summary: [figure.description] } : {}),
        lines: [...values]
          .reverse()
          .map(
            (v): Rich => [...figureSpans(words, v, figure.unit, figure.unitOne), v.note ? `. ${v.note}` : ""],
          ),
        ...cite(
          words,
          story,
          context.settings,
          values.map((v) => ({ what: figure.label, sourceIds: [v.sourceId], evidence: v.evidence })),
        ),
        ...(picture ? { picture } : {}),
        ephemeral: false,
      };
    }
    const chosen = story.figures().filter((f) => !options.category || f.figure.category === options.category);
    if (chosen.length === 0) {
      return errorIn(words, "no-data", {
        what: options.category ? "figures-in-category" : "figures",
        story: story.title,
        asOf: words.shortDate(story.today),
        ...(options.category ? { category: options.category } : {}),
      });
    }
    return {
      kind: "answer",
      title: options.category
        ? words.t("figures.title-category", { category: options.category, story: story.title })
        : words.t("figures.title", { story: story.title }),
      fields: chosen.map((f) => ({
        name: f.figure.label,
        value: figureSpans(words, f.latest, f.figure.unit),
      })),
      ...cite(
        words,
        story,
        context.settings,
        chosen.map((f) => ({
          what: f.figure.label,
          sourceIds: [f.latest.sourceId],
          evidence: f.latest.evidence,
        })),
      ),
      ephemeral: false,
    };
  },
});
