import { defineChannelCommand } from "../src/command-engine/definition.js";
import { suggestStory } from "../src/command-engine/story.js";
import { allStoriesChoice, unsubscribe, unsubscribeOptions } from "../src/subscriptions/subscriptions.js";

/** /unsubscribe [story:<id>|all]: this channel gets no more reminders or updates (of one story, or any). */
export const unsubscribeCommand = defineChannelCommand({
  kind: "channel",
  name: "unsubscribe",
  description: "Stop posting reminders and updates in this channel",
  options: unsubscribeOptions,
  permission: "manage-channel",
  suggest: { story: (context) => [...suggestStory(context), allStoriesChoice(context.words)] },
  handle: (options, ctx) =>
    unsubscribe(
      { store: ctx.port, dataset: ctx.dataset, clock: ctx.clock, settings: ctx.settings, words: ctx.words },
      { ...ctx.invocation, canManage: ctx.canManage },
      options,
    ),
});
