import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import type { StoryAt } from "../src/dataset/asof.js";
import { storyAt } from "../src/dataset/asof.js";
import { dayOf, type IndexedClaim, startMs } from "../src/dataset/dataset.js";
import type { Words } from "../src/language/words.js";
import { errorIn } from "../src/reply/errors.js";
import { cite } from "../src/reply/phrases.js";
import type { Rich } from "../src/reply/reply.js";

export const claims = defineCommand({
  name: "claims",
  description: "What each side and the mediators have said, attributed and dated",
  options: z.object({
    party: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional()
      .describe("Only statements by this party, like israel or hamas"),
    story: storyOption,
  }),
  suggest: {
    party: ({ story, clock }) =>
      storyAt(story, clock.now())
        .parties()
        .map(({ party }) => ({ value: party.id, label: party.name })),
    story: suggestStory,
  },
  handle(options, context) {
    const { words } = context;
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const parties = story.parties();
    if (options.party && !parties.some((p) => p.party.id === options.party)) {
      return errorIn(words, "unknown-value", {
        option: "party",
        value: options.party,
        known: parties.map((p) => p.party.id),
      });
    }
    const chosen = story.claims().filter((c) => !options.party || c.partyIdsAll.includes(options.party));
    const lines: Rich[] = chosen.map((c) => [
      { strong: speakers(c, story, words) },
      words.t("claims.said", { date: words.shortDate(dayOf(c.at, story.timeZone)), text: c.text }),
      c.quote ? ` “${c.quote}”` : "",
    ]);
    return {
      kind: "answer",
      title: words.t("claims.title", { story: story.title }),
      summary: [chosen.length ? words.t("claims.count", { count: chosen.length }) : words.t("claims.none")],
      lines,
      ...cite(
        words,
        story,
        context.settings,
        chosen.map((c) => ({
          what: `${c.by}, ${words.shortDate(dayOf(c.at, story.timeZone))}`,
          sourceIds: c.sourceIds,
          evidence: c.evidence ?? c.quote,
        })),
      ),
      ephemeral: false,
    };
  },
});

/**
 * Who made a statement: one person with the role they held when they said it, or, for a joint
 * statement, every person and party named, marked joint.
 */
function speakers(claim: IndexedClaim, story: StoryAt, words: Words): string {
  const people = story.story.tracks.people;
  const personIds = [...(claim.personId ? [claim.personId] : []), ...(claim.personIds ?? [])];
  // A party is named on its own only when none of the people speaks for it.
  const ownParties = new Set(personIds.map((id) => people.find((p) => p.person.id === id)?.person.partyId));
  const partyIds = [...(claim.partyId ? [claim.partyId] : []), ...(claim.partyIds ?? [])].filter(
    (id) => !ownParties.has(id),
  );
  if (personIds.length + partyIds.length <= 1) {
    const track = people.find((p) => p.person.id === personIds[0]);
    const role = track && story.roleAt(track, startMs(claim.at, story.timeZone));
    return track && role ? `${track.person.name}, ${role.value}` : claim.by;
  }
  const names = new Map([
    ...story.story.tracks.parties.map((p): [string, string] => [p.party.id, p.party.name]),
    ...people.map((p): [string, string] => [p.person.id, p.person.name]),
  ]);
  const all = [...personIds, ...partyIds].map((id) => names.get(id) ?? id);
  return words.t("claims.joint", { names: all.length ? words.list(all) : claim.by });
}
