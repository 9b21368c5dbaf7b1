/**
 * The desk's edits of a story file. Each form's fields are checked by the same zod schemas as
 * `validate`, then applied to the file's text with jsonc-parser's `modify`, which changes only the
 * part edited and keeps the rest of the file (formatting, key order) as it was, so a `git diff` shows
 * only the change. The whole story is then validated before anything is written; the write is
 * atomic (a temporary file renamed over the old one) and refused when the file changed on disk since
 * the form was opened.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { applyEdits, type ModificationOptions, modify } from "jsonc-parser";
import { z } from "zod";
import { isHistory } from "../dataset/dataset.js";
import { type DataError, formatPath } from "../dataset/load.js";
import {
  claimSchema,
  DEADLINE_STATUSES,
  deadlineMoveSchema,
  deadlineStatus,
  eventSchema,
  figureValueSchema,
  personRoleEntrySchema,
  type StoryFile,
  sourceSchema,
} from "../dataset/schema.js";

const FORMAT: ModificationOptions = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: "\n" } };

/** sha256 of a file's text: what the form saw, to refuse a save over a newer file. */
export function versionOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A list field of a form: "a, b" → ["a", "b"]; empty → undefined. */
function list(value: unknown): string[] | undefined {
  if (typeof value !== "string") return undefined;
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** An optional text field: empty → undefined. */
function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function num(value: unknown): number | undefined {
  const t = text(value);
  return t === undefined ? undefined : Number(t);
}

/** Drops undefined fields, so the JSON written has only what the curator gave. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export type Form = Record<string, unknown>;

/** The result of reading a form: the edit to apply, or errors by field name. */
type Parsed =
  | { ok: true; apply(text: string, data: StoryFile): string }
  | { ok: false; errors: Record<string, string> };

function fieldErrors(error: z.ZodError, fields: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    out[fields[key] ?? key] ??= issue.message;
  }
  return out;
}

/** Where a new dated item goes in a list kept oldest first: after the last one not later than it. */
function insertionIndex(dates: readonly string[], date: string): number {
  let i = dates.length;
  while (i > 0 && (dates[i - 1] ?? "") > date) i--;
  return i;
}

function indexOfId(items: readonly { id: string }[], id: unknown, what: string): number {
  const i = items.findIndex((x) => x.id === id);
  if (i < 0) throw new EditError({ [what]: `no ${what} "${String(id)}" in this story` });
  return i;
}

/** An edit that names something the story does not have. */
export class EditError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join("; "));
  }
}

function edit(text: string, path: (string | number)[], value: unknown, insert = false): string {
  return applyEdits(text, modify(text, path, value, { ...FORMAT, isArrayInsertion: insert }));
}

/**
 * Adds `entry` at the end of the history at `path`; a field still written as one value becomes a
 * history whose first entry is `first(value)`.
 */
function appendToHistory<V>(
  file: string,
  path: (string | number)[],
  current: V | object[],
  entry: object,
  first: (value: V) => object,
): string {
  if (isHistory(current)) return edit(file, [...path, current.length], entry, true);
  return edit(file, path, [first(current as V), entry]);
}

/** When an item was first reported: its earliest source's publication date (for a history's first entry). */
function firstReported(data: StoryFile, sourceIds: readonly string[]): string {
  const dates = data.sources.filter((s) => sourceIds.includes(s.id)).map((s) => s.published);
  return dates.sort()[0] ?? data.story.asOf;
}

/** A form that adds one item to the end of a list of the story, checked by that item's schema. */
function appendTo(
  collection: "events" | "claims" | "sources",
  title: string,
  schema: z.ZodType,
  fields: (form: Form) => Record<string, unknown>,
) {
  return {
    title,
    read(form: Form): Parsed {
      const item = compact(fields(form));
      const parsed = schema.safeParse(item);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply: (file, data) => edit(file, [collection, data[collection].length], item, true),
      };
    },
  };
}

/** The value "Corrects a wrong value" names: its figure's id and its index, "captives-remaining:3". */
export function correctsValue(figureId: string, index: number): string {
  return `${figureId}:${index}`;
}

/**
 * The value a figure form corrects (undefined: none, a new value), or why it cannot be corrected here:
 * a value of another figure than the one the form saves to.
 */
function correctedValue(form: Form): { index: number } | undefined | string {
  const corrects = text(form.corrects);
  if (corrects === undefined) return undefined;
  const match = /^([a-z0-9][a-z0-9-]*):(\d+)$/.exec(corrects);
  if (!match) return "no such value to correct";
  if (match[1] !== form.figure) {
    return `that is a value of "${match[1]}", not of "${String(form.figure)}": choose one of this figure's values`;
  }
  return { index: Number(match[2]) };
}

export const FORMS = {
  "figure-value": {
    title: "Add a figure value",
    read(form: Form, now: Date): Parsed {
      const value = compact({
        value: num(form.value),
        qualifier: text(form.qualifier),
        asOf: text(form.asOf),
        attribution: text(form.attribution),
        sourceId: text(form.sourceId),
        note: text(form.note),
      });
      const parsed = figureValueSchema.safeParse(value);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      const correcting = correctedValue(form);
      if (typeof correcting === "string") return { ok: false, errors: { corrects: correcting } };
      return {
        ok: true,
        apply(file, data) {
          const f = indexOfId(data.figures, form.figure, "figure");
          const values = data.figures[f]?.values ?? [];
          if (correcting !== undefined) {
            const i = correcting.index;
            const old = values[i];
            if (!old) throw new EditError({ corrects: "no such value to correct" });
            const corrected = { on: now.toISOString().replace(/\.\d+Z$/, "Z"), was: old.value };
            return edit(file, ["figures", f, "values", i], compact({ ...value, corrected }));
          }
          const at = insertionIndex(
            values.map((v) => v.asOf),
            value.asOf ?? "",
          );
          return edit(file, ["figures", f, "values", at], value, true);
        },
      };
    },
  },
  "deadline-status": {
    title: "Set a deadline's status",
    read(form: Form): Parsed {
      const entry = compact({
        status: text(form.status),
        from: text(form.from),
        note: text(form.note),
        attribution: text(form.attribution),
        sourceIds: list(form.sourceIds),
      });
      const parsed = z
        .object({ status: deadlineStatus, from: z.string().min(1, "is required") })
        .safeParse(entry);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply(file, data) {
          const d = indexOfId(data.deadlines, form.deadline, "deadline");
          const deadline = data.deadlines[d];
          if (!deadline) return file;
          // A single status becomes the first entry of its history, from when the deadline existed.
          const withHistory = appendToHistory(
            file,
            ["deadlines", d, "status"],
            deadline.status,
            entry,
            (status) =>
              compact({
                status,
                from: deadline.since ?? firstReported(data, deadline.sourceIds),
                note: deadline.statusNote,
              }),
          );
          if (isHistory(deadline.status)) return withHistory;
          return deadline.statusNote === undefined
            ? withHistory
            : edit(withHistory, ["deadlines", d, "statusNote"], undefined);
        },
      };
    },
  },
  "deadline-move": {
    title: "Move a deadline's due date",
    read(form: Form): Parsed {
      const move = compact({
        at: text(form.at),
        due: text(form.due),
        kind: text(form.kind),
        attribution: text(form.attribution),
        sourceIds: list(form.sourceIds),
        note: text(form.note),
      });
      const parsed = deadlineMoveSchema.safeParse(move);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply(file, data) {
          const d = indexOfId(data.deadlines, form.deadline, "deadline");
          return edit(file, ["deadlines", d, "moves", data.deadlines[d]?.moves.length ?? 0], move, true);
        },
      };
    },
  },
  event: appendTo("events", "Add an event", eventSchema, (form) => ({
    id: text(form.id),
    when: text(form.when),
    title: text(form.title),
    description: text(form.description),
    attribution: text(form.attribution),
    tags: list(form.tags),
    sourceIds: list(form.sourceIds),
  })),
  claim: appendTo("claims", "Add a statement", claimSchema, (form) => ({
    id: text(form.id),
    when: text(form.when),
    by: text(form.by),
    partyIds: list(form.partyIds),
    personIds: list(form.personIds),
    text: text(form.text),
    quote: text(form.quote),
    sourceIds: list(form.sourceIds),
  })),
  source: appendTo("sources", "Add a source", sourceSchema, (form) => ({
    id: text(form.id),
    title: text(form.title),
    publisher: text(form.publisher),
    url: text(form.url),
    published: text(form.published),
  })),
  "person-role": {
    title: "Give a person a new role",
    read(form: Form): Parsed {
      const entry = compact({
        role: text(form.role),
        from: text(form.from),
        sourceIds: list(form.sourceIds),
      });
      const parsed = personRoleEntrySchema.safeParse(entry);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply(file, data) {
          const p = indexOfId(data.people, form.person, "person");
          const person = data.people[p];
          if (!person) return file;
          return appendToHistory(file, ["people", p, "role"], person.role, entry, (role) => ({
            role,
            from: firstReported(data, person.sourceIds),
          }));
        },
      };
    },
  },
} as const;

export type FormName = keyof typeof FORMS;

export function isFormName(name: string): name is FormName {
  return Object.hasOwn(FORMS, name);
}

export const STATUS_CHOICES = DEADLINE_STATUSES;

/** Writes a file atomically: a temporary file beside it, renamed over it. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.desk-tmp`;
  await writeFile(tmp, text, "utf8");
  await rename(tmp, file);
}

export async function readText(file: string): Promise<string> {
  return readFile(file, "utf8");
}

/** Errors of a file as `path: message` lines keyed by their top-level item (`figures[3]`). */
export function errorsByItem(errors: readonly DataError[]): Map<string, DataError[]> {
  const out = new Map<string, DataError[]>();
  for (const e of errors) {
    const item = /^([a-z]+\[\d+\])/.exec(e.path)?.[1] ?? (e.path.split(".")[0] || "(file)");
    out.set(item, [...(out.get(item) ?? []), e]);
  }
  return out;
}

export { formatPath };
