/**
 * `ceasefire-bot validate [PATH] [--sources DIR]`: checks the data and, with --sources, compares it
 * with the archived texts of its sources. Every problem is one `file: path: message` line on stderr;
 * the texts a story has no translation for are listed on stdout, a warning that does not fail it.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Story } from "../dataset/dataset.js";
import { type DataError, formatDataError, loadDataset } from "../dataset/load.js";
import { missingTranslations, TRANSLATED_LANGUAGES } from "../dataset/schema-translations.js";
import { checkAgainstSources, matchArchives, sourceChecks } from "../dataset/source-check.js";
import type { Io } from "./io.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function report(errors: DataError[], where: string, io: Io): number {
  for (const e of errors) io.err(formatDataError(e));
  io.err(`${plural(errors.length, "error", "errors")} in ${where}`);
  return 1;
}

export async function validateCommand(path: string, sourcesDir: string | undefined, io: Io): Promise<number> {
  const result = await loadDataset(path);
  if (!result.ok) return report(result.errors, path, io);
  const s = result.dataset.stories;
  io.out(
    `${path}: ${s.length} valid stor${s.length === 1 ? "y" : "ies"} (${s.map((x) => x.story.id).join(", ")}); default ${result.dataset.defaultStory.story.id}`,
  );
  for (const story of s) for (const line of translationWarnings(story)) io.out(line);
  return sourcesDir === undefined ? 0 : checkSources(s, sourcesDir, io);
}

/** How many paths a warning names before "and N more" (the desk's translations page lists them all). */
const PATHS_SHOWN = 10;

/**
 * Per language, the texts a story has no translation for: `file: translations: ar: 12 missing:
 * phases[2].name, …`. A warning, never an error: a missing translation shows the English, marked.
 */
export function translationWarnings(story: Story): string[] {
  return TRANSLATED_LANGUAGES.flatMap((language) => {
    const missing = missingTranslations(story, language);
    if (missing.length === 0) return [];
    const more = missing.length > PATHS_SHOWN ? `, and ${missing.length - PATHS_SHOWN} more` : "";
    const paths = missing.slice(0, PATHS_SHOWN).join(", ");
    return [`${story.file}: translations: ${language}: ${missing.length} missing: ${paths}${more}`];
  });
}

/** The archived texts in a folder: every *.txt file and every file a source's `archive` names. */
async function readArchive(dir: string, stories: Story[]): Promise<Map<string, string>> {
  const named = new Set(stories.flatMap((s) => s.sources.flatMap((x) => x.archive ?? [])));
  const entries = await readdir(dir, { withFileTypes: true });
  const wanted = entries.filter((e) => e.isFile() && (e.name.endsWith(".txt") || named.has(e.name)));
  const texts = await Promise.all(wanted.map((e) => readFile(join(dir, e.name), "utf8")));
  return new Map(wanted.map((e, i) => [e.name, texts[i] ?? ""]));
}

async function checkSources(stories: Story[], dir: string, io: Io): Promise<number> {
  let files: Map<string, string>;
  try {
    files = await readArchive(dir, stories);
  } catch (err) {
    return report([{ file: dir, path: "", message: `cannot read: ${(err as Error).message}` }], dir, io);
  }
  const errors: DataError[] = [];
  const archived: string[] = [];
  const missing: string[] = [];
  let checked = 0;
  for (const story of stories) {
    const match = matchArchives(story, story.file, files);
    const texts = new Map([...match.found].map(([id, { text }]) => [id, text]));
    errors.push(...match.errors, ...checkAgainstSources(story, story.file, texts));
    checked += sourceChecks(story, texts).length;
    archived.push(...[...match.found].map(([id, { name }]) => `${id} in ${name}`));
    missing.push(...match.missing);
  }
  if (errors.length > 0) return report(errors, `the data against the sources in ${dir}`, io);
  const what = plural(checked, "figure, quote, name or date", "figures, quotes, names and dates");
  const where = `${plural(archived.length, "archived source", "archived sources")} (${archived.join(", ")})`;
  const checkedPart = archived.length > 0 ? `${what} found in ${where}` : "nothing to check";
  const unarchived =
    missing.length > 0 ? `no archived text for ${missing.join(", ")}` : "every source has its text archived";
  io.out(`${dir}: ${checkedPart}; ${unarchived}`);
  return 0;
}
