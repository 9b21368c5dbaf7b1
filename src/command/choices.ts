/**
 * The values an option takes from the data (tags, stories, phases, figures, parties, deadlines), and the short
 * keys that stand for those too long for a platform: Discord's button ids and autocomplete values
 * hold at most 100 characters, and a tag or an id may be longer.
 *
 * A key is a digest of the value itself (`_` and 12 hex digits; `_` is never part of an id or a
 * tag), looked up again among the option's values when it comes back. Nothing is remembered, so a
 * key made before a restart, by another process or long ago still works as long as its value is in
 * the data; when the value is gone, the person is told so.
 */
import { createHash } from "node:crypto";
import type { Dataset, Story } from "../dataset/dataset.js";

export interface Choice {
  value: string;
  /** What the value is called, when that differs from the value (a phase's name). */
  label?: string;
}

/** The options whose values come from the data. */
export const DATA_OPTIONS: ReadonlySet<string> = new Set([
  "tag",
  "story",
  "phase",
  "figure",
  "party",
  "deadline",
]);

/** Channel commands whose story option also takes "all". */
const ALL_STORIES_COMMANDS = new Set(["subscribe", "unsubscribe"]);

/** The values `option` takes in `story` (none for options that do not come from the data). */
export function choicesFor(dataset: Dataset, option: string, story: Story, command = ""): Choice[] {
  switch (option) {
    case "tag":
      return story.tags.map((value) => ({ value }));
    case "story":
      return [
        ...dataset.stories.map((s) => ({ value: s.story.id, label: s.story.title })),
        ...(ALL_STORIES_COMMANDS.has(command) ? [{ value: "all", label: "every story" }] : []),
      ];
    case "phase":
      return story.phases.map((p) => ({ value: p.id, label: p.name }));
    case "figure":
      return story.figures.map((f) => ({ value: f.id, label: f.label }));
    case "party":
      return story.parties.map((p) => ({ value: p.id, label: p.name }));
    case "deadline":
      return story.deadlines.map((d) => ({ value: d.id, label: d.title }));
    default:
      return [];
  }
}

const KEY = /^_[0-9a-f]{12}$/;
/** How long a key is: values this short are never worth replacing. */
export const KEY_LENGTH = 13;

/** `_3f9a0c12d4e5`: the short key that stands for `value`. */
export function shortKey(value: string): string {
  return `_${createHash("sha256")
    .update(value)
    .digest("hex")
    .slice(0, KEY_LENGTH - 1)}`;
}

/** The story an option's values are looked up in: the one named (by id or key), else the default. */
export function storyOf(dataset: Dataset, id: string | undefined): Story {
  const named = id === undefined ? undefined : (dataset.byId.get(id) ?? keyedStory(dataset, id));
  return named ?? dataset.defaultStory;
}

function keyedStory(dataset: Dataset, id: string): Story | undefined {
  return KEY.test(id) ? dataset.stories.find((s) => shortKey(s.story.id) === id) : undefined;
}

export type ResolvedOptions =
  | { ok: true; raw: Record<string, unknown> }
  | { ok: false; option: string; message: string };

/**
 * Raw options with every short key replaced by the value it stands for: the story first, since the
 * other options' values are looked up in its story. A key whose value is no longer in the data is
 * an error naming the option.
 */
export function resolveKeys(raw: Record<string, unknown>, dataset: Dataset): ResolvedOptions {
  const keyed = Object.keys(raw).filter((name) => {
    const value = raw[name];
    return DATA_OPTIONS.has(name) && typeof value === "string" && KEY.test(value);
  });
  if (keyed.length === 0) return { ok: true, raw };
  const out = { ...raw };
  for (const name of keyed.sort((a, b) => Number(b === "story") - Number(a === "story"))) {
    const key = out[name];
    const story = storyOf(dataset, typeof out.story === "string" ? out.story : undefined);
    const found = choicesFor(dataset, name, story).find((c) => shortKey(c.value) === key);
    if (!found) {
      return {
        ok: false,
        option: name,
        message: `Option \`${name}\` stands for a value that is no longer in the data. Run the command again.`,
      };
    }
    out[name] = found.value;
  }
  return { ok: true, raw: out };
}
