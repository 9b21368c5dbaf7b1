import { z } from "zod";
import { defineCommand } from "../src/command/definition.js";
import { storyOption } from "../src/command/options.js";
import { figureSpans, footerFor, pickStory } from "../src/dataset/phrases.js";
import { figureSchema } from "../src/dataset/schema.js";
import { errorReply, type Rich } from "../src/reply/reply.js";

export const figures = defineCommand({
  name: "figures",
  description: "The key figures (captives, prisoners, casualties, displacement) with who states them",
  options: z.object({
    category: figureSchema.shape.category.optional().describe("Only figures of this category"),
    figure: z
      .string()
      .optional()
      .describe("One figure's id, to see its whole history")
      .meta({ autocomplete: true }),
    story: storyOption,
  }),
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return errorReply("Unknown story", story.error);
    if (options.figure) {
      const figure = story.figures.find((f) => f.id === options.figure);
      if (!figure) {
        return errorReply(
          "Unknown figure",
          `There is no figure \`${options.figure}\`. Figures: ${story.figures.map((f) => `\`${f.id}\``).join(", ")}.`,
        );
      }
      return {
        kind: "answer",
        title: figure.label,
        ...(figure.description ? { summary: [figure.description] } : {}),
        lines: [...figure.values]
          .reverse()
          .map((v): Rich => [...figureSpans(v, figure.unit), v.note ? `. ${v.note}` : ""]),
        footer: footerFor(
          story,
          context,
          figure.values.map((v) => v.sourceId),
        ),
        ephemeral: false,
      };
    }
    const chosen = story.figures.filter((f) => !options.category || f.category === options.category);
    if (chosen.length === 0) {
      return errorReply(
        "No figures",
        `The story has no figures${options.category ? ` in category ${options.category}` : ""}.`,
      );
    }
    return {
      kind: "answer",
      title: `Figures${options.category ? ` (${options.category})` : ""}: ${story.story.title}`,
      fields: chosen.map((f) => {
        const latest = f.values[f.values.length - 1];
        if (!latest) throw new Error(`figure ${f.id} has no values`);
        return { name: f.label, value: figureSpans(latest, f.unit) };
      }),
      footer: footerFor(
        story,
        context,
        chosen.flatMap((f) => f.values.map((v) => v.sourceId)),
      ),
      ephemeral: false,
    };
  },
});
