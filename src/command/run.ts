/** Runs a command by name with raw options: validation, the handler, and errors as ephemeral replies. */
import { errorReply, type Reply } from "../reply/reply.js";
import type { CommandContext, CommandDefinition } from "./definition.js";
import { parseOptions } from "./options.js";

export interface CommandRegistry {
  list: readonly CommandDefinition[];
  get(name: string): CommandDefinition | undefined;
}

export function createRegistry(list: readonly CommandDefinition[]): CommandRegistry {
  const byName = new Map(list.map((c) => [c.name, c]));
  return { list, get: (name) => byName.get(name) };
}

export interface RunLog {
  error(obj: object, msg: string): void;
}

export function runCommand(
  registry: CommandRegistry,
  name: string,
  raw: Record<string, unknown>,
  context: CommandContext,
  log?: RunLog,
): Reply {
  const def = registry.get(name);
  if (!def) {
    return errorReply(
      "Unknown command",
      `There is no /${name} command. Try ${registry.list.map((c) => `/${c.name}`).join(", ")}.`,
    );
  }
  const parsed = parseOptions(def, raw);
  if (!parsed.ok) return errorReply(`Invalid option for /${def.name}`, parsed.message);
  try {
    const reply = def.handle(parsed.options, context);
    return parsed.private && !reply.ephemeral ? { ...reply, ephemeral: true } : reply;
  } catch (err) {
    log?.error({ err, command: name }, "command handler failed");
    return errorReply(
      "Something went wrong",
      `/${def.name} failed on our side. The error was logged; please try again later.`,
    );
  }
}
