/** Every slash command of the bot, in the order /help lists them. Listed here, never found by scanning. */
import type { AnyCommand } from "../src/command-engine/definition.js";
import { createRegistry } from "../src/command-engine/run.js";
import { calendar } from "./calendar.js";
import { captives } from "./captives.js";
import { claims } from "./claims.js";
import { curatorsCommand } from "./curators.js";
import { deadlines } from "./deadlines.js";
import { figures } from "./figures.js";
import { help } from "./help.js";
import { languageCommand } from "./language.js";
import { parties } from "./parties.js";
import { phase } from "./phase.js";
import { sources } from "./sources.js";
import { subscribeCommand } from "./subscribe.js";
import { subscriptionsCommand } from "./subscriptions.js";
import { timeline } from "./timeline.js";
import { unsubscribeCommand } from "./unsubscribe.js";

export const commands: readonly AnyCommand[] = [
  phase,
  captives,
  timeline,
  deadlines,
  calendar,
  figures,
  parties,
  claims,
  sources,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  curatorsCommand,
  languageCommand,
  help,
];

export const registry = createRegistry(commands);
