/**
 * The values an option takes from the data, as each command's definition gives them (`suggest`), and
 * the short keys that stand for those too long for a platform: Discord's button ids and autocomplete
 * values hold at most 100 characters, and a tag or an id may be longer.
 *
 * A key is a digest of the value itself (`_` and 12 hex digits; `_` is never part of an id or a
 * tag), looked up again among the option's values when it comes back. Nothing is remembered, so a
 * key made before a restart, by another process or long ago still works as long as its value is in
 * the data; when the value is gone, the person is told so.
 */
import { createHash } from "node:crypto";
import type { Dataset, Story } from "../dataset/dataset.js";
import type { DataOption } from "../reply/errors.js";
import type { CommandContext, CommandInfo } from "./definition.js";

export interface Choice {
  value: string;
  /** What the value is called, when that differs from the value (a phase's name). */
  label?: string;
}

/**
 * The options whose values name something in the data: a command that has one suggests its values
 * (test/command-engine/choices.test.ts checks), and a button may carry one as its short key.
 */
export const DATA_OPTIONS: ReadonlySet<string> = new Set<DataOption>([
  "tag",
  "story",
  "phase",
  "figure",
  "party",
  "deadline",
]);

/**
 * Every value `option` of the command takes, as its definition suggests them, given the options
 * filled in so far (the story they name, by id or key, else the default story); none for an option
 * the command suggests nothing for.
 */
export function optionValues(
  def: CommandInfo | undefined,
  option: string,
  filled: Readonly<Record<string, unknown>>,
  context: CommandContext,
): readonly Choice[] {
  const suggest = def?.suggest?.[option];
  if (!suggest) return [];
  const story = storyOf(context.dataset, typeof filled.story === "string" ? filled.story : undefined);
  return suggest({ ...context, story, filled });
}

/** The values matching what was typed: those starting with it first, then those (or their labels) containing it. */
export function matching(values: readonly Choice[], typed: string): Choice[] {
  const query = typed.trim().toLowerCase();
  const starts = values.filter((c) => c.value.toLowerCase().startsWith(query));
  if (!query) return starts;
  const contains = values.filter(
    (c) =>
      !c.value.toLowerCase().startsWith(query) &&
      (c.value.toLowerCase().includes(query) || c.label?.toLowerCase().includes(query)),
  );
  return [...starts, ...contains];
}

/**
 * What a picker offers for `option` of the command as it is typed: the command's own values for it,
 * narrowed to what was typed. Platform-neutral; each platform fits them to its own limits.
 */
export function suggestions(
  def: CommandInfo | undefined,
  option: string,
  typed: string,
  filled: Readonly<Record<string, unknown>>,
  context: CommandContext,
): Choice[] {
  return matching(optionValues(def, option, filled, context), typed);
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
 * Raw options with every short key replaced by the value it stands for, among the values the command
 * suggests for that option: the story first, since the other options' values are looked up in its
 * story. A key whose value is no longer in the data is an error naming the option.
 */
export function resolveKeys(
  def: CommandInfo,
  raw: Record<string, unknown>,
  context: CommandContext,
): ResolvedOptions {
  const keyed = Object.keys(raw).filter((name) => {
    const value = raw[name];
    return def.suggest?.[name] !== undefined && typeof value === "string" && KEY.test(value);
  });
  if (keyed.length === 0) return { ok: true, raw };
  const out = { ...raw };
  for (const name of keyed.sort((a, b) => Number(b === "story") - Number(a === "story"))) {
    const key = out[name];
    const found = optionValues(def, name, out, context).find((c) => shortKey(c.value) === key);
    if (!found) {
      return {
        ok: false,
        option: name,
        message: context.words.t("options.stale-key", { option: name }),
      };
    }
    out[name] = found.value;
  }
  return { ok: true, raw: out };
}
