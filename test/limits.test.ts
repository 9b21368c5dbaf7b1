/**
 * The size limits of issue 18: no source file (src/, commands/) over 400 lines and no function over
 * 120, so that each file and function does one thing a reader can hold at once. Functions are measured
 * with the TypeScript compiler's own parser, from the first line of the node to its last.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 120;

/** Every .ts file below a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const SOURCES = [...files("src"), ...files("commands")].sort();

/** A file's lines, as an editor numbers them (a final newline starts no line of its own). */
function lineCount(text: string): number {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/** A function's name as a reader finds it: its own, or what it is assigned or passed to. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `(argument of ${parent.expression.getText(source)})`;
  if (ts.isExportAssignment(parent)) return "(default export)";
  return "(anonymous)";
}

interface Offender {
  path: string;
  line: number;
  name: string;
  lines: number;
}

/** Every function of a file (declarations, methods, accessors, expressions, arrows) over the limit. */
function longFunctions(path: string, text = readFileSync(path, "utf8")): Offender[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: Offender[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const fn = node as ts.FunctionLikeDeclaration;
      const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line + 1;
      const last = source.getLineAndCharacterOfPosition(fn.getEnd()).line + 1;
      const lines = last - first + 1;
      if (lines > MAX_FUNCTION_LINES) out.push({ path, line: first, name: nameOf(fn, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const format = (o: Offender) => `${o.path}:${o.line} ${o.name} (${o.lines} lines)`;

describe("the size limits", () => {
  it("finds the sources to measure", () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    expect(SOURCES).toContain(join("src", "dataset", "load.ts"));
  });

  it(`keeps every file of src/ and commands/ at ${MAX_FILE_LINES} lines at most`, () => {
    const offenders = SOURCES.map((path) => ({
      path,
      line: 1,
      name: "(file)",
      lines: lineCount(readFileSync(path, "utf8")),
    }))
      .filter((f) => f.lines > MAX_FILE_LINES)
      .map(format);
    expect(offenders).toEqual([]);
  });

  it(`keeps every function of src/ and commands/ at ${MAX_FUNCTION_LINES} lines at most`, () => {
    const offenders = SOURCES.flatMap((path) => longFunctions(path)).map(format);
    expect(offenders).toEqual([]);
  });

  it("measures a function from its first line to its last, whatever its form", () => {
    // A body of n lines between the two lines that open and close the function.
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const x${i} = ${i};`).join("\n");
    const over = body(MAX_FUNCTION_LINES - 1);
    const text = [
      `function tooLong() {\n${over}\n}`,
      `const arrow = () => {\n${over}\n};`,
      `class C {\n  method() {\n${over}\n  }\n}`,
      `run(function () {\n${over}\n});`,
      `function fits() {\n${body(MAX_FUNCTION_LINES - 2)}\n}`,
    ].join("\n");
    const n = MAX_FUNCTION_LINES + 1;
    expect(longFunctions("example.ts", text).map(format)).toEqual([
      `example.ts:1 tooLong (${n} lines)`,
      `example.ts:${n + 1} arrow (${n} lines)`,
      `example.ts:${2 * n + 2} method (${n} lines)`,
      `example.ts:${3 * n + 3} (argument of run) (${n} lines)`,
    ]);
  });
});
