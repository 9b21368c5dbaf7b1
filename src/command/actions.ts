/**
 * Buttons re-run a command with other options. Their id encodes the command and options compactly
 * (`cf1:timeline:page=2&from=2025-01-01`), within Discord's 100-character custom_id limit (Slack's
 * action ids allow 255), and decodes back to raw options that go through the same validation.
 */
import type { ReplyButton } from "../reply/reply.js";

const PREFIX = "cf1";
export const MAX_ACTION_ID = 100;

export function encodeAction(button: Pick<ReplyButton, "command" | "options">): string {
  const query = new URLSearchParams(button.options).toString();
  const id = `${PREFIX}:${button.command}:${query}`;
  if (id.length > MAX_ACTION_ID) throw new Error(`button id longer than ${MAX_ACTION_ID} characters: ${id}`);
  return id;
}

export function decodeAction(id: string): { command: string; options: Record<string, string> } | undefined {
  const match = /^cf1:([a-z][\w-]*):(.*)$/s.exec(id);
  if (!match) return undefined;
  return { command: match[1] ?? "", options: Object.fromEntries(new URLSearchParams(match[2] ?? "")) };
}
