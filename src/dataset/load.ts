/**
 * Loads data/ (a folder of story files, or one file), checks the schema and the cross-references,
 * and reports every error as `file: path.to[3].field: message` (data-errors.ts says how; the checks
 * the schema cannot make are references.ts's).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import {
  checkStrings,
  type DataError,
  expandIssue,
  formatPath,
  issueMessage,
  jsonErrorOffset,
  lineColumn,
} from "./data-errors.js";
import { type Dataset, indexStory, type Story } from "./dataset.js";
import { checkHindsight } from "./hindsight.js";
import { bestEffortReferences, checkReferences } from "./references.js";
import { type StoryFile, storyFileSchema } from "./schema.js";

export { type DataError, formatDataError, formatPath, jsonErrorOffset } from "./data-errors.js";
export { checkReferences } from "./references.js";

export type LoadResult = { ok: true; dataset: Dataset; files: string[] } | { ok: false; errors: DataError[] };

/** The story files at a path: the path itself if a file, else every *.json in it but schema.json. */
export async function storyFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((n) => n.endsWith(".json") && n !== "schema.json").sort();
  return names.map((n) => join(path, n));
}

export function parseStoryText(file: string, text: string): { data?: StoryFile; errors: DataError[] } {
  let raw: unknown;
  // Editors on some systems save a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    const msg = (err as Error).message;
    const where = lineColumn(body, jsonErrorOffset(body, msg));
    return { errors: [{ file, path: "", message: `invalid JSON at ${where}: ${msg}` }] };
  }
  const textErrors: DataError[] = [];
  raw = checkStrings(file, raw, [], textErrors);
  const parsed = storyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues
      .flatMap((i) => expandIssue(i, [], raw))
      .map((i) => ({
        file,
        path: formatPath(i.path),
        message: issueMessage(i),
      }));
    return { errors: [...textErrors, ...errors, ...bestEffortReferences(file, raw, errors)] };
  }
  const references = checkReferences(file, parsed.data);
  // Known-from is read off the sources a statement cites: only checked once they all resolve.
  const hindsight =
    references.length > 0
      ? []
      : checkHindsight(parsed.data).map((p) => ({ file, path: p.path, message: p.message }));
  return { data: parsed.data, errors: [...textErrors, ...references, ...hindsight] };
}

/** Loads and validates every story at `path`; never throws for bad data, only returns errors. */
export async function loadDataset(path: string): Promise<LoadResult> {
  let files: string[];
  try {
    files = await storyFiles(path);
  } catch (err) {
    return {
      ok: false,
      errors: [{ file: path, path: "", message: `cannot read: ${(err as Error).message}` }],
    };
  }
  if (files.length === 0) {
    return { ok: false, errors: [{ file: path, path: "", message: "no story files (*.json) found" }] };
  }
  const errors: DataError[] = [];
  const stories: Story[] = [];
  for (const file of files) {
    const rel = relative(process.cwd(), file);
    const shown = rel && !rel.startsWith("..") ? rel : file || basename(file);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      errors.push({ file: shown, path: "", message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const { data, errors: fileErrors } = parseStoryText(shown, text);
    errors.push(...fileErrors);
    if (data && fileErrors.length === 0) stories.push(indexStory(shown, data));
  }
  const result = assemble(stories, errors);
  return result.ok ? { ...result, files } : result;
}

export function assemble(
  stories: Story[],
  errors: DataError[],
): { ok: true; dataset: Dataset } | { ok: false; errors: DataError[] } {
  const byId = new Map<string, Story>();
  for (const s of stories) {
    const other = byId.get(s.story.id);
    if (other)
      errors.push({
        file: s.file,
        path: "story.id",
        message: `duplicate story id "${s.story.id}" (also in ${other.file})`,
      });
    else byId.set(s.story.id, s);
  }
  const defaults = stories.filter((s) => s.story.default);
  if (defaults.length > 1) {
    for (const s of defaults.slice(1)) {
      errors.push({
        file: s.file,
        path: "story.default",
        message: `only one story may be the default (also ${defaults[0]?.file})`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const defaultStory = defaults[0] ?? (stories.length === 1 ? stories[0] : undefined);
  if (!defaultStory) {
    return {
      ok: false,
      errors: [
        {
          file: stories[0]?.file ?? "data",
          path: "story.default",
          message: 'several stories and none is the default: set "default": true on one',
        },
      ],
    };
  }
  return { ok: true, dataset: { stories, byId, defaultStory } };
}
