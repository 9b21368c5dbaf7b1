/**
 * Option metadata for the platforms (derived once from each command's zod schema through its JSON
 * Schema) and the validation of raw options into typed ones with messages that name the option.
 */
import { z } from "zod";
import { isolateBidi } from "../dataset/text-safety.js";
import { ENGLISH, type MessageKey, type Params, type Words } from "../language/words.js";
import type { AnyOptions, CommandInfo } from "./definition.js";
import { typedText, unsafeTextMessage } from "./parse.js";

export type OptionType = "string" | "integer" | "number" | "boolean" | "date";

export interface OptionSpec {
  name: string;
  description: string;
  type: OptionType;
  required: boolean;
  choices?: string[];
  min?: number;
  max?: number;
  /** The command suggests this option's values (its definition's `suggest`): a picker offers them. */
  autocomplete?: boolean;
  /** Shown in errors: what a valid value looks like. */
  expected: string;
}

interface JsonProp {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  description?: string;
  default?: unknown;
}

const specCache = new WeakMap<AnyOptions, OptionSpec[]>();

function expectedText(spec: Omit<OptionSpec, "expected">): string {
  if (spec.choices) return `one of ${spec.choices.join(", ")}`;
  switch (spec.type) {
    case "date":
      return "a date like 2025-01-19";
    case "integer":
      return `a whole number${spec.min !== undefined && spec.max !== undefined ? ` from ${spec.min} to ${spec.max}` : spec.min !== undefined ? ` of at least ${spec.min}` : ""}`;
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    default:
      return "text";
  }
}

/** What a valid value of the option is, as the catalog's messages about it say. */
type Expectation = "choices" | "date" | "range" | "at-least" | "integer" | "number" | "boolean" | "text";

function expectation(spec: OptionSpec): Expectation {
  if (spec.choices) return "choices";
  switch (spec.type) {
    case "integer":
      return spec.min !== undefined && spec.max !== undefined
        ? "range"
        : spec.min !== undefined
          ? "at-least"
          : "integer";
    case "date":
    case "number":
    case "boolean":
      return spec.type;
    default:
      return "text";
  }
}

/**
 * "Option `x` must be …" (a value was given) or "Option `x` is required: …" (none was), in the
 * reader's words, with what the option takes.
 */
function optionMessage(words: Words, spec: OptionSpec, given: unknown): string {
  const kind = expectation(spec);
  const params: Params = {
    option: spec.name,
    choices: spec.choices?.join(", "),
    min: spec.min === undefined ? undefined : String(spec.min),
    max: spec.max === undefined ? undefined : String(spec.max),
    given: given === undefined ? undefined : isolateBidi(String(given)),
  };
  const key: MessageKey = given === undefined ? `options.required.${kind}` : `options.must-be.${kind}`;
  return words.t(key, params);
}

/**
 * Every command also takes `private`: the reply is shown only to the person who asked. The engine
 * handles it, so handlers stay about their answer.
 */
export const PRIVATE_OPTION: OptionSpec = {
  name: "private",
  description: "Only you see the reply",
  type: "boolean",
  required: false,
  expected: "true or false",
};

/** The options a platform offers for a command: its own (with what it suggests), then `private`. */
export function platformOptionSpecs(def: CommandInfo): OptionSpec[] {
  const own = optionSpecs(def.options).map((s) => (def.suggest?.[s.name] ? { ...s, autocomplete: true } : s));
  return [...own, PRIVATE_OPTION];
}

export function optionSpecs(schema: AnyOptions): OptionSpec[] {
  const cached = specCache.get(schema);
  if (cached) return cached;
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonProp>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  const specs = Object.entries(json.properties ?? {}).map(([name, p]) => {
    const type: OptionType =
      p.format === "date"
        ? "date"
        : p.type === "integer" || p.type === "number" || p.type === "boolean"
          ? p.type
          : "string";
    const base = {
      name,
      description: p.description ?? name,
      type,
      required: required.has(name) && p.default === undefined,
      ...(p.enum ? { choices: p.enum.map(String) } : {}),
      // zod gives every integer the safe-integer bounds; only real bounds are worth saying.
      ...(p.minimum !== undefined && p.minimum > Number.MIN_SAFE_INTEGER ? { min: p.minimum } : {}),
      ...(p.maximum !== undefined && p.maximum < Number.MAX_SAFE_INTEGER ? { max: p.maximum } : {}),
    };
    return { ...base, expected: expectedText(base) };
  });
  specCache.set(schema, specs);
  return specs;
}

export type ParsedOptions<S extends AnyOptions> =
  | { ok: true; options: z.output<S>; private: boolean }
  | { ok: false; message: string; option?: string };

/**
 * Validates raw options. Text platforms (console, Slack) send strings: numbers and booleans are
 * converted by the option's declared type first; Discord sends typed values, which pass through.
 */
export function parseOptions<S extends AnyOptions>(
  def: CommandInfo<S>,
  raw: Record<string, unknown>,
  words: Words = ENGLISH,
): ParsedOptions<S> {
  const specs = optionSpecs(def.options);
  const byName = new Map(specs.map((s) => [s.name, s]));
  const input: Record<string, unknown> = {};
  let isPrivate = false;
  for (const [name, value] of Object.entries(raw)) {
    // Text no reply may carry is refused before anything quotes it back.
    const typedName = typedText(name);
    if (!typedName.ok) return { ok: false, message: unsafeTextMessage(undefined, typedName.found, words) };
    const typedValue = typeof value === "string" ? typedText(value) : undefined;
    if (typedValue && !typedValue.ok) {
      return { ok: false, option: name, message: unsafeTextMessage(name, typedValue.found, words) };
    }
    if (name === PRIVATE_OPTION.name) {
      const flag = typeof value === "string" ? convert(PRIVATE_OPTION, value) : value;
      if (typeof flag !== "boolean") {
        return { ok: false, option: name, message: optionMessage(words, PRIVATE_OPTION, value) };
      }
      isPrivate = flag;
      continue;
    }
    const spec = byName.get(name);
    if (!spec) {
      const known = specs.map((s) => s.name);
      return {
        ok: false,
        option: name,
        message: known.length
          ? words.t("options.has-no-option", {
              command: `/${def.name}`,
              option: typedName.shown,
              known: known.map((k) => `\`${k}\``).join(", "),
            })
          : words.t("options.takes-none", { command: `/${def.name}`, option: typedName.shown }),
      };
    }
    input[name] = typeof value === "string" ? convert(spec, value) : value;
  }
  const result = def.options.safeParse(input);
  if (result.success) return { ok: true, options: result.data, private: isPrivate };
  const issue = result.error.issues[0];
  const name = issue ? String(issue.path[0] ?? "") : "";
  const spec = byName.get(name);
  if (!spec) return { ok: false, message: issue?.message ?? "invalid options" };
  return { ok: false, option: name, message: optionMessage(words, spec, raw[name]) };
}

function convert(spec: OptionSpec, value: string): unknown {
  const v = value.trim();
  if (spec.type === "integer" || spec.type === "number") {
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  if (spec.type === "boolean") {
    if (/^(true|yes|on|1)$/i.test(v)) return true;
    if (/^(false|no|off|0)$/i.test(v)) return false;
    return v;
  }
  return v;
}

/** The `story` option several commands share: which story to answer about (default: the default one). */
export const storyOption = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .optional()
  .describe("Which story to answer about (default: the dataset's default story)");
