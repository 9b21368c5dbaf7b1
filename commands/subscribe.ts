import { defineChannelCommand } from "../src/command-engine/definition.js";
import { suggestStory } from "../src/command-engine/story.js";
import { allStoriesChoice, subscribe, subscribeOptions } from "../src/subscriptions/subscriptions.js";

/**
 * /subscribe [kind:reminders|updates|all] [lead:1d,2h] [language:en|ar|he|fr]: this channel gets
 * reminders and/or updates, written in the language chosen (else the channel's or server's).
 */
export const subscribeCommand = defineChannelCommand({
  kind: "channel",
  name: "subscribe",
  description: "Post deadline reminders and/or news updates in this channel",
  options: subscribeOptions,
  permission: "manage-channel",
  suggest: { story: (context) => [...suggestStory(context), allStoriesChoice(context.words)] },
  handle: (options, ctx) =>
    subscribe(
      { store: ctx.port, dataset: ctx.dataset, clock: ctx.clock, settings: ctx.settings, words: ctx.words },
      { ...ctx.invocation, canManage: ctx.canManage },
      options,
    ),
});
