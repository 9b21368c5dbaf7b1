/**
 * A large synthetic story for benchmarks: N events (default 10,000) spread over ten years with several
 * tags, plus a few phases, figures and deadlines. Deterministic (seeded), validated by the real
 * schema and indexed in memory through `indexStory`/`assemble`; nothing is written to disk.
 */
import type { Dataset } from "../src/dataset/dataset.js";
import { indexStory } from "../src/dataset/dataset.js";
import { assemble, checkReferences, formatDataError } from "../src/dataset/load.js";
import { storyFileSchema } from "../src/dataset/schema.js";
import { addDays } from "../src/time/calendar.js";

export const GENERATED_TAGS = [
  "talks",
  "captives",
  "prisoners",
  "aid",
  "violations",
  "strikes",
  "statements",
  "deadline",
] as const;

export const GENERATED_START = "2015-01-01";
export const GENERATED_YEARS = 10;

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same story. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The raw JSON of a generated story file (what a curator would write). */
export function generateStoryJson(events = 10_000, seed = 1): Record<string, unknown> {
  const rand = random(seed);
  const days = GENERATED_YEARS * 365;
  const src = ["bench-source-a", "bench-source-b"];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const generated = Array.from({ length: events }, (_, i) => {
    const day = addDays(GENERATED_START, Math.floor(rand() * days));
    // One event in five has an exact time, with an offset, as curated instants must.
    const when =
      rand() < 0.2
        ? `${day}T${String(Math.floor(rand() * 24)).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")}:00+02:00`
        : day;
    const tags = [...new Set([pick(GENERATED_TAGS), ...(rand() < 0.5 ? [pick(GENERATED_TAGS)] : [])])];
    return {
      id: `event-${i}`,
      when,
      title: `Generated event ${i}`,
      description: `A synthetic event on ${day} for the benchmarks, tagged ${tags.join(", ")}.`,
      ...(rand() < 0.3 ? { attribution: "Bench officials" } : {}),
      tags,
      sourceIds: [pick(src)],
    };
  });
  const end = addDays(GENERATED_START, days);
  return {
    story: {
      id: "bench-story",
      title: "Benchmark story",
      timeZone: "Asia/Jerusalem",
      asOf: end,
      summary: `A generated story with ${events} events.`,
      default: true,
    },
    sources: src.map((id, i) => ({ id, title: `Bench source ${i + 1}`, publisher: "Bench", published: end })),
    parties: [
      { id: "side-a", name: "Side A", role: "belligerent", sourceIds: [src[0]] },
      { id: "side-b", name: "Side B", role: "belligerent", sourceIds: [src[0]] },
      { id: "mediator", name: "Mediator", role: "mediator", sourceIds: [src[1]] },
    ],
    phases: [
      {
        id: "phase-one",
        name: "Phase one",
        start: GENERATED_START,
        end: addDays(GENERATED_START, 41),
        lengthDays: 42,
        status: "ended",
        terms: [{ text: "A term.", sourceIds: [src[0]] }],
        sourceIds: [src[0]],
      },
      {
        id: "phase-two",
        name: "Phase two",
        start: addDays(GENERATED_START, 42),
        status: "active",
        sourceIds: [src[0]],
      },
    ],
    figures: [
      {
        id: "captives",
        label: "Captives",
        category: "captives",
        unit: "captives",
        values: Array.from({ length: 12 }, (_, i) => ({
          value: 200 - i * 10,
          qualifier: i % 2 ? "about" : "exactly",
          asOf: addDays(GENERATED_START, i * 300),
          attribution: "Side A",
          sourceId: src[0],
        })),
      },
      {
        id: "killed",
        label: "People killed",
        category: "casualties",
        unit: "people",
        values: [
          {
            value: 1000,
            qualifier: "more-than",
            asOf: GENERATED_START,
            attribution: "Officials",
            sourceId: src[1],
          },
          { value: 48000, qualifier: "more-than", asOf: end, attribution: "Officials", sourceId: src[1] },
        ],
      },
      {
        id: "prisoners",
        label: "Prisoners released",
        category: "prisoners",
        unit: "prisoners",
        values: [{ value: 600, asOf: end, attribution: "Side B", sourceId: src[1] }],
      },
    ],
    events: generated,
    deadlines: Array.from({ length: 6 }, (_, i) => ({
      id: `deadline-${i}`,
      title: `Deadline ${i}`,
      phrase: `Deadline ${i} is due`,
      due: addDays(end, (i - 3) * 5),
      ...(i < 2 ? { phaseId: "phase-one" } : {}),
      status: i % 3 === 0 ? "disputed" : "scheduled",
      sourceIds: [src[i % 2]],
    })),
    claims: [
      {
        id: "claim-a",
        when: end,
        by: "Side A",
        partyId: "side-a",
        text: "A generated statement.",
        sourceIds: [src[0]],
      },
    ],
  };
}

/** The generated story validated by the schema and the reference checks, indexed as a Dataset. */
export function generateDataset(events = 10_000, seed = 1): Dataset {
  const file = `generated/bench-${events}.json`;
  const parsed = storyFileSchema.safeParse(generateStoryJson(events, seed));
  if (!parsed.success) throw new Error(`generated story is invalid: ${parsed.error.message}`);
  const errors = checkReferences(file, parsed.data);
  const result = assemble([indexStory(file, parsed.data)], errors);
  if (!result.ok)
    throw new Error(`generated story is invalid:\n${result.errors.map(formatDataError).join("\n")}`);
  return result.dataset;
}
