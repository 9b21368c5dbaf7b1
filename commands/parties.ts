import { z } from "zod";
import { defineCommand } from "../src/command/definition.js";
import { storyOption } from "../src/command/options.js";
import { footerFor, pickStory } from "../src/dataset/phrases.js";
import { errorReply, type ReplyField } from "../src/reply/reply.js";

const ROLE_TITLES = {
  belligerent: "Parties to the ceasefire",
  mediator: "Mediators",
  host: "Hosts of talks",
  guarantor: "Guarantors",
  other: "Others",
} as const;

export const parties = defineCommand({
  name: "parties",
  description: "The parties, mediators and people involved, as the sources describe them",
  options: z.object({ story: storyOption }),
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return errorReply("Unknown story", story.error);
    const fields: ReplyField[] = [];
    for (const role of Object.keys(ROLE_TITLES) as (keyof typeof ROLE_TITLES)[]) {
      const members = story.parties.filter((p) => p.role === role);
      if (members.length) {
        fields.push({
          name: ROLE_TITLES[role],
          value: [members.map((p) => (p.description ? `${p.name}: ${p.description}` : p.name)).join("\n")],
        });
      }
    }
    if (story.people.length) {
      fields.push({ name: "People", value: [story.people.map((p) => `${p.name}, ${p.role}`).join("\n")] });
    }
    return {
      kind: "answer",
      title: `Who is involved: ${story.story.title}`,
      fields: fields.length ? fields : [{ name: "Parties", value: ["None in the data yet."] }],
      footer: footerFor(story, context, [
        ...story.parties.flatMap((p) => p.sourceIds),
        ...story.people.flatMap((p) => p.sourceIds),
      ]),
      ephemeral: false,
    };
  },
});
