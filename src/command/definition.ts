/**
 * What a slash command is: a definition (name, description, options as a zod object) and a pure
 * handler `(options, context) => Reply` that never sees a platform interaction.
 */
import type { z } from "zod";
import type { Dataset } from "../dataset/dataset.js";
import type { Reply } from "../reply/reply.js";
import type { Clock } from "../time/clock.js";

export interface Settings {
  /** Replies say the data may be out of date when its as-of date is older than this. */
  staleAfterDays: number;
  /** Local hour (story time zone) of reminders for date-only deadlines. */
  reminderHour: number;
  /** Timeline entries per page. */
  timelinePageSize: number;
}

export const defaultSettings: Settings = { staleAfterDays: 7, reminderHour: 9, timelinePageSize: 8 };

export interface CommandContext {
  dataset: Dataset;
  clock: Clock;
  settings: Settings;
  /** The commands on offer, for /help. */
  commands: readonly CommandDefinition[];
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds commands of every option shape.
export type AnyOptions = z.ZodObject<any>;

export interface CommandDefinition<S extends AnyOptions = AnyOptions> {
  name: string;
  description: string;
  options: S;
  handle(options: z.output<S>, context: CommandContext): Reply;
}

/** Typed helper: keeps the handler's options typed from the schema. */
export function defineCommand<S extends AnyOptions>(def: CommandDefinition<S>): CommandDefinition<S> {
  return def;
}
