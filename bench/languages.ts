/**
 * Every question command in each language the bot writes, on the shipped data, against the same p99
 * target as in English: the reader's words (`wordsFor(language)`) go on the context as the platforms
 * put them there. Each command is measured in English, Arabic and Hebrew one after the other in the
 * same run (each command starting with another language), so the ratio to English is a ratio of the
 * same machine at the same moment.
 */
import { registry } from "../commands/index.js";
import type { CommandContext } from "../src/command-engine/definition.js";
import type { Language } from "../src/language/languages.js";
import { wordsFor } from "../src/language/words.js";

/** English first: the ratios are to it. */
export const BENCHED_LANGUAGES: readonly Language[] = ["en", "ar", "he"];

/** Runs per command and language: the fewest whose p50s repeated within a few per cent from run to run. */
export const LANGUAGE_ITERATIONS = 2_000;

export interface LanguageRow {
  name: string;
  language: Language;
  p50: number;
  p99: number;
  mean: number;
  target: number;
}

type Measure = (
  name: string,
  command: string,
  options: Record<string, string>,
  ctx: CommandContext,
  iterations: number,
  target: number,
) => Omit<LanguageRow, "language">;

/** Each question command (not the channel commands) in each language, in turn. */
export function languageRows(shipped: CommandContext, measure: Measure, target: number): LanguageRow[] {
  return registry.list
    .filter((c) => c.kind !== "channel")
    .flatMap((c, i) => {
      // Each command starts with another language, so that none is always measured first.
      const order = BENCHED_LANGUAGES.map(
        (_, j) => BENCHED_LANGUAGES[(i + j) % BENCHED_LANGUAGES.length] as Language,
      );
      const rows = order.map((language) => ({
        ...measure(
          `/${c.name}`,
          c.name,
          {},
          { ...shipped, words: wordsFor(language) },
          LANGUAGE_ITERATIONS,
          target,
        ),
        language,
      }));
      return BENCHED_LANGUAGES.map((language) => rows.find((r) => r.language === language) as LanguageRow);
    });
}

const fmt = (ms: number) => (ms < 0.1 ? ms.toFixed(4) : ms.toFixed(3));

/** The rows with each p50's ratio to the same command's in English. */
export function languageTable(rows: readonly LanguageRow[]): string {
  const english = new Map(rows.filter((r) => r.language === "en").map((r) => [r.name, r.p50]));
  return [
    "| Case | Language | p50 (ms) | p99 (ms) | mean (ms) | p50 / English | Target p99 | Met |",
    "| --- | :---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ...rows.map((r) => {
      const base = english.get(r.name);
      const ratio = base ? (r.p50 / base).toFixed(2) : "–";
      return `| ${r.name} | ${r.language} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.mean)} | ${ratio} | < ${r.target} ms | ${r.p99 < r.target ? "met" : "NOT met"} |`;
    }),
  ].join("\n");
}
