/**
 * The replies in Arabic and Hebrew the README shows are what the command line prints for them from
 * the shipped story. When the story or the words change them, copy the new output into README.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLE_KNOWN, runCli as cli, repoRoot } from "../support/index.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

describe("the README's replies in Arabic and Hebrew", () => {
  it.each(["ar", "he"])("shows /captives on 1 March 2025 in %s exactly as the bot writes it", (language) => {
    const r = cli(["ask", "/captives", "--at", ARTICLE_KNOWN, "--language", language]);
    expect(r.code).toBe(0);
    expect(readme, "README.md's reply is out of date: see this file's header").toContain(
      `\`\`\`text\n${r.out.trimEnd()}\n\`\`\``,
    );
  });

  it("gives the command that prints them", () => {
    expect(readme).toContain(`ask "/captives" --at ${ARTICLE_KNOWN} --language ar`);
  });
});
