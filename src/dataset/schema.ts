/**
 * The story-agnostic schema of a curated ceasefire dataset. A curator tracks a new ceasefire by
 * adding one JSON file to data/ that follows it; `ceasefire-bot schema` prints it as JSON Schema,
 * which data/schema.json holds so editors validate and complete the files.
 */
import { z } from "zod";
import { isValidTimeZone } from "../time/calendar.js";
import { feedsSchema } from "./schema-feeds.js";
import {
  changeFields,
  dateOrInstant,
  derived,
  evidence,
  history,
  id,
  leadTime,
  localDate,
  type MOVE_KINDS,
  moveKind,
  type PARTY_ROLES,
  partyRole,
  sourceIds,
} from "./schema-fields.js";
import { sourceSchema } from "./schema-sources.js";
import { TEXT_FIELDS, translations } from "./schema-translations.js";

export {
  dateOrInstant,
  EVIDENCE_MAX,
  leadTime,
  localDate,
  MOVE_KINDS,
  PARTY_ROLES,
  partyRole,
} from "./schema-fields.js";
export { sourceSchema } from "./schema-sources.js";

export const storySchema = z
  .object({
    id,
    title: z.string().min(1),
    timeZone: z
      .string()
      .refine(isValidTimeZone, "must be an IANA time zone like Asia/Jerusalem")
      .describe("The IANA time zone of the story's calendar, like Asia/Jerusalem."),
    asOf: localDate.describe("The date the dataset is current to."),
    summary: history(
      z.string().min(1),
      z
        .object({
          from: dateOrInstant,
          text: z.string().min(1),
          sourceIds: sourceIds.optional(),
          evidence: evidence.optional(),
          translations: translations(TEXT_FIELDS.summaryEntry),
        })
        .strict(),
    ).describe("A paragraph on the story, or its history (each from a date), as replies show it then."),
    default: z.boolean().optional().describe("The story commands answer about when none is named."),
    translations: translations(TEXT_FIELDS.story),
  })
  .strict();

export const partyRolesEntrySchema = z
  .object({
    ...changeFields,
    roles: z.array(partyRole).min(1),
    translations: translations(TEXT_FIELDS.change),
  })
  .strict();

export const partySchema = z
  .object({
    id,
    name: z.string().min(1),
    role: partyRole.optional().describe("One role from the start (or use `roles`)."),
    roles: history(z.array(partyRole).min(1), partyRolesEntrySchema)
      .optional()
      .describe('Several roles from the start (["signatory", "belligerent"]), or their history.'),
    description: z.string().optional(),
    sourceIds,
    evidence: evidence.optional(),
    translations: translations(TEXT_FIELDS.party),
  })
  .strict();

export const personRoleEntrySchema = z
  .object({
    ...changeFields,
    role: z.string().min(1),
    translations: translations(TEXT_FIELDS.personRoleEntry),
  })
  .strict();

export const personSchema = z
  .object({
    id,
    name: z.string().min(1),
    role: history(
      z.string().min(1).describe("As the source describes them, like Israel's foreign minister."),
      personRoleEntrySchema,
    ).describe("The person's role as the source describes it, or its history (a change of job)."),
    partyId: id.optional(),
    sourceIds,
    evidence: evidence.optional(),
    translations: translations(TEXT_FIELDS.person),
  })
  .strict();

export const termSchema = z
  .object({
    text: z.string().min(1),
    sourceIds,
    evidence: evidence.optional(),
    translations: translations(TEXT_FIELDS.term),
  })
  .strict();

export const PHASE_STATUSES = [
  "planned",
  "negotiating",
  "active",
  "extended",
  "suspended",
  "disputed",
  "ended",
  "collapsed",
  "never-began",
] as const;
const phaseStatus = z
  .enum(PHASE_STATUSES)
  .describe(
    "planned or negotiating (not started), active or extended (in force), suspended, disputed (in force or not, depending on who says it: attribute it), ended, collapsed, never-began.",
  );
export const phaseStatusEntrySchema = z
  .object({ ...changeFields, status: phaseStatus, translations: translations(TEXT_FIELDS.change) })
  .strict();

/** A phase's planned end moved: a new end, or none ("in force until further notice"). */
export const phaseMoveSchema = z
  .object({
    at: dateOrInstant.describe("When the change was made or announced."),
    end: dateOrInstant.nullable().describe("The new planned end; null: in force until further notice."),
    kind: moveKind,
    attribution: z.string().min(1),
    sourceIds,
    evidence: evidence.optional(),
    note: z.string().min(1).optional(),
    translations: translations(TEXT_FIELDS.move),
  })
  .strict();

export const phaseSchema = z
  .object({
    id,
    name: z.string().min(1),
    start: dateOrInstant.optional(),
    end: dateOrInstant.optional(),
    startDerived: derived.optional(),
    endDerived: derived.optional(),
    lengthDays: z
      .int()
      .positive()
      .optional()
      .describe("The phase's planned length in days, if stated or derived."),
    lengthDerived: derived.optional(),
    status: history(phaseStatus, phaseStatusEntrySchema).describe(
      "The phase's status, or its history (entries with `from`, oldest first).",
    ),
    statusNote: z.string().optional().describe("A note on a single status (a history has one per entry)."),
    moves: z
      .array(phaseMoveSchema)
      .default([])
      .describe("Changes of the planned end after `end`, oldest first: extensions, an end brought forward."),
    terms: z.array(termSchema).default([]),
    sourceIds,
    evidence: evidence.optional(),
    translations: translations(TEXT_FIELDS.phase),
  })
  .strict();

export const figureValueSchema = z
  .object({
    value: z.number().nonnegative(),
    qualifier: z
      .enum(["exactly", "more-than", "fewer-than", "about", "at-least", "up-to"])
      .default("exactly"),
    unit: z.string().optional().describe('Overrides the figure\'s unit for this value, like "percent".'),
    asOf: localDate,
    attribution: z
      .string()
      .min(1)
      .describe(
        'Who says so, as the reply will say "according to …", like Israel or Palestinian health officials.',
      ),
    sourceId: id,
    evidence: evidence.optional(),
    note: z.string().optional(),
    derived: derived.optional(),
    corrected: z
      .object({
        on: dateOrInstant.describe("When the correction was made: replies before it show the old value."),
        was: z.number().nonnegative().describe("The value as first published."),
        note: z.string().min(1).optional(),
        translations: translations(TEXT_FIELDS.correction),
      })
      .strict()
      .optional()
      .describe(
        "Set when this value corrects a wrong one published before: channels that got the wrong value get one correction notice.",
      ),
    translations: translations(TEXT_FIELDS.figureValue),
  })
  .strict();

export const figureSchema = z
  .object({
    id,
    label: z.string().min(1),
    category: z.enum(["captives", "prisoners", "casualties", "displacement", "other"]),
    unit: z.string().optional().describe('The unit for any count but one, like "captives".'),
    unitOne: z.string().optional().describe('The unit for a count of one, like "captive".'),
    description: z.string().optional(),
    values: z.array(figureValueSchema).min(1).describe("The figure's history, oldest first."),
    translations: translations(TEXT_FIELDS.figure),
  })
  .strict();

/** A later report of an event: new wording from its own source on. */
export const eventUpdateSchema = z
  .object({
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    attribution: z.string().optional(),
    sourceIds,
    evidence: evidence.optional(),
    translations: translations(TEXT_FIELDS.eventUpdate),
  })
  .strict();

export const eventSchema = z
  .object({
    id,
    when: dateOrInstant,
    reported: dateOrInstant
      .optional()
      .describe(
        "When it became public, if later than it happened (replies at earlier instants leave it out).",
      ),
    whenNote: z.string().optional().describe("How precise the date is, when the source is vague."),
    title: z.string().min(1),
    description: z.string().optional(),
    attribution: z.string().optional(),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, "tags are lower-case words with dashes")).default([]),
    sourceIds,
    evidence: evidence.optional(),
    derived: derived.optional(),
    updates: z
      .array(eventUpdateSchema)
      .default([])
      .describe(
        "What later sources added or changed, oldest first; earlier instants keep the first wording.",
      ),
    translations: translations(TEXT_FIELDS.event),
  })
  .strict();

export const DEADLINE_STATUSES = [
  "scheduled",
  "met",
  "missed",
  "extended",
  "postponed",
  "disputed",
  "cancelled",
] as const;
export const deadlineStatus = z.enum(DEADLINE_STATUSES);
export const deadlineStatusEntrySchema = z
  .object({ ...changeFields, status: deadlineStatus, translations: translations(TEXT_FIELDS.change) })
  .strict();

/** A deadline's due date moved; the original `due` is kept. */
export const deadlineMoveSchema = z
  .object({
    at: dateOrInstant.describe("When the move was made or announced."),
    due: dateOrInstant.describe("The new due date or instant."),
    kind: moveKind,
    attribution: z.string().min(1),
    sourceIds,
    evidence: evidence.optional(),
    note: z.string().min(1).optional(),
    translations: translations(TEXT_FIELDS.move),
  })
  .strict();

export const deadlineSchema = z
  .object({
    id,
    title: z.string().min(1),
    phrase: z
      .string()
      .min(1)
      .describe('The reminder sentence without its time, like "Phase one ends": "… tomorrow", "… today".'),
    due: dateOrInstant.describe("The original due date or instant (moves keep it)."),
    since: dateOrInstant
      .optional()
      .describe("When the deadline was set (default: when its first source was published)."),
    moves: z.array(deadlineMoveSchema).default([]).describe("Moves of the due date, oldest first."),
    phaseId: id.optional(),
    status: history(deadlineStatus, deadlineStatusEntrySchema).describe(
      "The status, or its history. An outcome (met, missed) takes effect only once the due date has passed.",
    ),
    statusNote: z.string().optional().describe("A note on a single status (a history has one per entry)."),
    reminders: z.array(leadTime).optional().describe("Lead times; the story's defaults when absent."),
    sourceIds,
    evidence: evidence.optional(),
    derived: derived.optional(),
    translations: translations(TEXT_FIELDS.deadline),
  })
  .strict();

export const claimSchema = z
  .object({
    id,
    when: dateOrInstant,
    by: z.string().min(1).describe("Who said it, as the source names them."),
    personId: id.optional(),
    partyId: id.optional(),
    personIds: z.array(id).min(1).optional().describe("A joint statement: every person who made it."),
    partyIds: z.array(id).min(1).optional().describe("A joint statement: every party that made it."),
    text: z.string().min(1).describe("What was claimed, in the source's words or a close paraphrase."),
    quote: z
      .string()
      .optional()
      .describe("The speaker's words, as the source quotes them (also evidence when word for word)."),
    sourceIds,
    evidence: evidence.optional(),
  })
  .strict();

export const storyFileSchema = z
  .object({
    $schema: z.string().optional(),
    story: storySchema,
    reminders: z
      .object({
        leadTimes: z.array(leadTime).default(["1d", "0d"]),
        hour: z
          .int()
          .min(0)
          .max(23)
          .optional()
          .describe("Local hour of day reminders for this story (default: REMINDER_HOUR)."),
      })
      .strict()
      .default({ leadTimes: ["1d", "0d"] }),
    sources: z.array(sourceSchema).min(1),
    parties: z.array(partySchema).default([]),
    people: z.array(personSchema).default([]),
    phases: z.array(phaseSchema).default([]),
    figures: z.array(figureSchema).default([]),
    events: z.array(eventSchema).default([]),
    deadlines: z.array(deadlineSchema).default([]),
    claims: z.array(claimSchema).default([]),
    feeds: feedsSchema,
  })
  .strict();

export type StoryFile = z.output<typeof storyFileSchema>;
export type Phase = StoryFile["phases"][number];
export type Figure = StoryFile["figures"][number];
export type FigureValue = Figure["values"][number];
export type StoryEvent = StoryFile["events"][number];
export type Deadline = StoryFile["deadlines"][number];
export type Source = StoryFile["sources"][number];
export type Party = StoryFile["parties"][number];
export type Claim = StoryFile["claims"][number];
export type Person = StoryFile["people"][number];
export type DeadlineStatus = z.output<typeof deadlineStatus>;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];
export type PartyRole = (typeof PARTY_ROLES)[number];
export type MoveKind = (typeof MOVE_KINDS)[number];

/** The JSON Schema of a story file, for editors (data/schema.json) and `ceasefire-bot schema`. */
export function storyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(storyFileSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: "https://ceasefire-bot.local/schema/story.json",
    title: "ceasefire-bot story",
    description: "One curated ceasefire story: its sources, parties, phases, figures, events and deadlines.",
  };
}
