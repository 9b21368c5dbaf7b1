import { defineChannelCommand } from "../src/command-engine/definition.js";
import { suggestStory } from "../src/command-engine/story.js";
import { ALL_STORIES_CHOICE, unsubscribe, unsubscribeOptions } from "../src/subscriptions/subscriptions.js";

/** /unsubscribe [story:<id>|all]: this channel gets no more reminders or updates (of one story, or any). */
export const unsubscribeCommand = defineChannelCommand({
  kind: "channel",
  name: "unsubscribe",
  description: "Stop posting reminders and updates in this channel",
  options: unsubscribeOptions,
  permission: "manage-channel",
  suggest: { story: (context) => [...suggestStory(context), ALL_STORIES_CHOICE] },
  handle: (options, ctx) =>
    unsubscribe(
      { store: ctx.port, dataset: ctx.dataset, clock: ctx.clock, settings: ctx.settings },
      { ...ctx.invocation, canManage: ctx.canManage },
      options,
    ),
});
