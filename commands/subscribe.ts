import { defineChannelCommand } from "../src/command/definition.js";
import { subscribe, subscribeOptions } from "../src/reminders/subscriptions.js";

/** /subscribe [kind:reminders|updates|all] [lead:1d,2h]: this channel gets reminders and/or updates. */
export const subscribeCommand = defineChannelCommand({
  kind: "channel",
  name: "subscribe",
  description: "Post deadline reminders and/or news updates in this channel",
  options: subscribeOptions,
  permission: "manage-channel",
  handle: (options, ctx) =>
    subscribe(
      { store: ctx.port, dataset: ctx.dataset, clock: ctx.clock, settings: ctx.settings },
      { ...ctx.invocation, canManage: ctx.canManage },
      options,
    ),
});
