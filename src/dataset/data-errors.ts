/**
 * A story file's errors as a curator reads them, `file: path.to[3].field: message`: where a JSON
 * syntax error is, the strings no reply may carry, and zod's issues said at the path the curator wrote.
 */
import type { z } from "zod";
import { describeUnsafe, findUnsafe, isolateBidi } from "./text-safety.js";

export interface DataError {
  file: string;
  path: string;
  message: string;
}

export function formatDataError(e: DataError): string {
  return `${e.file}: ${e.path || "(root)"}: ${e.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Whether JSON.parse fails on `prefix` for a reason other than reaching its end. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (err) {
    const msg = (err as Error).message;
    if (msg.includes("Unexpected end of JSON input")) return false;
    const pos = /position (\d+)/.exec(msg);
    return !(pos && Number(pos[1]) >= prefix.trimEnd().length);
  }
}

/**
 * Where a JSON syntax error is. Node 20 gives a position for some errors only; for the others, the
 * error is at the end of the shortest prefix that fails for a reason other than being cut short.
 */
export function jsonErrorOffset(text: string, message: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (message.includes("Unexpected end of JSON input")) return text.length;
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBeforeEnd(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/** Line and column of a character offset, for JSON syntax errors. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/**
 * Every string of a parsed story file, in place: a lone surrogate (JSON's `"\ud800"` parses to text
 * that is not valid Unicode, which Slack's client cannot even encode) is an error at its path, and
 * text with bidirectional controls (a right-to-left override) is isolated, so that wherever a reply
 * puts it, it cannot reorder the bot's own words around it.
 */
export function checkStrings(
  file: string,
  value: unknown,
  path: PropertyKey[],
  errors: DataError[],
): unknown {
  if (typeof value === "string") {
    const bad = findUnsafe(value, { controls: false });
    if (bad) errors.push({ file, path: formatPath(path), message: `contains ${describeUnsafe(bad)}` });
    return isolateBidi(value);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      value[i] = checkStrings(file, item, [...path, i], errors);
    });
  } else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record))
      record[key] = checkStrings(file, record[key], [...path, key], errors);
  }
  return value;
}

/** The value at a path of the raw JSON, to see which form of a union the curator wrote. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * A value that can be written two ways (one value, or its history) fails as a union, which zod
 * reports as "Invalid input" at the field. Report instead the errors of the form the curator wrote
 * (a list: the history; anything else: the single value), at their own paths.
 */
export function expandIssue(
  issue: z.core.$ZodIssue,
  prefix: PropertyKey[],
  raw: unknown,
): z.core.$ZodIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || issue.message !== "Invalid input" || issue.errors.length === 0) {
    return [{ ...issue, path }];
  }
  const value = valueAt(raw, path);
  const isList = Array.isArray(value);
  const rootTypeError = (branch: z.core.$ZodIssue[]) =>
    branch.some(
      (e) => e.path.length === 0 && e.code === "invalid_type" && (e.expected === "array") !== isList,
    );
  const branch =
    issue.errors.find((b) => !rootTypeError(b) && (isList ? b.some((e) => e.path.length > 0) : true)) ??
    issue.errors.find((b) => !rootTypeError(b)) ??
    issue.errors[0] ??
    [];
  return branch.flatMap((e) => expandIssue(e, path, raw));
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
    return `is required (${issue.expected})`;
  }
  return issue.message;
}
