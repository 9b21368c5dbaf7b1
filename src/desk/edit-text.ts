/**
 * What the desk's forms (edits.ts) share: reading a form's fields, changing a story file's text with
 * jsonc-parser's `modify` (only the part edited; the rest of the file, formatting and key order, is
 * kept as it was, so a `git diff` shows only the change), and reading and writing the file.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { applyEdits, type ModificationOptions, modify } from "jsonc-parser";
import type { z } from "zod";
import { isHistory } from "../dataset/dataset.js";
import type { StoryFile } from "../dataset/schema.js";
import { ENGLISH, type Words } from "../language/words.js";

const FORMAT: ModificationOptions = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: "\n" } };

export type Form = Record<string, unknown>;

/** sha256 of a file's text: what the form saw, to refuse a save over a newer file. */
export function versionOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A list field of a form: "a, b" → ["a", "b"]; empty → undefined. */
export function list(value: unknown): string[] | undefined {
  if (typeof value !== "string") return undefined;
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** An optional text field: empty → undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** A quote, as typed or pasted (the browser sends a text area's line breaks as CRLF). */
export function quote(value: unknown): string | undefined {
  return text(typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value);
}

export function num(value: unknown): number | undefined {
  const t = text(value);
  return t === undefined ? undefined : Number(t);
}

/** Drops undefined fields, so the JSON written has only what the curator gave. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * An entry as a form checks it: without its evidence, which the whole story's validation checks (so
 * the curator reads validate's own message, with the path, whether it is missing or too long).
 */
export function withoutEvidence(entry: Record<string, unknown>): Record<string, unknown> {
  const { evidence: _, ...rest } = entry;
  return rest;
}

export function fieldErrors(error: z.ZodError, fields: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    out[fields[key] ?? key] ??= issue.message;
  }
  return out;
}

/** Where a new dated item goes in a list kept oldest first: after the last one not later than it. */
export function insertionIndex(dates: readonly string[], date: string): number {
  let i = dates.length;
  while (i > 0 && (dates[i - 1] ?? "") > date) i--;
  return i;
}

/** Whether `path` is the entry at `at` or a part of it (`events[3]`, `events[3].evidence`). */
export function isWithin(path: string, at: string): boolean {
  return path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);
}

/** An edit that names something the story does not have. */
export class EditError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join("; "));
  }
}

/** What an edit names by its id: the field of the form naming it, and the catalog's word for it. */
export type Named = "figure" | "deadline" | "person" | "feed" | "event";

export function indexOfId(
  items: readonly { id: string }[],
  id: unknown,
  what: Named,
  w: Words = ENGLISH,
): number {
  const i = items.findIndex((x) => x.id === id);
  if (i < 0) throw new EditError({ [what]: w.t(`desk-forms.error.no-${what}` as const, { id: String(id) }) });
  return i;
}

export function edit(file: string, path: (string | number)[], value: unknown, insert = false): string {
  return applyEdits(file, modify(file, path, value, { ...FORMAT, isArrayInsertion: insert }));
}

/**
 * Adds `entry` at the end of the history at `path`; a field still written as one value becomes a
 * history whose first entry is `first(value)`.
 */
export function appendToHistory<V>(
  file: string,
  path: (string | number)[],
  current: V | object[],
  entry: object,
  first: (value: V) => object,
): string {
  if (isHistory(current)) return edit(file, [...path, current.length], entry, true);
  return edit(file, path, [first(current as V), entry]);
}

/** When an item was first reported: its earliest source's publication (for a history's first entry). */
export function firstReported(data: StoryFile, sourceIds: readonly string[]): string {
  const dates = data.sources.filter((s) => sourceIds.includes(s.id)).map((s) => s.published);
  return dates.sort()[0] ?? data.story.asOf;
}

/** Writes a file atomically: a temporary file beside it, renamed over it. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.desk-tmp`;
  await writeFile(tmp, content, "utf8");
  await rename(tmp, file);
}

export async function readText(file: string): Promise<string> {
  return readFile(file, "utf8");
}
