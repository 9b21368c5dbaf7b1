/** The story a command answers about, as it stood at the command's instant, and the values of its `story` option. */
import { type StoryAt, storyAt } from "../dataset/asof.js";
import { storyIn } from "../dataset/translate.js";
import { errorIn } from "../reply/errors.js";
import type { Reply } from "../reply/reply.js";
import type { CommandContext, Suggest } from "./definition.js";

/** The story a command answers about: the named one, or the dataset's default; else the error to answer. */
export function pickStory(context: CommandContext, id: string | undefined): StoryAt | { error: Reply } {
  const story = id ? context.dataset.byId.get(id) : context.dataset.defaultStory;
  if (story) return storyAt(story, context.clock.now(), context.words.language);
  return {
    error: errorIn(context.words, "unknown-value", {
      option: "story",
      value: id ?? "",
      known: context.dataset.stories.map((s) => s.story.id),
    }),
  };
}

/** The `story` option's values: every story, by id, named by its title in the reader's language. */
export const suggestStory: Suggest = ({ dataset, words }) =>
  dataset.stories.map((s) => ({ value: s.story.id, label: storyIn(s, words.language).story.story.title }));
