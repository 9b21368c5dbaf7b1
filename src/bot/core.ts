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

/**
 * Answers are pure functions of the dataset, the command, its options and the clock, so a busy
 * channel asking the same thing gets the same Reply object within a minute: replies say times to the
 * minute at most ("in 3 hours", "tomorrow"), and a data reload is a new dataset, which misses.
 */
export class ReplyCache {
  private readonly entries = new Map<string, { dataset: Dataset; minute: number; reply: Reply }>();
  constructor(private readonly capacity = 1_000) {}

  static key(name: string, raw: Record<string, unknown>): string {
    const keys = Object.keys(raw).sort();
    let key = name;
    for (const k of keys) key += `\u0000${k}\u0000${String(raw[k])}`;
    return key;
  }

  get(key: string, dataset: Dataset, minute: number): Reply | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.dataset !== dataset || hit.minute !== minute) return undefined;
    // Refresh its place: the map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.reply;
  }

  set(key: string, dataset: Dataset, minute: number, reply: Reply): void {
    this.entries.delete(key);
    this.entries.set(key, { dataset, minute, reply });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

export function createCore(options: {
  registry: CommandRegistry;
  data: DatasetSource;
  clock: Clock;
  settings: Settings;
  log: Logger;
  /** Reuse answers within the same minute (default true). */
  cache?: boolean;
}): BotCore {
  const { registry, data, clock, settings, log } = options;
  const cache = options.cache === false ? undefined : new ReplyCache();
  const context = (): CommandContext => ({ dataset: data.dataset, clock, settings, commands: registry.list });
  return {
    registry,
    clock,
    settings,
    log,
    dataset: () => data.dataset,
    context,
    run(name, raw) {
      if (!cache) return runCommand(registry, name, raw, context(), log);
      const dataset = data.dataset;
      const minute = Math.floor(clock.now().getTime() / 60_000);
      const key = ReplyCache.key(name, raw);
      const cached = cache.get(key, dataset, minute);
      if (cached) return cached;
      const reply = runCommand(registry, name, raw, context(), log);
      cache.set(key, dataset, minute, reply);
      return reply;
    },
  };
}
