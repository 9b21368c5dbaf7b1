import { z } from "zod";
import { defineCommand } from "../src/command/definition.js";
import { storyOption } from "../src/command/options.js";
import { footerFor, pickStory } from "../src/dataset/phrases.js";
import { errorReply, type Rich } from "../src/reply/reply.js";
import { formatShortDate } from "../src/time/calendar.js";

export const claims = defineCommand({
  name: "claims",
  description: "What each side and the mediators have said, attributed and dated",
  options: z.object({
    party: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional()
      .describe("Only statements by this party, like israel or hamas")
      .meta({ autocomplete: true }),
    story: storyOption,
  }),
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return errorReply("Unknown story", story.error);
    if (options.party && !story.parties.some((p) => p.id === options.party)) {
      return errorReply(
        "Invalid option for /claims",
        `There is no party \`${options.party}\`. Parties: ${story.parties.map((p) => `\`${p.id}\``).join(", ")}.`,
      );
    }
    const people = new Map(story.people.map((p) => [p.id, p]));
    const chosen = story.claims
      .filter((c) => !options.party || c.partyId === options.party)
      .sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
    const lines: Rich[] = chosen.map((c) => {
      const person = c.personId ? people.get(c.personId) : undefined;
      return [
        { strong: person ? `${person.name}, ${person.role}` : c.by },
        ` (${formatShortDate(c.when)}): ${c.text}`,
        c.quote ? ` “${c.quote}”` : "",
      ];
    });
    return {
      kind: "answer",
      title: `Statements: ${story.story.title}`,
      summary: [
        chosen.length
          ? `${chosen.length} statement${chosen.length === 1 ? "" : "s"}, oldest first.`
          : "No statements in the data.",
      ],
      lines,
      footer: footerFor(
        story,
        context,
        chosen.flatMap((c) => c.sourceIds),
      ),
      ephemeral: false,
    };
  },
});
