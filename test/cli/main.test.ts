/** The `ceasefire-bot` command line as a user or another tool runs it: its commands, flags and exit codes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLE_KNOWN, brokenShippedCopy, runCli as cli, DURING, shippedDataDir } from "../support/index.js";

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

    it("answers in Arabic or Hebrew with --language, and refuses a language it does not write", () => {
      const ar = cli(["ask", "/captives", "--at", ARTICLE_KNOWN, "--language", "ar"]);
      expect(ar.code).toBe(0);
      expect(ar.out.replace(/[\u2066-\u2069]/g, "")).toContain("24 محتجزًا، بحسب إسرائيل، حتى 28 فبراير 2025");
      const he = cli(["ask", "/captives", "--at", ARTICLE_KNOWN, "--language", "he"]);
      expect(he.code).toBe(0);
      expect(he.out.replace(/[\u2066-\u2069]/g, "")).toContain("24 חטופים, לפי ישראל, נכון ל־28 בפבר׳ 2025");
      const de = cli(["ask", "/captives", "--language", "de"]);
      expect(de.code).toBe(2);
      expect(de.err).toContain('--language must be en, ar, he, fr (got "de")');
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
      const gaza = join(shippedDataDir, "gaza-2025.json");
      const r = cli([
        "replay",
        "--from",
        "2025-01-01T00:00:00Z",
        "--to",
        "2026-02-01T00:00:00Z",
        "--json",
        "--data",
        gaza,
      ]);
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
    it("reads --data and DATA_PATH", () => {
      const dir = brokenShippedCopy();
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
