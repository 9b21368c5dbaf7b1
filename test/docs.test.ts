/**
 * The documentation holds together: the README stays short and leads to the guides; every relative
 * link in README.md, docs/ and test/README.md reaches a file of the repository (and a heading of it,
 * GitHub's way of naming them, when the link names one); and every reference to a decision note, in
 * code, tests and docs, names a note of docs/decisions/ that exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/index.js";

const DECISIONS = join(repoRoot, "docs", "decisions");

/** Every file below a folder of the repository whose name ends with one of `endings`. */
function files(dir: string, endings: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name === "dist" || name === ".git") return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, endings);
    return endings.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

/** The repository-relative name of a file, with forward slashes, for messages. */
const shown = (path: string) => relative(repoRoot, path).split(sep).join("/");

/** Markdown with its fenced code blocks blanked out (line numbers kept). */
function withoutFences(text: string): string[] {
  let fence: string | undefined;
  return text.split("\n").map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      return "";
    }
    if (fence !== undefined) {
      if (marker?.startsWith(fence)) fence = undefined;
      return "";
    }
    return line;
  });
}

/** A line without its inline code spans. */
const withoutCode = (line: string) => line.replace(/``[^\n]*?``|`[^`\n]*`/g, "");

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as dashes. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(text)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const words = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link or image: its text
      .replace(/<[^>]*>/g, "") // HTML tags
      .replace(/[`*]/g, ""); // code and emphasis markers
    const slug = words
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every link target of a Markdown file, with its line: inline links and images, and reference definitions. */
function linkTargets(text: string): { line: number; target: string }[] {
  return withoutFences(text).flatMap((raw, i) => {
    const line = withoutCode(raw);
    const inline = [...line.matchAll(/!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+"[^"]*")?\s*\)/g)].map(
      (m) => m[1],
    );
    const definition = /^ {0,3}\[[^\]]+\]:\s*(\S+)/.exec(line)?.[1];
    return [...inline, ...(definition ? [definition] : [])].map((t) => ({
      line: i + 1,
      target: (t ?? "").replace(/^<|>$/g, ""),
    }));
  });
}

/** What is wrong with a relative link of `file`, or undefined when it reaches its file and heading. */
function brokenLink(file: string, target: string): string | undefined {
  const hash = target.indexOf("#");
  const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const to = path === "" ? file : path.startsWith("/") ? join(repoRoot, path) : resolve(dirname(file), path);
  if (relative(repoRoot, to).startsWith("..")) return "leads out of the repository";
  if (!existsSync(to)) return `${shown(to)} does not exist`;
  if (anchor === undefined) return undefined;
  if (extname(to) !== ".md") return `#${anchor} in a file that is not Markdown`;
  if (!headingAnchors(readFileSync(to, "utf8")).has(anchor)) return `${shown(to)} has no heading #${anchor}`;
  return undefined;
}

/** The decision notes there are: their file names, and their numbers. */
const noteFiles = new Set(readdirSync(DECISIONS).filter((name) => /^\d{4}-.+\.md$/.test(name)));
const noteNumbers = new Set([...noteFiles].map((name) => name.slice(0, 4)));

/**
 * What is wrong with each decision-note reference of a file: a path into docs/decisions/ (with the
 * note's whole file name, or its number alone), "decision NNNN", "note NNNN", "superseded by NNNN";
 * and in the notes themselves, a number alone ("as 0005 said").
 */
function brokenNoteReferences(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const problems: string[] = [];
  text.split("\n").forEach((line, i) => {
    const at = `${shown(file)}:${i + 1}`;
    for (const m of line.matchAll(/docs\/decisions\/(\d{4})((?:-[A-Za-z0-9]+)*\.md)?/g)) {
      const name = m[2] ? `${m[1]}${m[2]}` : undefined;
      if (name ? !noteFiles.has(name) : !noteNumbers.has(m[1] as string)) {
        problems.push(`${at}: ${m[0]} is no decision note`);
      }
    }
    const mentions = [
      ...line.matchAll(/\b(?:decisions?|notes?|superseded by|supersedes)\s+(0\d{3})(?![\w-])/gi),
    ];
    if (file.startsWith(DECISIONS + sep)) {
      mentions.push(...line.matchAll(/(?<![\w.+\\/[(-])(0\d{3})(?![\w-])/g));
    }
    for (const m of mentions) {
      if (!noteNumbers.has(m[1] as string)) problems.push(`${at}: ${m[1]} names no decision note`);
    }
  });
  return [...new Set(problems)];
}

/** The Markdown whose links are checked. */
const markdown = [
  join(repoRoot, "README.md"),
  join(repoRoot, "test", "README.md"),
  ...files(join(repoRoot, "docs"), [".md"]),
];

/** Where decision notes are referred to: code, tests, scripts, deploy units and docs. */
const referring = [
  ...readdirSync(repoRoot)
    .filter((name) => /\.(md|ts|mjs|js|json)$/.test(name) && name !== "package-lock.json")
    .map((name) => join(repoRoot, name)),
  ...["src", "commands", "test", "bench", "bin", "deploy", "scripts", ".ci", "docs"].flatMap((dir) =>
    files(join(repoRoot, dir), [".ts", ".mjs", ".js", ".md", ".service", ".example", ".sh", "run"]),
  ),
];

describe("the documentation", () => {
  it("has a README of at most 200 lines that leads to every guide and to the decisions", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(readme.trimEnd().split("\n").length).toBeLessThanOrEqual(200);
    const targets = new Set(linkTargets(readme).map((l) => l.target));
    for (const guide of ["user", "curator", "operator", "developer"]) {
      expect(targets, `README links to docs/${guide}-guide.md`).toContain(`docs/${guide}-guide.md`);
    }
    expect(targets).toContain("docs/decisions/README.md");
  });

  it("names headings the way GitHub anchors them", () => {
    const anchors = headingAnchors(
      "# Operator guide\n## Run it on Discord\n### One process (the default)\n## `ceasefire-bot replay`, the **command** line\n```sh\n# not a heading\n```\n## Run it on Discord\n",
    );
    expect([...anchors]).toEqual([
      "operator-guide",
      "run-it-on-discord",
      "one-process-the-default",
      "ceasefire-bot-replay-the-command-line",
      "run-it-on-discord-1",
    ]);
  });

  it("links only to files and headings that exist", () => {
    expect(markdown.length).toBeGreaterThan(20);
    const broken = markdown.flatMap((file) =>
      linkTargets(readFileSync(file, "utf8"))
        .filter(({ target }) => !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(target))
        .flatMap(({ line, target }) => {
          const problem = brokenLink(file, target);
          return problem ? [`${shown(file)}:${line}: (${target}) ${problem}`] : [];
        }),
    );
    expect(broken).toEqual([]);
  });

  it("refers only to decision notes that exist, in code, tests and docs", () => {
    expect(noteFiles.size).toBeGreaterThan(10);
    expect(referring.length).toBeGreaterThan(100);
    expect(referring.flatMap(brokenNoteReferences)).toEqual([]);
  });
});
