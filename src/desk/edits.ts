/**
 * The desk's edits of a story file. Each form's fields are checked by the same zod schemas as
 * `validate`, then applied to the file's text (edit-text.ts), which changes only the part edited.
 * The whole story is then validated before anything is written; the write is atomic and refused when
 * the file changed on disk since the form was opened. Every entry that states something carries the
 * curator's `evidence`, a quote from its first source (docs/decisions/0017-known-from-per-statement.md):
 * the story's validation, not the form, says when it is missing or too long, with its path.
 */
import { z } from "zod";
import { isHistory } from "../dataset/dataset.js";
import {
  claimSchema,
  deadlineMoveSchema,
  deadlineStatus,
  eventSchema,
  figureValueSchema,
  personRoleEntrySchema,
  type StoryFile,
  sourceSchema,
} from "../dataset/schema.js";
import { ENGLISH, type Words } from "../language/words.js";
import {
  appendToHistory,
  compact,
  EditError,
  edit,
  type Form,
  fieldErrors,
  firstReported,
  indexOfId,
  insertionIndex,
  list,
  num,
  quote,
  text,
  withoutEvidence,
} from "./edit-text.js";
import { FEED_FORMS } from "./feed-edits.js";
import { publishedOf } from "./published.js";

export { EditError, type Form, readText, versionOf, writeAtomically } from "./edit-text.js";

/** What a form reads besides its fields: the instant of the edit and the story's time zone. */
export interface ReadContext {
  now: Date;
  timeZone: string;
  /** The curator's words, for the form's own errors (English when not given). */
  words?: Words;
}

/** An edit applied to a file's text: the new text and the path of the entry written (`events[156]`). */
export interface Applied {
  text: string;
  at: string;
}

/** The result of reading a form: the edit to apply, or errors by field name. */
export type Parsed =
  | { ok: true; apply(text: string, data: StoryFile): Applied }
  | { ok: false; errors: Record<string, string> };

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
      const parsed = schema.safeParse(withoutEvidence(item));
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply(file, data) {
          const at = data[collection].length;
          return { text: edit(file, [collection, at], item, true), at: `${collection}[${at}]` };
        },
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
function correctedValue(form: Form, w: Words): { index: number } | undefined | string {
  const corrects = text(form.corrects);
  if (corrects === undefined) return undefined;
  const match = /^([a-z0-9][a-z0-9-]*):(\d+)$/.exec(corrects);
  if (!match) return w.t("desk-forms.error.no-value");
  if (match[1] !== form.figure) {
    return w.t("desk-forms.error.other-figure", { other: match[1] ?? "", figure: String(form.figure) });
  }
  return { index: Number(match[2]) };
}

const sourceForm = appendTo("sources", "Add a source", sourceSchema, (form) => ({
  id: text(form.id),
  title: text(form.title),
  publisher: text(form.publisher),
  url: text(form.url),
  published: text(form.published),
}));

export const FORMS = {
  "figure-value": {
    title: "Add a figure value",
    read(form: Form, { now, words: w = ENGLISH }: ReadContext): Parsed {
      const value = compact({
        value: num(form.value),
        qualifier: text(form.qualifier),
        asOf: text(form.asOf),
        attribution: text(form.attribution),
        sourceId: text(form.sourceId),
        evidence: quote(form.evidence),
        note: text(form.note),
      });
      const parsed = figureValueSchema.safeParse(withoutEvidence(value));
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      const correcting = correctedValue(form, w);
      if (typeof correcting === "string") return { ok: false, errors: { corrects: correcting } };
      return {
        ok: true,
        apply(file, data) {
          const f = indexOfId(data.figures, form.figure, "figure", w);
          const values = data.figures[f]?.values ?? [];
          if (correcting !== undefined) {
            const i = correcting.index;
            const old = values[i];
            if (!old) throw new EditError({ corrects: w.t("desk-forms.error.no-value") });
            const corrected = { on: now.toISOString().replace(/\.\d+Z$/, "Z"), was: old.value };
            const next = edit(file, ["figures", f, "values", i], compact({ ...value, corrected }));
            return { text: next, at: `figures[${f}].values[${i}]` };
          }
          const at = insertionIndex(
            values.map((v) => v.asOf),
            value.asOf ?? "",
          );
          return {
            text: edit(file, ["figures", f, "values", at], value, true),
            at: `figures[${f}].values[${at}]`,
          };
        },
      };
    },
  },
  "deadline-status": {
    title: "Set a deadline's status",
    read(form: Form, { words: w = ENGLISH }: Partial<ReadContext> = {}): Parsed {
      const entry = compact({
        status: text(form.status),
        from: text(form.from),
        note: text(form.note),
        attribution: text(form.attribution),
        sourceIds: list(form.sourceIds),
        evidence: quote(form.evidence),
      });
      const parsed = z
        .object({ status: deadlineStatus, from: z.string().min(1, "is required") })
        .safeParse(entry);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply(file, data) {
          const d = indexOfId(data.deadlines, form.deadline, "deadline", w);
          const deadline = data.deadlines[d];
          const at = `deadlines[${d}].status`;
          if (!deadline) return { text: file, at };
          // A single status becomes the first entry of its history, from when the deadline existed,
          // with the deadline's own evidence (it cites the deadline's sources).
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
                evidence: deadline.evidence,
              }),
          );
          if (isHistory(deadline.status) || deadline.statusNote === undefined) {
            return { text: withHistory, at };
          }
          return { text: edit(withHistory, ["deadlines", d, "statusNote"], undefined), at };
        },
      };
    },
  },
  "deadline-move": {
    title: "Move a deadline's due date",
    read(form: Form, { words: w = ENGLISH }: Partial<ReadContext> = {}): Parsed {
      const move = compact({
        at: text(form.at),
        due: text(form.due),
        kind: text(form.kind),
        attribution: text(form.attribution),
        sourceIds: list(form.sourceIds),
        evidence: quote(form.evidence),
        note: text(form.note),
      });
      const parsed = deadlineMoveSchema.safeParse(withoutEvidence(move));
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply(file, data) {
          const d = indexOfId(data.deadlines, form.deadline, "deadline", w);
          const m = data.deadlines[d]?.moves.length ?? 0;
          return {
            text: edit(file, ["deadlines", d, "moves", m], move, true),
            at: `deadlines[${d}].moves[${m}]`,
          };
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
    evidence: quote(form.evidence),
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
    evidence: quote(form.evidence),
  })),
  source: {
    title: "Add a source",
    read(form: Form, { timeZone, words }: ReadContext): Parsed {
      // A date, or a date and time in a zone written as an instant with its offset.
      const publication = publishedOf(form, timeZone, words);
      if ("errors" in publication) return { ok: false, errors: publication.errors };
      return sourceForm.read({ ...form, published: publication.published });
    },
  },
  "person-role": {
    title: "Give a person a new role",
    read(form: Form, { words: w = ENGLISH }: Partial<ReadContext> = {}): Parsed {
      const entry = compact({
        role: text(form.role),
        from: text(form.from),
        sourceIds: list(form.sourceIds),
        evidence: quote(form.evidence),
      });
      const parsed = personRoleEntrySchema.safeParse(withoutEvidence(entry));
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return {
        ok: true,
        apply(file, data) {
          const p = indexOfId(data.people, form.person, "person", w);
          const person = data.people[p];
          const at = `people[${p}].role`;
          if (!person) return { text: file, at };
          // A single role becomes the first entry of its history, with the person's own evidence.
          const next = appendToHistory(file, ["people", p, "role"], person.role, entry, (role) =>
            compact({ role, from: firstReported(data, person.sourceIds), evidence: person.evidence }),
          );
          return { text: next, at };
        },
      };
    },
  },
  ...FEED_FORMS,
} as const;

export type FormName = keyof typeof FORMS;

export function isFormName(name: string): name is FormName {
  return Object.hasOwn(FORMS, name);
}
