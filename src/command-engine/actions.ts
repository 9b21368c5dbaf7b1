/**
 * Buttons re-run a command with other options. Their id encodes the command and options compactly
 * (`cf1:timeline:page=2&from=2025-01-01`), within Discord's 100-character custom_id limit (Slack's
 * action ids allow 255), and decodes back to raw options that go through the same validation. A
 * value from the data too long for that (a long tag) is written as its short key, which the engine
 * looks up again in the data (see choices.ts), so the button is never left out.
 */
import type { CommandButton } from "../reply/reply.js";
import { DATA_OPTIONS, KEY_LENGTH, shortKey } from "./choices.js";

const PREFIX = "cf1";
export const MAX_ACTION_ID = 100;

function actionId(command: string, options: Record<string, string>): string {
  return `${PREFIX}:${command}:${new URLSearchParams(options).toString()}`;
}

export function encodeAction(button: Pick<CommandButton, "command" | "options">): string {
  const options = { ...button.options };
  let id = actionId(button.command, options);
  // Too long: the longest values from the data give way to their keys, until the id fits.
  const long = Object.keys(options)
    .filter((name) => DATA_OPTIONS.has(name) && (options[name]?.length ?? 0) > KEY_LENGTH)
    .sort((a, b) => (options[b]?.length ?? 0) - (options[a]?.length ?? 0));
  for (const name of long) {
    if (id.length <= MAX_ACTION_ID) break;
    options[name] = shortKey(options[name] ?? "");
    id = actionId(button.command, options);
  }
  if (id.length > MAX_ACTION_ID) throw new Error(`button id longer than ${MAX_ACTION_ID} characters: ${id}`);
  return id;
}

export function decodeAction(id: string): { command: string; options: Record<string, string> } | undefined {
  const match = /^cf1:([a-z][\w-]*):(.*)$/s.exec(id);
  if (!match) return undefined;
  return { command: match[1] ?? "", options: Object.fromEntries(new URLSearchParams(match[2] ?? "")) };
}
