/**
 * Where a story file's curated texts are and how their translations are written. Every object with
 * texts may carry `translations`: by language (ar, he, fr), the same field names with the text in that
 * language (`"translations": { "ar": { "name": "المرحلة الأولى" } }`); a history's entries each carry
 * their own. Quotes (`evidence`, a statement's words) are never translated: they stay as said.
 * The schema (schema.ts), the reading in a language (translate.ts), `validate` and the desk's
 * translations page all read the one table below (docs/decisions/0032-translations-in-the-data.md).
 */
import { IntlMessageFormat } from "intl-messageformat";
import { z } from "zod";
import { LANGUAGES, type Language } from "../language/languages.js";

/** The languages a text is translated into: every language but English, the data's own. */
export const TRANSLATED_LANGUAGES = LANGUAGES.filter(
  (l): l is Exclude<Language, "en"> => l !== "en",
) as readonly Exclude<Language, "en">[];
export type TranslatedLanguage = Exclude<Language, "en">;

/** The translatable fields of each kind of object. */
export const TEXT_FIELDS = {
  story: ["title", "summary"],
  summaryEntry: ["text"],
  party: ["name", "description"],
  person: ["name", "role"],
  personRoleEntry: ["role", "note", "attribution"],
  change: ["note", "attribution"],
  phase: ["name", "statusNote", "startDerived", "endDerived", "lengthDerived"],
  term: ["text"],
  move: ["attribution", "note"],
  figure: ["label", "unit", "unitOne", "description"],
  figureValue: ["attribution", "note", "unit", "derived"],
  correction: ["note"],
  event: ["title", "description", "attribution", "whenNote", "derived"],
  eventUpdate: ["title", "description", "attribution"],
  deadline: ["title", "phrase", "statusNote", "derived"],
} as const satisfies Record<string, readonly string[]>;

/**
 * A translated unit: a word ("أسرى"), or, for a language whose nouns change with the count (Arabic
 * has six forms, Hebrew two), an ICU plural message over `count`:
 * `{count, plural, one {أسير} two {أسيران} few {أسرى} many {أسيرًا} other {أسير}}`.
 */
const countedUnit = z
  .string()
  .min(1)
  .refine((text) => !text.includes("{") || isCountedUnit(text), {
    message: "a unit is a word, or an ICU plural message like {count, plural, one {…} other {…}}",
  });

/** Whether a unit is a well-formed plural message over `count` (src/language/words.ts `counted`). */
export function isCountedUnit(text: string): boolean {
  if (!text.includes("{count, plural,")) return false;
  let ok = COUNTED_UNITS.get(text);
  if (ok === undefined) {
    try {
      new IntlMessageFormat(text, "en").format({ count: 2 });
      ok = /^\{count, plural,/.test(text.trim());
    } catch {
      ok = false;
    }
    COUNTED_UNITS.set(text, ok);
  }
  return ok;
}

/** Each plural unit met, parsed once: a reply says its units many times. */
const COUNTED_UNITS = new Map<string, boolean>();

/**
 * An object's optional `translations`: for each translated language, some of `fields` (each a text
 * of at least one character). An unknown language or field is refused at its path.
 */
export function translations<const F extends string>(fields: readonly F[]) {
  const shape = Object.fromEntries(
    fields.map((f) => [f, (f === "unit" ? countedUnit : z.string().min(1)).optional()]),
  ) as {
    [K in F]: z.ZodOptional<z.ZodString>;
  };
  const one = z.object(shape).strict();
  return z
    .object({ ar: one.optional(), he: one.optional(), fr: one.optional() })
    .strict()
    .optional()
    .describe(
      `This item's texts in other languages (ar, he, fr), each with some of: ${fields.join(", ")}. A missing one shows the English, marked as such.`,
    );
}

/** A kind of object with texts, and the objects with texts inside it (a history's entries, terms). */
export interface TextShape {
  readonly fields: readonly string[];
  readonly children?: Readonly<Record<string, TextShape>>;
}

const leaf = (fields: readonly string[]): TextShape => ({ fields });

/** Where the texts of a story file are: each collection (or `story`) and what its items hold. */
export const STORY_TEXTS: Readonly<Record<string, TextShape>> = {
  story: { fields: TEXT_FIELDS.story, children: { summary: leaf(TEXT_FIELDS.summaryEntry) } },
  parties: { fields: TEXT_FIELDS.party, children: { roles: leaf(TEXT_FIELDS.change) } },
  people: { fields: TEXT_FIELDS.person, children: { role: leaf(TEXT_FIELDS.personRoleEntry) } },
  phases: {
    fields: TEXT_FIELDS.phase,
    children: {
      status: leaf(TEXT_FIELDS.change),
      moves: leaf(TEXT_FIELDS.move),
      terms: leaf(TEXT_FIELDS.term),
    },
  },
  figures: {
    fields: TEXT_FIELDS.figure,
    children: {
      values: { fields: TEXT_FIELDS.figureValue, children: { corrected: leaf(TEXT_FIELDS.correction) } },
    },
  },
  events: { fields: TEXT_FIELDS.event, children: { updates: leaf(TEXT_FIELDS.eventUpdate) } },
  deadlines: {
    fields: TEXT_FIELDS.deadline,
    children: { status: leaf(TEXT_FIELDS.change), moves: leaf(TEXT_FIELDS.move) },
  },
};

/** One curated text of a story file: where it is, the object holding it, and its English. */
export interface TextAt {
  /** Its path, as `validate` writes paths: `phases[2].name`. */
  path: string;
  /** The object that holds it (and its `translations`). */
  holder: Record<string, unknown>;
  field: string;
  english: string;
}

type Translations = Partial<Record<TranslatedLanguage, Record<string, string | undefined>>>;

/** The text's translation into a language, if the file has one. */
export function translationOf(text: TextAt, language: TranslatedLanguage): string | undefined {
  const all = text.holder.translations as Translations | undefined;
  return all?.[language]?.[text.field];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function* textsOf(holder: Record<string, unknown>, shape: TextShape, path: string): Generator<TextAt> {
  for (const field of shape.fields) {
    const english = holder[field];
    if (typeof english === "string" && english !== "")
      yield { path: `${path}.${field}`, holder, field, english };
  }
  for (const [key, child] of Object.entries(shape.children ?? {})) {
    const value = holder[key];
    if (Array.isArray(value)) {
      for (const [i, entry] of value.entries())
        if (isRecord(entry)) yield* textsOf(entry, child, `${path}.${key}[${i}]`);
    } else if (isRecord(value)) yield* textsOf(value, child, `${path}.${key}`);
  }
}

/** Every curated text of a story file (parsed, or as the JSON was read), in the file's order. */
export function* storyTexts(data: object): Generator<TextAt> {
  const file = data as Record<string, unknown>;
  for (const [key, shape] of Object.entries(STORY_TEXTS)) {
    const value = file[key];
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries())
        if (isRecord(item)) yield* textsOf(item, shape, `${key}[${i}]`);
    } else if (isRecord(value)) yield* textsOf(value, shape, key);
  }
}

/** The paths of the texts with no translation into `language`, in the file's order. */
export function missingTranslations(data: object, language: TranslatedLanguage): string[] {
  return [...storyTexts(data)].filter((t) => translationOf(t, language) === undefined).map((t) => t.path);
}
