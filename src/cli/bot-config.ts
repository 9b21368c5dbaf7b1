/**
 * The whole configuration of a run: the core's section (src/config.ts) and each platform's, read
 * once from the environment. Every problem of every section is reported together.
 */
import { type Config, ConfigError, loadConfig, redactedConfig, secretValues } from "../config.js";
import type { ConfiguredPlatform, Platform } from "../platforms/platform.js";

export interface BotConfig {
  config: Config;
  platforms: readonly ConfiguredPlatform[];
}

export function loadBotConfig(
  env: Readonly<Record<string, string | undefined>>,
  list: readonly Platform[],
): BotConfig {
  const problems: string[] = [];
  let config: Config | undefined;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const configured: ConfiguredPlatform[] = [];
  for (const platform of list) {
    const section = platform.configure(env);
    if ("problems" in section) problems.push(...section.problems);
    else configured.push(section.configured);
  }
  if (problems.length > 0 || config === undefined) throw new ConfigError(problems);
  return { config, platforms: configured };
}

/** Every secret value of the run, for the logger to scrub wherever it appears. */
export function botSecrets(bot: BotConfig): string[] {
  return [...secretValues(bot.config), ...bot.platforms.flatMap((p) => p.secretValues)];
}

/** The configuration as the "starting" log line shows it, every secret replaced. */
export function redactedBotConfig(bot: BotConfig): Record<string, unknown> {
  return Object.assign(redactedConfig(bot.config), ...bot.platforms.map((p) => p.redacted));
}
