import { z } from "zod";
import type { CommandContext } from "../src/command-engine/definition.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { createRegistry, runCommand, WHY_COMMAND } from "../src/command-engine/run.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { errorIn } from "../src/reply/errors.js";
import { footerFor } from "../src/reply/phrases.js";
import type { Reply, Rich } from "../src/reply/reply.js";

/** The quotes behind another question's answer, asked again at this instant ("Why?"). */
function why(
  of: string,
  asked: string | undefined,
  story: string | undefined,
  context: CommandContext,
): Reply {
  const { words } = context;
  const target = context.commands.find((c) => c.name === of);
  if (!target || target.kind === "channel" || of === WHY_COMMAND) {
    const known = context.commands.filter((c) => c.kind !== "channel" && c.name !== WHY_COMMAND);
    return errorIn(words, "invalid-option", {
      command: WHY_COMMAND,
      message: words.t("sources.of-not-question", { known: known.map((c) => c.name).join(", "), of }),
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
    ` (${e.source.publisher ? `${e.source.publisher}, ` : ""}${words.shortDate(e.source.published)})`,
  ]);
  return {
    kind: "answer",
    title: words.t("sources.why-title", { title: answer.title }),
    summary: [
      evidence.length
        ? words.t("sources.why-summary", { command: `/${of}` })
        : words.t("sources.why-none", { command: `/${of}` }),
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
    const { words } = context;
    if (options.of) return why(options.of, options.with, options.story, context);
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const known = story.sources();
    const lines: Rich[] = known.map((s) => [
      s.url ? { link: s.title, url: s.url } : { strong: s.title },
      s.publisher ? words.t("sources.publisher", { publisher: s.publisher }) : "",
      words.t("sources.published", { date: words.shortDate(s.published) }),
      s.note ? `. ${s.note}` : "",
    ]);
    return {
      kind: "answer",
      title: words.t("sources.title", { story: story.title }),
      summary: [words.t("sources.summary", { date: words.shortDate(story.asOf) })],
      lines,
      footer: footerFor(
        words,
        story,
        context.settings,
        known.map((s) => s.id),
      ),
      ephemeral: false,
    };
  },
});
