import { defineChannelCommand } from "../src/command-engine/definition.js";
import { noOptions, subscriptions } from "../src/subscriptions/subscriptions.js";

/** /subscriptions: what this channel gets, its next alerts, and its last deliveries with their outcome. */
export const subscriptionsCommand = defineChannelCommand({
  kind: "channel",
  name: "subscriptions",
  description: "What this channel gets, its next alerts and its last deliveries",
  options: noOptions,
  handle: (_options, ctx) =>
    subscriptions(
      { store: ctx.port, dataset: ctx.dataset, clock: ctx.clock, settings: ctx.settings, words: ctx.words },
      { ...ctx.invocation, canManage: ctx.canManage },
    ),
});
