/**
 * A draft started from a lead: one of the edit forms (an event, a figure value, a deadline's status,
 * a move of a deadline, a statement) opened with a NEW source made from the lead (id from the outlet
 * and the date, unique in the story; the lead's title, outlet, link and publication instant) and the
 * evidence left for the curator to quote. Saving it through the check-then-save flow adds the source
 * and the entry in one save; the entry cites that source. The saved entry's path (`usedFor`) is written
 * as the edit record names it, by ids (`figures.captives-remaining.values[6]`, `events.talks-stall`).
 */
import type { StoryFile } from "../dataset/schema.js";
import type { Lead } from "../feeds/lead.js";
import { localDateOf } from "../time/calendar.js";
import { text } from "./edit-text.js";
import { FORMS, type Form, type FormName, type Parsed, type ReadContext } from "./edits.js";
import { instantWithOffset } from "./published.js";

/** The forms a lead can start, in the order the leads page offers them. */
export const DRAFT_FORMS = [
  "event",
  "figure-value",
  "deadline-status",
  "deadline-move",
  "claim",
] as const satisfies readonly FormName[];
export type DraftForm = (typeof DRAFT_FORMS)[number];

export function isDraftForm(name: string): name is DraftForm {
  return (DRAFT_FORMS as readonly string[]).includes(name);
}

/** The draft's source fields, named apart from the entry's own (`id`, `title`). */
export const SOURCE_FIELDS = {
  id: "source-id",
  title: "source-title",
  publisher: "source-publisher",
  url: "source-url",
  published: "source-published",
} as const;

/** The entry's date field in each form, filled with the day of the lead's publication. */
const DATE_FIELD: Record<DraftForm, string> = {
  event: "when",
  "figure-value": "asOf",
  "deadline-status": "from",
  "deadline-move": "at",
  claim: "when",
};

/** The lead a draft came from, as the form sends it back (undefined: not a draft). */
export function leadIdOf(form: Form): number | undefined {
  const id = text(form.lead);
  return id !== undefined && /^\d{1,15}$/.test(id) ? Number(id) : undefined;
}

/** A lead a curator can still start a draft from or dismiss: nobody used or dismissed it yet. */
export function isOpen(lead: Lead): boolean {
  return lead.state === "new";
}

/** "Times of Israel" → "times-of-israel"; "Le Monde" stays readable ("le-monde"), accents dropped. */
export function slugOf(words: string): string {
  const slug = words
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug === "" ? "source" : slug;
}

/**
 * The new source's id: the outlet and the day of publication in the story's zone (of finding, when
 * the feed gave no publication), with "-2", "-3"… when the story already has that id.
 */
export function sourceIdFor(lead: Lead, story: Pick<StoryFile, "sources" | "story">): string {
  const base = `${slugOf(lead.outlet)}-${localDateOf(lead.publishedAt ?? lead.foundAt, story.story.timeZone)}`;
  const taken = new Set(story.sources.map((s) => s.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The form's values for a draft of `name` from `lead`: the new source, the day; the evidence empty. */
export function draftValues(lead: Lead, story: Pick<StoryFile, "sources" | "story">, name: DraftForm): Form {
  const zone = story.story.timeZone;
  const day = localDateOf(lead.publishedAt ?? lead.foundAt, zone);
  return {
    lead: String(lead.id),
    [SOURCE_FIELDS.id]: sourceIdFor(lead, story),
    [SOURCE_FIELDS.title]: lead.title,
    [SOURCE_FIELDS.publisher]: lead.outlet,
    [SOURCE_FIELDS.url]: lead.link,
    [SOURCE_FIELDS.published]: lead.publishedAt ? instantWithOffset(lead.publishedAt, zone) : day,
    [DATE_FIELD[name]]: day,
  };
}

/**
 * Reads a draft: its source (checked as the source form checks one) and its entry, which cites that
 * source (first, for the forms that list several). Applied, the source is added to the story's
 * sources and the entry where its form puts it; `at` is the entry's path.
 */
export function readDraft(name: DraftForm, form: Form, context: ReadContext): Parsed {
  const sourceForm = Object.fromEntries(Object.entries(SOURCE_FIELDS).map(([k, field]) => [k, form[field]]));
  const source = FORMS.source.read(sourceForm, context);
  const id = text(form[SOURCE_FIELDS.id]) ?? "";
  const cites = name === "figure-value" ? { sourceId: id } : { sourceIds: id };
  const entry = FORMS[name].read({ ...form, ...cites }, context);
  if (!source.ok || !entry.ok) {
    const errors = entry.ok ? {} : { ...entry.errors };
    if (!source.ok) {
      for (const [field, message] of Object.entries(source.errors)) {
        errors[sourceFieldOf(field)] = message;
      }
    }
    return { ok: false, errors };
  }
  return {
    ok: true,
    apply(file, data) {
      const withSource = source.apply(file, data);
      return entry.apply(withSource.text, data);
    },
  };
}

/** A source form's field as the draft names it (`published` → `source-published`). */
function sourceFieldOf(field: string): string {
  return Object.hasOwn(SOURCE_FIELDS, field) ? SOURCE_FIELDS[field as keyof typeof SOURCE_FIELDS] : field;
}

/**
 * An entry's path by ids, as the edit record writes it: `figures[0].values[6]` →
 * `figures.captives-remaining.values[6]`, `events[12]` → `events.talks-stall`.
 */
export function entryPath(
  at: string,
  data: Pick<StoryFile, "figures" | "events" | "claims" | "deadlines">,
): string {
  const match = /^(figures|events|claims|deadlines)\[(\d+)\](.*)$/.exec(at);
  if (!match) return at;
  const [, list = "", index = "", rest = ""] = match;
  const item = (data[list as "figures"] as readonly { id: string }[])[Number(index)];
  return item ? `${list}.${item.id}${rest}` : at;
}

/** Where a saved entry shows on the story's review page: its item's anchor (`deadlines.truce-ends`). */
export function entryAnchor(usedFor: string): string {
  return /^(?:events|claims|deadlines)\.[a-z0-9-]+/.exec(usedFor)?.[0] ?? usedFor;
}
