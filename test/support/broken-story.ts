/**
 * The shipped story broken on purpose, loaded as the bot loads data, for the tests of what the loader
 * reports (test/dataset/: load, schema, schema-fields, references, data-errors).
 */
import { expect } from "vitest";
import { formatDataError, type LoadResult, loadDataset } from "../../src/dataset/load.js";
import { reported, writeStoryFolder } from "./files.js";
import { type RawStory, shippedStory } from "./story.js";

/** A load's errors as `file: path: message` lines (none when it loaded). */
export function lines(result: LoadResult): string[] {
  if (result.ok) return [];
  return result.errors.map(formatDataError);
}

/** Loads a folder holding one copy of the shipped story broken by `breakIt`; returns `path: message` lines. */
export async function loadBroken(breakIt: (story: RawStory) => void): Promise<string[]> {
  const story = shippedStory();
  breakIt(story);
  const dir = writeStoryFolder({ "story.json": story });
  const result = await loadDataset(dir);
  expect(result.ok).toBe(false);
  const prefix = `${reported(dir, "story.json")}: `;
  return lines(result).map((l) => {
    expect(l.startsWith(prefix), `"${l}" names the file`).toBe(true);
    return l.slice(prefix.length);
  });
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A folder holding the shipped story with two errors. */
export function brokenShippedCopy(): string {
  const story = shippedStory();
  story.figures[1].values[0].attribution = "";
  story.deadlines[0].due = "2025-02-30";
  return writeStoryFolder({ "story.json": JSON.stringify(story) });
}
