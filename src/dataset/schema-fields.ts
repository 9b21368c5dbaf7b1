/**
 * The field schemas every collection of a story file shares: ids, dates, sources and evidence, and a
 * value written as one value or as its history. schema.ts builds the collections from them.
 */
import { z } from "zod";
import { isLocalDate } from "../time/calendar.js";

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes, like phase-one")
  .describe("A stable identifier: lower-case letters, digits and dashes.");

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a calendar date YYYY-MM-DD")
  .refine(isLocalDate, "must be a calendar date YYYY-MM-DD")
  .describe("A calendar date, YYYY-MM-DD, on the story's calendar.");

/** A date ("2025-03-01", day precision) or an exact instant with its offset. */
export const dateOrInstant = z
  .union(
    [
      localDate,
      z.iso
        .datetime({ offset: true })
        .describe("An exact instant with an offset, like 2025-03-01T12:00:00+02:00."),
    ],
    {
      error:
        "must be a calendar date YYYY-MM-DD or an instant with an offset, like 2025-03-01T12:00:00+02:00",
    },
  )
  .describe("A date (YYYY-MM-DD, day precision) or an exact instant with an offset.");

export const derived = z
  .string()
  .min(1)
  .describe("Set when the value is not stated by the source but derived from it: how it was derived.");

export const sourceIds = z
  .array(id)
  .min(1)
  .describe(
    "The sources that state this (ids from `sources`), the one that first reported it first: it is known from that source's publication, and every other one must be published by then.",
  );

export const EVIDENCE_MAX = 300;
/** A short quote from the statement's first source that supports it; `validate` requires it. */
export const evidence = z
  .string()
  .min(1)
  .max(EVIDENCE_MAX, `must be at most ${EVIDENCE_MAX} characters: quote the words that support it`)
  .describe(
    "A short quote (at most 300 characters), word for word, from the first cited source that supports this statement.",
  );

/**
 * A value that changes over time is written either as one value (in force from the start) or as its
 * history: a list of entries, oldest first, each in force from its `from` until the next one.
 */
export function history<S extends z.ZodType, E extends z.ZodType>(single: S, entry: E) {
  return z.union([single, z.array(entry).min(1)]);
}

/** What every entry of a history carries besides its value: from when, said by whom, where. */
export const changeFields = {
  from: dateOrInstant.describe("From when this holds: a date (from the start of that day) or an instant."),
  note: z.string().min(1).optional(),
  attribution: z.string().min(1).optional().describe('Who says so, as replies say "according to …".'),
  sourceIds: sourceIds.optional().describe("The sources that report this change (default: the item's)."),
  evidence: evidence.optional(),
};

export const MOVE_KINDS = ["extended", "postponed", "brought-forward"] as const;
export const moveKind = z
  .enum(MOVE_KINDS)
  .describe("extended and postponed move a date later; brought-forward moves it earlier.");

export const leadTime = z
  .string()
  .regex(/^\d+[dhm]$/, 'must be a number and a unit d, h or m, like "1d", "2h" or "0d"')
  .describe('How long before the deadline to remind: "1d", "2h", "30m"; "0d" is the day itself.');

/** What a party is to the agreement. */
export const PARTY_ROLES = [
  "signatory",
  "belligerent",
  "mediator",
  "guarantor",
  "monitor",
  "host",
  "other",
] as const;
export const partyRole = z
  .enum(PARTY_ROLES)
  .describe(
    "signatory (signed the agreement), belligerent (a party to the conflict), mediator, guarantor, monitor, host, other.",
  );
