import { z } from "zod";
import type { CommandContext } from "../src/command-engine/definition.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { createRegistry, runCommand, WHY_COMMAND } from "../src/command-engine/run.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { errorReply } from "../src/reply/errors.js";
import { footerFor } from "../src/reply/phrases.js";
import type { Reply, Rich } from "../src/reply/reply.js";
import { formatShortDate } from "../src/time/calendar.js";

/** The quotes behind another question's answer, asked again at this instant ("Why?"). */
function why(
  of: string,
  asked: string | undefined,
  story: string | undefined,
  context: CommandContext,
): Reply {
  const target = context.commands.find((c) => c.name === of);
  if (!target || target.kind === "channel" || of === WHY_COMMAND) {
    const known = context.commands.filter((c) => c.kind !== "channel" && c.name !== WHY_COMMAND);
    return errorReply("invalid-option", {
      command: WHY_COMMAND,
      message: `Option \`of\` must be a question: ${known.map((c) => c.name).join(", ")} (got ${of}).`,
    });
  }
  const raw: Record<string, unknown> = Object.fromEntries(new URLSearchParams(asked ?? ""));
  if (story) raw.story = story;
  const answer = runCommand(createRegistry(context.commands), of, raw, context);
  if (answer.kind === "error") return answer;
  const evidence = answer.evidence ?? [];
  const lines: Rich[] = evidence.map((e) => [
    { strong: e.what },
    `: “${e.quote}” — `,
    e.source.url ? { link: e.source.title, url: e.source.url } : e.source.title,
    ` (${e.source.publisher ? `${e.source.publisher}, ` : ""}${formatShortDate(e.source.published)})`,
  ]);
  return {
    kind: "answer",
    title: `Why? ${answer.title}`,
    summary: [
      evidence.length
        ? `The words of the sources behind /${of}, each from the report that first said it.`
        : `/${of} states nothing sourced.`,
    ],
    lines,
    ...(answer.footer ? { footer: answer.footer } : {}),
    ephemeral: true,
  };
}

export const sources = defineCommand({
  name: "sources",
  description: "Where the bot's information comes from, and the quotes behind an answer",
  options: z.object({
    of: z
      .string()
      .optional()
      .describe("Another question, like captives: the quote behind each thing its answer states"),
    with: z
      .string()
      .optional()
      .describe("That question's options, as a query string (page=2&from=2025-01-01)"),
    story: storyOption,
  }),
  suggest: { story: suggestStory },
  handle(options, context) {
    if (options.of) return why(options.of, options.with, options.story, context);
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
        `Every figure the bot states comes from these sources, with who says so. Data as of ${formatShortDate(story.asOf)}. Ask /sources of:captives (or any question) for the quote behind each thing it states.`,
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
