/** The story a command answers about, as it stood at the command's instant. */
import { type StoryAt, storyAt } from "../dataset/asof.js";
import type { CommandContext } from "./definition.js";

/** The story a command answers about: the named one, or the dataset's default. */
export function pickStory(context: CommandContext, id: string | undefined): StoryAt | { error: string } {
  const story = id ? context.dataset.byId.get(id) : context.dataset.defaultStory;
  if (story) return storyAt(story, context.clock.now());
  return {
    error: `There is no story \`${id}\`. Stories: ${context.dataset.stories.map((s) => `\`${s.story.id}\``).join(", ")}.`,
  };
}
