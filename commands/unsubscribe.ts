import { defineChannelCommand } from "../src/command/definition.js";
import { noOptions, unsubscribe } from "../src/reminders/subscriptions.js";
import type { Store } from "../src/store/store.js";

/** /unsubscribe: this channel gets no more reminders or updates. */
export const unsubscribeCommand = defineChannelCommand<typeof noOptions, Store>({
  kind: "channel",
  name: "unsubscribe",
  description: "Stop posting reminders and updates in this channel",
  options: noOptions,
  permission: "manage-channel",
  handle: (_options, ctx) =>
    unsubscribe(
      { store: ctx.port, dataset: ctx.dataset, clock: ctx.clock, settings: ctx.settings },
      { ...ctx.invocation, canManage: ctx.canManage },
    ),
});
