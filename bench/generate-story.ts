/**
 * A large synthetic story for benchmarks: N events (default 10,000) spread over ten years with several
 * tags, plus phases, figures, deadlines and people whose values change: 2,000 history entries (a
 * figure's 1,200 values, 600 deadline statuses, 120 moves of due dates, 80 changes of role). Its
 * sources are published on the first day, so each fact becomes visible on its own date and an answer
 * at any instant of the ten years sees a different part of it. Deterministic (seeded), validated by
 * the real schema and indexed in memory through `indexStory`/`assemble`; nothing is written to disk.
 */
import type { Dataset } from "../src/dataset/dataset.js";
import { indexStory } from "../src/dataset/dataset.js";
import { assemble, checkReferences, formatDataError } from "../src/dataset/load.js";
import { storyFileSchema } from "../src/dataset/schema.js";
import { addDays } from "../src/time/calendar.js";
import { seededRandom } from "../test/support/random-story.js";

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
const FIGURE_VALUES = 1_200;
const DEADLINES = 6;
const STATUSES_PER_DEADLINE = 100;
const MOVES_PER_DEADLINE = 20;
const ROLE_CHANGES = 80;
/** History entries of the generated story: figure values, statuses, moves and roles. */
export const GENERATED_HISTORY_ENTRIES =
  FIGURE_VALUES + DEADLINES * (STATUSES_PER_DEADLINE + MOVES_PER_DEADLINE) + ROLE_CHANGES;

/**
 * `count` more deadlines, plain ones spread over the ten years (the calendar bench's "many deadlines"):
 * one in four at an exact time, one in three moved once, one in five missed.
 */
function moreDeadlines(count: number, source: string): Record<string, unknown>[] {
  const days = GENERATED_YEARS * 365;
  return Array.from({ length: count }, (_, i) => {
    const day = addDays(GENERATED_START, 10 + Math.floor((i * (days - 20)) / Math.max(1, count)));
    return {
      id: `more-deadline-${i}`,
      title: `More deadline ${i}`,
      phrase: `More deadline ${i} is due`,
      due: i % 4 ? day : `${day}T12:00:00+02:00`,
      moves:
        i % 3
          ? []
          : [
              {
                at: day,
                due: addDays(day, 7),
                kind: "postponed",
                attribution: "Mediator",
                sourceIds: [source],
              },
            ],
      status:
        i % 5
          ? "scheduled"
          : [
              { from: GENERATED_START, status: "scheduled" },
              { from: addDays(day, 8), status: "missed", attribution: "Side B" },
            ],
      sourceIds: [source],
    };
  });
}

/** The raw JSON of a generated story file (what a curator would write), with `extraDeadlines` more. */
export function generateStoryJson(events = 10_000, seed = 1, extraDeadlines = 0): Record<string, unknown> {
  const rand = seededRandom(seed);
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
    sources: src.map((id, i) => ({
      id,
      title: `Bench source ${i + 1}`,
      publisher: "Bench",
      published: GENERATED_START,
    })),
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
        values: Array.from({ length: FIGURE_VALUES }, (_, i) => ({
          value: 2_000 - i,
          qualifier: i % 2 ? "about" : "exactly",
          asOf: addDays(GENERATED_START, Math.floor((i * days) / FIGURE_VALUES)),
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
    people: Array.from({ length: 2 }, (_, p) => ({
      id: `person-${p}`,
      name: `Person ${p}`,
      role: Array.from({ length: ROLE_CHANGES / 2 }, (_, i) => ({
        from: addDays(GENERATED_START, i * 90),
        role: `Negotiator, term ${i + 1}`,
      })),
      partyId: "side-a",
      sourceIds: [src[0]],
    })),
    // Each deadline is moved every half year, later each time, and its status changes every month.
    deadlines: [
      ...Array.from({ length: DEADLINES }, (_, i) => ({
        id: `deadline-${i}`,
        title: `Deadline ${i}`,
        phrase: `Deadline ${i} is due`,
        due: addDays(GENERATED_START, 30 + i),
        moves: Array.from({ length: MOVES_PER_DEADLINE }, (_, m) => ({
          at: addDays(GENERATED_START, 20 + m * 180 + i),
          due: addDays(GENERATED_START, 200 + m * 180 + i),
          kind: "extended",
          attribution: "Mediator",
          sourceIds: [src[1]],
        })),
        ...(i < 2 ? { phaseId: "phase-one" } : {}),
        status: Array.from({ length: STATUSES_PER_DEADLINE }, (_, k) => ({
          from: addDays(GENERATED_START, k * 36 + i),
          status: k % 2 ? "disputed" : "scheduled",
          note: `Status change ${k + 1}.`,
        })),
        sourceIds: [src[i % 2]],
      })),
      ...moreDeadlines(extraDeadlines, src[1] ?? ""),
    ],
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
export function generateDataset(events = 10_000, seed = 1, extraDeadlines = 0): Dataset {
  const file = `generated/bench-${events}.json`;
  const parsed = storyFileSchema.safeParse(generateStoryJson(events, seed, extraDeadlines));
  if (!parsed.success) throw new Error(`generated story is invalid: ${parsed.error.message}`);
  const errors = checkReferences(file, parsed.data);
  const result = assemble([indexStory(file, parsed.data)], errors);
  if (!result.ok)
    throw new Error(`generated story is invalid:\n${result.errors.map(formatDataError).join("\n")}`);
  return result.dataset;
}
