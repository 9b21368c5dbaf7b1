/**
 * The calendar feeds: how large a story's feed is and how long building it takes (the entries as
 * known at the instant, written as iCalendar; what each request to /calendar/<story>.ics does before
 * it hashes the body), for the shipped story and a generated 10,000-event story with 1,006 deadlines.
 * Run alone: `npm run bench -- calendar`.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { calendarEntries } from "../src/calendar/entries.js";
import { calendarFeed } from "../src/calendar/feed.js";
import { feedBuilder } from "../src/calendar/route.js";
import { storyAt } from "../src/dataset/asof.js";
import type { Story } from "../src/dataset/dataset.js";
import { formatDataError, loadDataset } from "../src/dataset/load.js";
import { GENERATED_START, GENERATED_YEARS, generateDataset } from "./generate-story.js";
import { type BenchSection, percentiles } from "./report.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXTRA_DEADLINES = 1_000;
const WARMUP = 20;

interface Case {
  name: string;
  story: Story;
  at: Date;
  iterations: number;
  /** p99 build time target, ms. */
  target: number;
}

interface Row {
  name: string;
  events: number;
  bytes: number;
  /** Writing the feed (a first request, or the first after something new became known). */
  build: { p50: number; p99: number };
  /** A request while nothing new is known: the entries read, the feed kept. */
  kept: { p50: number; p99: number };
  target: number;
}

function timed(iterations: number, work: () => unknown): { p50: number; p99: number } {
  for (let i = 0; i < WARMUP; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  const { p50, p99 } = percentiles(samples);
  return { p50, p99 };
}

function measure(c: Case): Row {
  const at = storyAt(c.story, c.at);
  const text = calendarFeed(at);
  const build = feedBuilder(calendarFeed);
  return {
    name: c.name,
    events: calendarEntries(at).length,
    bytes: Buffer.byteLength(text),
    build: timed(c.iterations, () => calendarFeed(storyAt(c.story, c.at))),
    kept: timed(c.iterations * 5, () => build(c.story, c.at)),
    target: c.target,
  };
}

export async function benchCalendar(): Promise<BenchSection> {
  const shipped = await loadDataset(join(ROOT, "data"));
  if (!shipped.ok) throw new Error(shipped.errors.map(formatDataError).join("\n"));
  const gaza = shipped.dataset.byId.get("gaza-2025");
  if (!gaza) throw new Error("no gaza-2025 story in data/");
  const generated = generateDataset(10_000, 1, EXTRA_DEADLINES).defaultStory;
  const rows = [
    measure({
      name: "gaza-2025 (shipped), at its last report",
      story: gaza,
      at: new Date("2026-07-02T00:00:00Z"),
      iterations: 300,
      target: 250,
    }),
    measure({
      name: `generated: 10,000 events, ${(EXTRA_DEADLINES + 6).toLocaleString("en")} deadlines, at its end`,
      story: generated,
      at: new Date(`${Number(GENERATED_START.slice(0, 4)) + GENERATED_YEARS}-01-01T00:00:00Z`),
      iterations: 30,
      target: 3_000,
    }),
  ];
  const met = rows.every((r) => r.build.p99 <= r.target && r.kept.p99 <= r.target / 10);
  const ms = (n: number) => n.toFixed(2);
  const markdown = [
    "A feed as `/calendar/<story>.ics` answers it: the story as known at the instant, its deadlines and",
    "phase ends as entries, written as iCalendar by ical-generator and hashed for its ETag. *Written* is",
    "a first request, or the first after something new became known (or the data was reloaded); *kept*",
    "is any other request: the entries are read and compared, the written feed is reused. Targets: p99",
    "of writing within the figure given, of a kept feed within a tenth of it (clients fetch a feed every",
    "few minutes to hours; a feed is written again only when its story changes). Most of the writing is",
    "ical-generator folding the lines to 75 octets.",
    "",
    "| Feed | VEVENTs | Size | Written p50 / p99 (ms) | Kept p50 / p99 (ms) | Target p99 (ms) |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.events.toLocaleString("en")} | ${(r.bytes / 1024).toFixed(1)} KiB | ${ms(r.build.p50)} / ${ms(r.build.p99)} | ${ms(r.kept.p50)} / ${ms(r.kept.p99)} | ${r.target} |`,
    ),
  ].join("\n");
  return { title: "Calendar feed", markdown, targetsMet: met };
}
