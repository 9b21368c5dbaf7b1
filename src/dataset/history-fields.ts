/**
 * A field that changes over time, as a story file writes it (one value, or its history: entries each
 * from a date) and as the dataset indexes it (changes, each with the instant it becomes visible).
 */
import { parseWhen } from "../time/calendar.js";
import type { Change } from "./dataset.js";
import type { IndexContext } from "./indexers.js";

/** What every entry of a history has in the file. */
export interface ChangeFields {
  from: string;
  evidence?: string | undefined;
  note?: string | undefined;
  attribution?: string | undefined;
  sourceIds?: string[] | undefined;
}

/** Whether a history field is written as its history (a list of entries) rather than one value. */
export function isHistory<E extends ChangeFields>(value: unknown): value is E[] {
  return Array.isArray(value) && typeof value[0] === "object" && value[0] !== null;
}

/** A history field in either form, as changes; the single form holds from the start. */
export function changesOf<T, V, E extends ChangeFields>(
  cx: IndexContext,
  value: V | E[],
  single: (v: V) => { value: T; note?: string | undefined; sourceIds: string[] },
  entryValue: (e: E) => T,
  itemSources: string[],
  since: number,
  itemEvidence?: string,
): Change<T>[] {
  if (!isHistory<E>(value)) {
    return [{ ...single(value), from: Number.NEGATIVE_INFINITY, visibleFrom: since, evidence: itemEvidence }];
  }
  return value.map((e) => {
    const from = cx.at(e.from);
    const sourceIds = e.sourceIds ?? itemSources;
    return {
      value: entryValue(e),
      from,
      visibleFrom: Math.max(from, since, cx.known(sourceIds, parseWhen(e.from))),
      note: e.note,
      attribution: e.attribution,
      evidence: e.evidence,
      sourceIds,
    };
  });
}
