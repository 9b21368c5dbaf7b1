import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { PARTY_ROLES } from "../src/dataset/schema.js";
import { cite } from "../src/reply/phrases.js";
import type { ReplyField } from "../src/reply/reply.js";

export const parties = defineCommand({
  name: "parties",
  description: "The parties, mediators and people involved, as the sources describe them",
  options: z.object({ story: storyOption }),
  suggest: { story: suggestStory },
  handle(options, context) {
    const { words } = context;
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const known = story.parties();
    const people = story.people();
    const fields: ReplyField[] = [];
    // A party is described once, under its first role; under another, by its role's own note if any.
    const described = new Set<string>();
    const line = ({ party, change }: (typeof known)[number]): string => {
      const about = described.has(party.id) ? change.note : (party.description ?? change.note);
      described.add(party.id);
      return about ? `${party.name}: ${about}` : party.name;
    };
    for (const role of PARTY_ROLES) {
      const members = known.filter((p) => p.roles.includes(role));
      if (members.length)
        fields.push({ name: words.t(`parties.role.${role}`), value: [members.map(line).join("\n")] });
    }
    if (people.length) {
      fields.push({
        name: words.t("parties.people"),
        value: [people.map((p) => `${p.person.name}, ${p.role}`).join("\n")],
      });
    }
    return {
      kind: "answer",
      title: words.t("parties.title", { story: story.title }),
      fields: fields.length
        ? fields
        : [{ name: words.t("parties.parties"), value: [words.t("parties.none")] }],
      ...cite(words, story, context.settings, [
        ...known.flatMap((p) => [
          { what: p.party.name, sourceIds: p.party.sourceIds, evidence: p.party.evidence },
          { what: p.party.name, ...p.change },
        ]),
        ...people.flatMap((p) => [
          { what: p.person.name, sourceIds: p.person.sourceIds, evidence: p.person.evidence },
          { what: `${p.person.name}, ${p.role}`, ...p.change },
        ]),
      ]),
      ephemeral: false,
    };
  },
});
