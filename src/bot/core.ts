/**
 * The platform-free heart of the running bot: the commands, the live dataset, the clock and the
 * settings. Adapters turn platform events into `core.answerQuestion(...)` calls and render the Reply; the core
 * knows no platform.
 */
import type { Logger } from "pino";
import { type Choice, suggestions } from "../command-engine/choices.js";
import type { ChannelPort, CommandContext, Invocation, Reader } from "../command-engine/definition.js";
import { type CommandRegistry, runChannelCommand, runCommand } from "../command-engine/run.js";
import type { Settings } from "../config.js";
import type { Dataset } from "../dataset/dataset.js";
import type { Language } from "../language/languages.js";
import { wordsFor } from "../language/words.js";
import { type Metrics, noMetrics } from "../monitoring/metrics.js";
import { errorIn } from "../reply/errors.js";
import type { Reply } from "../reply/reply.js";
import type { Clock } from "../time/clock.js";
import { UserLanguages } from "./user-languages.js";

export interface DatasetSource {
  readonly dataset: Dataset;
}

export interface BotCore {
  readonly registry: CommandRegistry;
  readonly clock: Clock;
  readonly settings: Settings;
  readonly log: Logger;
  /** The store behind channel commands, when there is one (read by the Home views: docs/user-guide.md). */
  readonly channelPort?: ChannelPort;
  /** The dataset served right now (the last good load). */
  dataset(): Dataset;
  /** What a command is given, its words in `language` (English without). */
  context(language?: Language): CommandContext;
  /**
   * Answers a question about the dataset with raw options (strings from text platforms, typed values
   * from Discord). Channel commands answer that they need a channel.
   */
  answerQuestion(name: string, raw: Record<string, unknown>, language?: Language): Reply;
  /**
   * Runs any command typed in a channel: questions as `answerQuestion` does, channel commands with the
   * store; each in the reader's language (their choice, their locale, the server's: `readerLanguage`).
   */
  answerInChannel(name: string, raw: Record<string, unknown>, invocation: Invocation): Promise<Reply>;
  /**
   * The language a reader's replies are written in: their stored choice (looked up at most once a
   * minute), else their locale, else the server's, else English (src/language/chain.ts).
   */
  readerLanguage(reader: Reader): Promise<Language>;
  /**
   * What a picker offers for `option` of command `name` as it is typed, given the options filled in
   * so far: the values the command suggests for it, those matching what was typed first (labels in
   * `language`, English without).
   */
  suggest(
    name: string,
    option: string,
    typed: string,
    filled: Record<string, unknown>,
    language?: Language,
  ): Choice[];
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
  /** What channel commands work on (the subscriptions store); without it they say so. */
  channelPort?: ChannelPort;
  /** Counts the commands answered and times them (default: nothing). */
  metrics?: Metrics;
}): BotCore {
  const { registry, data, clock, settings, log } = options;
  const metrics = options.metrics ?? noMetrics;
  const cache = options.cache === false ? undefined : new ReplyCache();
  const languages = new UserLanguages(options.channelPort, clock);
  const context = (language?: Language): CommandContext => ({
    dataset: data.dataset,
    clock,
    settings,
    commands: registry.list,
    words: wordsFor(language ?? "en"),
  });
  async function answer(name: string, raw: Record<string, unknown>, asked: Invocation): Promise<Reply> {
    const invocation: Invocation = { ...asked, language: await languages.language(asked) };
    if (registry.get(name)?.kind !== "channel") return core.answerQuestion(name, raw, invocation.language);
    if (options.channelPort === undefined) {
      return errorIn(wordsFor(invocation.language ?? "en"), "no-store", { command: name });
    }
    return runChannelCommand(
      registry,
      name,
      raw,
      { ...context(invocation.language), invocation, port: options.channelPort, languages },
      log,
    );
  }
  const core: BotCore = {
    registry,
    clock,
    settings,
    log,
    ...(options.channelPort ? { channelPort: options.channelPort } : {}),
    dataset: () => data.dataset,
    context,
    async answerInChannel(name, raw, invocation) {
      const answered = metrics.commandStarted(name, invocation.platform);
      try {
        const reply = await answer(name, raw, invocation);
        answered(reply.kind === "error" ? "error" : "ok");
        return reply;
      } catch (err) {
        answered("failed");
        throw err;
      }
    },
    readerLanguage: (reader) => languages.language(reader),
    suggest(name, option, typed, filled, language) {
      return suggestions(registry.get(name), option, typed, filled, context(language));
    },
    answerQuestion(name, raw, language) {
      if (!cache) return runCommand(registry, name, raw, context(language), log);
      const dataset = data.dataset;
      const minute = Math.floor(clock.now().getTime() / 60_000);
      const key = `${language ?? "en"}\u0000${ReplyCache.key(name, raw)}`;
      const cached = cache.get(key, dataset, minute);
      if (cached) return cached;
      const reply = runCommand(registry, name, raw, context(language), log);
      cache.set(key, dataset, minute, reply);
      return reply;
    },
  };
  return core;
}
