/**
 * The platform-free heart of the running bot: the commands, the live dataset, the clock and the
 * settings. Adapters turn platform events into `core.run(...)` calls and render the Reply; the core
 * knows no platform.
 */
import type { Logger } from "pino";
import type { CommandContext, Settings } from "../command/definition.js";
import { type CommandRegistry, runCommand } from "../command/run.js";
import type { Dataset } from "../dataset/dataset.js";
import type { Reply } from "../reply/reply.js";
import type { Clock } from "../time/clock.js";

export interface DatasetSource {
  readonly dataset: Dataset;
}

export interface BotCore {
  readonly registry: CommandRegistry;
  readonly clock: Clock;
  readonly settings: Settings;
  readonly log: Logger;
  /** The dataset served right now (the last good load). */
  dataset(): Dataset;
  context(): CommandContext;
  /** Runs a command with raw options (strings from text platforms, typed values from Discord). */
  run(name: string, raw: Record<string, unknown>): Reply;
}

export function createCore(options: {
  registry: CommandRegistry;
  data: DatasetSource;
  clock: Clock;
  settings: Settings;
  log: Logger;
}): BotCore {
  const { registry, data, clock, settings, log } = options;
  const context = (): CommandContext => ({ dataset: data.dataset, clock, settings, commands: registry.list });
  return {
    registry,
    clock,
    settings,
    log,
    dataset: () => data.dataset,
    context,
    run: (name, raw) => runCommand(registry, name, raw, context(), log),
  };
}
