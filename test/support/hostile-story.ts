/**
 * The shipped story with every text field made hostile to the bidirectional algorithm: a stray PDI
 * and PDF (closers with nothing to close) before it, a right-to-left override in its middle and a
 * left-to-right isolate near its end, both left open. Fields whose values are checked (ids, dates,
 * addresses, enumerations) keep their values: each is put back where validation refuses the change.
 */
import type { Dataset } from "../../src/dataset/dataset.js";
import { parseStoryText } from "../../src/dataset/load.js";
import { stringPaths } from "./random-story.js";
import { type RawStory, shippedStory } from "./story.js";
import { datasetOf } from "./truce.js";

export const RLO = "\u202e";
export const LRI = "\u2066";
export const PDF = "\u202c";
export const PDI = "\u2069";

/** A text with unbalanced controls around and inside it (whole characters: never half of a pair). */
export function hostile(text: string): string {
  const chars = Array.from(text);
  const half = Math.floor(chars.length / 2);
  return `${PDI}${PDF}${chars.slice(0, half).join("")}${RLO}${chars.slice(half).join("")} ${LRI}!`;
}

function where(path: readonly (string | number)[]): string {
  return path
    .map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`))
    .join("")
    .replace(/^\./, "");
}

function setAt(raw: RawStory, path: readonly (string | number)[], value: string): void {
  let holder = raw;
  for (const key of path.slice(0, -1)) holder = holder[key];
  holder[path[path.length - 1] as string | number] = value;
}

/** The shipped story file with hostile text in every field that accepts any text. */
export function hostileStory(): RawStory {
  const original = shippedStory();
  const paths = stringPaths(original).filter((p) => p[0] !== "$schema");
  const copy = structuredClone(original);
  for (const path of paths) {
    let value: any = original;
    for (const key of path) value = value[key];
    setAt(copy, path, hostile(String(value)));
  }
  for (let round = 0; round < 40; round++) {
    const errors = parseStoryText("data/hostile.json", JSON.stringify(copy)).errors;
    if (errors.length === 0) return copy;
    const refused = new Set(errors.map((e) => e.path));
    // A refused field, or a field inside a refused object (a role written as a history entry).
    const restore = paths.filter((p) => p.some((_, i) => refused.has(where(p.slice(0, i + 1)))));
    for (const path of restore) {
      let value: any = original;
      for (const key of path) value = value[key];
      setAt(copy, path, value);
    }
  }
  throw new Error("the hostile story does not validate");
}

/** The hostile story loaded by the real loader, as the only story. */
export function hostileData(): Dataset {
  return datasetOf(hostileStory());
}
