/**
 * A story's file as it is on disk now (the dataset holds the last good load): its errors, checked
 * again only when the file's modification time or size changed, and its items as written, to show
 * beside their errors.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Story } from "../dataset/dataset.js";
import { type DataError, parseStoryText } from "../dataset/load.js";
import { readText } from "./edits.js";

export class FileChecks {
  private readonly checked = new Map<string, { mtimeMs: number; size: number; errors: DataError[] }>();

  /** The errors of the story's file on disk now (none: it loads). */
  async errors(story: Story): Promise<DataError[]> {
    const file = resolve(story.file);
    try {
      const { mtimeMs, size } = await stat(file);
      const known = this.checked.get(file);
      if (known && known.mtimeMs === mtimeMs && known.size === size) return known.errors;
      const errors = parseStoryText(story.file, await readText(file)).errors;
      this.checked.set(file, { mtimeMs, size, errors });
      return errors;
    } catch (err) {
      return [{ file: story.file, path: "", message: `cannot read: ${(err as Error).message}` }];
    }
  }
}

/** The file's items as written (`figures[3]` → its JSON), to show beside their errors. */
export async function rawItems(story: Story): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  try {
    const raw = JSON.parse(await readText(resolve(story.file))) as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      if (!Array.isArray(value)) continue;
      value.forEach((item, i) => {
        out.set(`${key}[${i}]`, item);
      });
    }
  } catch {
    // Invalid JSON: the error itself says where.
  }
  return out;
}
