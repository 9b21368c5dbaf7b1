import { defineChannelCommand } from "../src/command-engine/definition.js";
import { suggestStory } from "../src/command-engine/story.js";
import { curators, curatorsOptions } from "../src/subscriptions/curators.js";

/** /curators [action:set|off|show] [story:<id>]: this channel gets (or stops) a story's digest of new leads. */
export const curatorsCommand = defineChannelCommand({
  kind: "channel",
  name: "curators",
  description: "Make this a story's curators' channel: a digest of its new leads, never for readers",
  options: curatorsOptions,
  permission: "manage-channel",
  suggest: { story: (context) => suggestStory(context) },
  handle: (options, ctx) =>
    curators(
      { store: ctx.port, dataset: ctx.dataset, clock: ctx.clock, settings: ctx.settings, words: ctx.words },
      { ...ctx.invocation, canManage: ctx.canManage },
      options,
    ),
});
