import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ARTICLE_KNOWN,
  botEnv,
  DURING,
  FIGURE_SENTENCE,
  reported,
  SOURCE_HEADER,
  shippedDataDir,
  shippedStory,
  smallStory,
  sourcedFigure,
  tempDir,
  writeStoryFolder,
} from "../support/index.js";

/** Runs the real CLI as a child process, the way a user or another tool does. */
function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ["bin/ceasefire-bot.mjs", ...args], {
    input: options.input ?? "",
    env: botEnv({ LOG_LEVEL: "silent", ...options.env }),
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A folder holding the shipped story with two errors. */
function brokenCopy(): string {
  const story = shippedStory();
  story.figures[1].values[0].attribution = "";
  story.deadlines[0].due = "2025-02-30";
  return writeStoryFolder({ "story.json": JSON.stringify(story) });
}

describe("ceasefire-bot CLI", () => {
  it("prints its usage for --help", () => {
    const r = cli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["start", "ask", "replay", "validate", "schema", "register", "manifest", "--data"]) {
      expect(r.out).toContain(c);
    }
  });

  it("exits 2 with the usage for an unknown command", () => {
    const r = cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown command "frobnicate"');
  });

  describe("ask", () => {
    it("answers /captives with attributed figures at a given instant", () => {
      // The 28 February article's own-day count is known from the end of that day; before, The Media Line's.
      const during = cli(["ask", "/captives", "--at", DURING]);
      expect(during.code).toBe(0);
      expect(during.out).toContain("63 captives, according to The Media Line, as of 22 Feb 2025");
      expect(during.out).toContain("Data as of 28 Feb 2025");
      const r = cli(["ask", "/captives", "--at", ARTICLE_KNOWN]);
      expect(r.code).toBe(0);
      expect(r.out).toContain("24 captives, according to Israel, as of 28 Feb 2025");
      expect(r.out).toContain("Data as of 1 Mar 2025");
    });

    it("takes options in name:value form", () => {
      const r = cli(["ask", "/timeline from:2025-03-01 tag:philadelphi", "--at", "2025-03-05T10:00:00Z"]);
      expect(r.code).toBe(0);
      expect(r.out).toContain("1 event from 2025-03-01, tagged philadelphi");
    });

    it("exits non-zero naming the option for an invalid option", () => {
      const r = cli(["ask", "/timeline from:yesterday", "--at", DURING]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("Option `from` must be a date like 2025-01-19");
    });

    it("exits non-zero for an unknown command", () => {
      const r = cli(["ask", "/weather"]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("There is no `/weather` command");
    });

    it("rejects an --at that is not an instant with an offset", () => {
      const r = cli(["ask", "/phase", "--at", "2025-02-28"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("--at must be an ISO instant");
    });

    it("prints the Discord payload with --render discord: an embed, no mentions parsed", () => {
      const r = cli(["ask", "/captives", "--at", ARTICLE_KNOWN, "--render", "discord"]);
      expect(r.code).toBe(0);
      const payload = JSON.parse(r.out);
      expect(payload.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(payload.embeds)).toContain("according to Israel");
    });

    it("prints the Slack payload with --render slack: Block Kit, in the channel", () => {
      // The Philadelphi dispute is the 28 February article's own-day news: known from the end of that day.
      const r = cli(["ask", "/deadlines", "--at", ARTICLE_KNOWN, "--render", "slack"]);
      expect(r.code).toBe(0);
      const payload = JSON.parse(r.out);
      expect(payload.response_type).toBe("in_channel");
      expect(payload.blocks[0].type).toBe("header");
      expect(JSON.stringify(payload.blocks)).toContain("disputed");
    });

    it("says a channel command works in a channel", () => {
      const r = cli(["ask", "/subscribe"]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("/subscribe works in a channel");
    });

    it("rejects an unknown --render target", () => {
      const r = cli(["ask", "/phase", "--render", "teams"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--render must be text, discord, slack (got "teams")');
    });
  });

  describe("replay", () => {
    it("reads right day by day over the whole brought-forward Gaza story (reviewed by hand once)", async () => {
      const r = cli(["replay", "--from", "2025-01-01T00:00:00Z", "--to", "2026-02-01T00:00:00Z", "--json"]);
      expect(r.code).toBe(0);
      await expect(r.out).toMatchFileSnapshot("__snapshots__/replay-gaza-2025.jsonl");
    });

    it("prints every alert in the window as JSON lines, in time order", () => {
      const r = cli(["replay", "--from", "2025-02-27T00:00:00Z", "--to", "2025-03-10T00:00:00Z", "--json"]);
      expect(r.code).toBe(0);
      const lines = r.out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatchObject({
        at: "2025-02-28T07:00:00.000Z",
        id: "gaza-2025:phase-one-end:1d",
        text: expect.stringContaining("Phase one ends tomorrow"),
      });
      const ats = lines.map((l) => l.at);
      expect(ats).toEqual([...ats].sort());
    });

    it("needs both ends of the window", () => {
      const r = cli(["replay", "--from", "2025-02-27T00:00:00Z"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("replay needs --from and --to");
    });
  });

  describe("validate", () => {
    it("accepts the shipped data", () => {
      const r = cli(["validate"]);
      expect(r.code).toBe(0);
      expect(r.out).toContain("1 valid story (gaza-2025)");
    });

    it("exits 1 listing every error with its file and path", () => {
      const dir = brokenCopy();
      const r = cli(["validate", dir]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("story.json: figures[1].values[0].attribution: Too small");
      expect(r.err).toContain("story.json: deadlines[0].due:");
      expect(r.err).toContain("2 errors in");
    });

    describe("--sources DIR", () => {
      /** A data folder holding one small story with a figure, and a folder of archived source texts. */
      function folders(article: string) {
        // The figure's evidence is the article's sentence that states it.
        const figure = sourcedFigure({ evidence: FIGURE_SENTENCE });
        const data = writeStoryFolder({ "story.json": smallStory({ figures: [figure] }) });
        const sources = writeStoryFolder({ "article.txt": `${SOURCE_HEADER}\n\n${article}\n` });
        return { data, sources, file: reported(data, "story.json") };
      }

      it("reports 48,000 missing from source aj-2025-02-28 with its file and path, and exits 1", () => {
        const { data, sources, file } = folders(FIGURE_SENTENCE.replace("48,000", "47,000"));
        const r = cli(["validate", data, "--sources", sources]);
        expect(r.code).toBe(1);
        // The value's evidence quotes the sentence with 48,000: the changed text does not say it either.
        const evidence = FIGURE_SENTENCE.replace(/\.$/, "");
        expect(r.err.split("\n")).toEqual([
          `${file}: figures[0].values[0].value: "48,000" not found in source aj-2025-02-28`,
          `${file}: figures[0].values[0].evidence: "${evidence}" not found in source aj-2025-02-28`,
          `2 errors in the data against the sources in ${sources}`,
          "",
        ]);
      });

      it("exits 0 when the source states it, saying what was checked against which text", () => {
        const { data, sources } = folders(FIGURE_SENTENCE);
        const r = cli(["validate", "--data", data, "--sources", sources]);
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        expect(r.out).toContain(
          `${sources}: 2 figures, quotes, names and dates found in 1 archived source (aj-2025-02-28 in article.txt); every source has its text archived`,
        );
      });

      it("names the sources with no archived text, and checks nothing against them", () => {
        const { data } = folders(FIGURE_SENTENCE);
        const empty = tempDir();
        const r = cli(["validate", data, "--sources", empty]);
        expect(r.code).toBe(0);
        expect(r.out).toContain(`${empty}: nothing to check; no archived text for aj-2025-02-28`);
      });
    });

    it("reads --data and DATA_PATH", () => {
      const dir = brokenCopy();
      expect(cli(["ask", "/phase", "--data", dir]).code).toBe(1);
      expect(cli(["ask", "/phase"], { env: { DATA_PATH: dir } }).code).toBe(1);
      expect(cli(["ask", "/phase"], { env: { DATA_PATH: dir } }).err).toContain("deadlines[0].due");
    });
  });

  it("prints the JSON Schema that data/schema.json holds", () => {
    const r = cli(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    expect(schema.properties.figures.items.properties.values.items.required).toContain("attribution");
    expect(schema).toEqual(JSON.parse(readFileSync(join(shippedDataDir, "schema.json"), "utf8")));
  });

  it("start runs the console bot on stdin/stdout when no token is configured", () => {
    const r = cli(["start", "--clock", ARTICLE_KNOWN], { input: "/captives\n/timeline from:nope\n/exit\n" });
    expect(r.code).toBe(0);
    expect(r.out).toContain("24 captives, according to Israel");
    expect(r.out).toContain("Option `from` must be a date like 2025-01-19");
  });

  it("fails fast naming each bad configuration variable", () => {
    const r = cli(["ask", "/phase"], { env: { REMINDER_HOUR: "25", STALE_AFTER_DAYS: "soon" } });
    expect(r.code).toBe(2);
    expect(r.err).toContain("REMINDER_HOUR");
    expect(r.err).toContain("STALE_AFTER_DAYS");
  });
});
