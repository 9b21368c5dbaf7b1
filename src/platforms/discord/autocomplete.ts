/**
 * Suggestions for the options flagged `autocomplete` (tag, story, phase, figure, party), taken from the
 * dataset being served, so a data edit shows up in Discord's picker without re-registering. Discord
 * takes at most 25 suggestions of at most 100 characters each: a longer name is cut (it is only
 * shown), and a longer value is offered as its short key, which the command looks up in the data
 * (a value cut to 100 characters would name nothing the command knows).
 */
import { choicesFor, shortKey, storyOf } from "../../command/choices.js";
import type { Dataset } from "../../dataset/dataset.js";
import { DISCORD_LIMITS } from "./limits.js";
import { fitPlain } from "./markdown.js";

export interface Suggestion {
  name: string;
  value: string;
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
  const query = typed.trim().toLowerCase();
  const all = choicesFor(dataset, option, storyOf(dataset, storyId), command);
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
    value: c.value.length > DISCORD_LIMITS.choiceValue ? shortKey(c.value) : c.value,
  }));
}
