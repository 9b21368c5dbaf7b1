/**
 * Suggestions for the options flagged `autocomplete` (tag, story, phase, figure, party), taken from the
 * dataset being served, so a data edit shows up in Discord's picker without re-registering.
 */
import type { Dataset, Story } from "../../dataset/dataset.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitPlain } from "./markdown.js";

export interface Suggestion {
  name: string;
  value: string;
}

interface Candidate {
  value: string;
  label?: string;
}

/** Channel commands whose story option also takes "all". */
const ALL_STORIES_COMMANDS = new Set(["subscribe", "unsubscribe"]);

function candidates(dataset: Dataset, option: string, story: Story, command: string): Candidate[] {
  switch (option) {
    case "tag":
      return story.tags.map((value) => ({ value }));
    case "story":
      return [
        ...dataset.stories.map((s) => ({ value: s.story.id, label: s.story.title })),
        ...(ALL_STORIES_COMMANDS.has(command) ? [{ value: "all", label: "every story" }] : []),
      ];
    case "phase":
      return story.phases.map((p) => ({ value: p.id, label: p.name }));
    case "figure":
      return story.figures.map((f) => ({ value: f.id, label: f.label }));
    case "party":
      return story.parties.map((p) => ({ value: p.id, label: p.name }));
    default:
      return [];
  }
}

/**
 * The suggestions for `option` given what was typed: values starting with it first, then values
 * containing it, case-insensitive. `storyId` is the story option already filled in, if any.
 */
export function suggest(
  dataset: Dataset,
  option: string,
  typed: string,
  storyId?: string,
  command = "",
): Suggestion[] {
  const story = (storyId ? dataset.byId.get(storyId) : undefined) ?? dataset.defaultStory;
  const query = typed.trim().toLowerCase();
  const all = candidates(dataset, option, story, command);
  const starts = all.filter((c) => c.value.toLowerCase().startsWith(query));
  const contains = query
    ? all.filter(
        (c) =>
          !c.value.toLowerCase().startsWith(query) &&
          (c.value.toLowerCase().includes(query) || c.label?.toLowerCase().includes(query)),
      )
    : [];
  return [...starts, ...contains].slice(0, DISCORD_LIMITS.choices).map((c) => ({
    name: fitPlain(
      c.label && c.label !== c.value ? `${c.value} — ${c.label}` : c.value,
      DISCORD_LIMITS.choiceName,
    ),
    value: c.value.slice(0, DISCORD_LIMITS.choiceValue),
  }));
}
