/**
 * The walk that checks "at any instant the bot says only what was known then": every day of a story
 * (and the minutes around each timed statement), every command's reply, every reminder as it fires
 * and every news update as it is sent, held against the statements of the file (src/dataset/
 * statements.ts) and the publication of its sources. The statements give the account of what may be
 * shown when; the replies come from the engine the bot runs. Also a generated story for it.
 */
import { registry } from "../../commands/index.js";
import { alertReply } from "../../src/alerts/alert-reply.js";
import { planAlerts } from "../../src/alerts/plan.js";
import { storyNotices, updateReply } from "../../src/alerts/updates.js";
import { runCommand } from "../../src/command-engine/run.js";
import { defaultSettings } from "../../src/config.js";
import type { Dataset, Story } from "../../src/dataset/dataset.js";
import { type Statement, statementsOf } from "../../src/dataset/statements.js";
import { ENGLISH } from "../../src/language/words.js";
import { plainText, type Reply } from "../../src/reply/reply.js";
import { addDays, localDateOf, zonedInstant } from "../../src/time/calendar.js";
import { fixedClock } from "../../src/time/clock.js";
import { Gen } from "./random-story.js";
import type { RawStory } from "./story.js";
import { withEvidence } from "./story.js";

/** Everything a reply says, as plain text (title, summary, fields, lines, buttons, a timeline picture's alt text). */
export function replyText(reply: Reply): string {
  return [
    reply.title,
    plainText(reply.summary ?? []),
    ...(reply.fields ?? []).flatMap((f) => [f.name, plainText(f.value)]),
    ...(reply.lines ?? []).map(plainText),
    ...(reply.buttons ?? []).map((b) => b.label),
    // A timeline's picture says more than the reply's lines (every phase and deadline known); a
    // figure's says what its lines say, so its alt text is not drawn for every figure at every step.
    reply.picture && !reply.picture.name.startsWith("figure-") ? reply.picture.alt : "",
  ].join("\n");
}

/** A text a reply may show, and the first instant any statement saying it is visible. */
interface Telling {
  text: string;
  statement: Statement;
  /** The earliest visibility among the statements whose texts contain this text. */
  shownFrom: number;
}

/** Texts short or common enough to stand in other words (a name, "Israel") prove nothing. */
const MIN_TEXT = 16;

export interface Oracle {
  story: Story;
  tellings: Telling[];
}

export function oracleFor(story: Story): Oracle {
  const statements = statementsOf(story);
  const texts = statements.flatMap((s) => s.texts.map((text) => ({ text, statement: s })));
  // Everything a reply may word from what is known: statements, who said them, a person with a role
  // ("Donald Trump, US President"), a source's title and publisher.
  const people = story.people.map((p) => p.name);
  const pool = [
    ...texts.map((x) => ({ text: x.text, from: x.statement.visibleFrom })),
    ...statements.flatMap((s) => s.names.map((text) => ({ text, from: s.visibleFrom }))),
    ...statements.flatMap((s) => {
      const index = /^people\[(\d+)\]/.exec(s.path)?.[1];
      const name = index === undefined ? undefined : people[Number(index)];
      return name && s.kind === "person-role"
        ? s.texts.map((role) => ({ text: `${name}, ${role}`, from: s.visibleFrom }))
        : [];
    }),
    ...story.sources.flatMap((s) => {
      const from = story.sourcesById.get(s.id)?.publication.ms ?? Number.NEGATIVE_INFINITY;
      return [s.title, s.publisher ?? ""].map((text) => ({ text, from }));
    }),
  ];
  const tellings = texts
    .filter((x) => x.text.length >= MIN_TEXT)
    .map((x) => ({
      ...x,
      shownFrom: Math.min(...pool.filter((y) => y.text.includes(x.text)).map((y) => y.from)),
    }));
  return { story, tellings };
}

export interface Leak {
  at: string;
  what: string;
  problem: string;
}

/** What a reply at `t` shows that was not yet known then. */
export function leaksIn(oracle: Oracle, reply: Reply, t: number, what: string): Leak[] {
  const out: Leak[] = [];
  const at = new Date(t).toISOString();
  const text = replyText(reply);
  for (const x of oracle.tellings) {
    if (x.shownFrom > t && text.includes(x.text))
      out.push({
        at,
        what,
        problem: `shows ${x.statement.path} ("${x.text.slice(0, 60)}"), visible only from ${new Date(x.shownFrom).toISOString()}`,
      });
  }
  const today = localDateOf(new Date(t), oracle.story.story.timeZone);
  for (const s of reply.footer?.sources ?? []) {
    const source = oracle.story.sourcesById.get(s.id);
    if (!source || source.publication.ms > t)
      out.push({
        at,
        what,
        problem: `cites ${s.id}, published ${source?.publication.when.precision === "date" ? source.published : source?.publication.ms}`,
      });
  }
  if (reply.footer && reply.footer.asOf > today)
    out.push({ at, what, problem: `says data as of ${reply.footer.asOf} on ${today}` });
  return out;
}

/** Every command a reader can ask, with each phase and figure by id, the timeline on one page. */
export function everyQuestion(story: Story): { name: string; options: Record<string, unknown> }[] {
  const s = { story: story.story.id };
  return [
    { name: "phase", options: s },
    ...story.phases.map((p) => ({ name: "phase", options: { ...s, phase: p.id } })),
    { name: "captives", options: s },
    { name: "timeline", options: s },
    { name: "deadlines", options: { ...s, show: "all" } },
    { name: "figures", options: s },
    ...story.figures.map((f) => ({ name: "figures", options: { ...s, figure: f.id } })),
    { name: "parties", options: s },
    { name: "claims", options: s },
    { name: "sources", options: s },
  ];
}

/** The instants of the walk: each day at 00:30, 09:00 and 23:30, and a minute around each timed fact. */
export function walkInstants(story: Story, fromDay: string, toDay: string): number[] {
  const tz = story.story.timeZone;
  const out = new Set<number>();
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) {
    for (const [h, m] of [
      [0, 30],
      [9, 0],
      [23, 30],
    ] as const)
      out.add(zonedInstant(d, h, m, tz).getTime());
  }
  for (const s of statementsOf(story)) {
    for (const edge of [s.visibleFrom, s.trueFrom]) {
      if (!Number.isFinite(edge)) continue;
      out.add(edge - 60_000);
      out.add(edge + 60_000);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Walks one story: every question at every instant, every reminder and news update as sent. */
export function walkStory(dataset: Dataset, storyId: string, fromDay: string, toDay: string): Leak[] {
  const story = dataset.byId.get(storyId);
  if (!story) throw new Error(`no story ${storyId}`);
  const oracle = oracleFor(story);
  const settings = { ...defaultSettings, timelinePageSize: 100_000, staleAfterDays: 100_000 };
  const leaks: Leak[] = [];
  const questions = everyQuestion(story);
  for (const t of walkInstants(story, fromDay, toDay)) {
    const context = {
      dataset,
      clock: fixedClock(new Date(t).toISOString()),
      settings,
      commands: registry.list,
      words: ENGLISH,
    };
    for (const q of questions) {
      const reply = runCommand(registry, q.name, q.options, context);
      leaks.push(...leaksIn(oracle, reply, t, `/${q.name} ${JSON.stringify(q.options)}`));
    }
  }
  const tz = story.story.timeZone;
  const from = zonedInstant(fromDay, 0, 0, tz);
  const to = zonedInstant(toDay, 23, 59, tz);
  for (const alert of planAlerts(dataset, { from, to }, { reminderHour: settings.reminderHour })) {
    if (alert.storyId !== storyId) continue;
    const reply = alertReply(alert, dataset, { now: alert.at, settings });
    leaks.push(...leaksIn(oracle, reply, alert.at.getTime(), `reminder ${alert.id}`));
  }
  for (const notice of storyNotices(story)) {
    if (!Number.isFinite(notice.visibleFrom)) continue;
    const now = new Date(notice.visibleFrom);
    const reply = updateReply({ ...notice.item(), at: now.toISOString() }, story, { now, settings });
    leaks.push(...leaksIn(oracle, reply, now.getTime(), `update ${notice.key}`));
  }
  return leaks;
}

/**
 * A generated story that puts the known-from rules to work: sources published on the day of what
 * they report (date only, or at an instant), a day later, or with a time; events with and without a
 * time, later updates from later sources, figure values, phase and deadline status histories, terms
 * and claims from sources of their own. Every text names its own item, so a leak names itself.
 */
export function generatedStory(seed: number, days = 40): RawStory {
  const g = new Gen(seed);
  const tz = "Asia/Jerusalem";
  const start = "2025-04-01";
  const sources: Record<string, unknown>[] = [];
  const source = (day: string): string => {
    const id = `src-${sources.length}`;
    const timed = g.chance(0.4);
    const hour = g.int(6, 22);
    sources.push({
      id,
      title: `Report number ${sources.length} of the generated story`,
      publisher: "Generated Wire",
      published: timed ? `${day}T${String(hour).padStart(2, "0")}:${g.pick(["05", "40"])}:00+03:00` : day,
    });
    return id;
  };
  /** A source that reports what happened on `day`: that day, or one to three days later. */
  const reporting = (day: string) => source(addDays(day, g.chance(0.5) ? 0 : g.int(1, 3)));
  const events = Array.from({ length: days }, (_, i) => {
    const day = addDays(start, i);
    const timed = g.chance(0.5);
    const when = timed ? `${day}T${String(g.int(1, 20)).padStart(2, "0")}:15:00+03:00` : day;
    const first = reporting(day);
    const later = g.chance(0.3)
      ? [
          {
            description: `Later wording of generated event ${i} from a second report.`,
            sourceIds: [source(addDays(day, g.int(4, 8)))],
          },
        ]
      : [];
    return {
      id: `event-${i}`,
      when,
      title: `Generated event ${i} took place`,
      description: `First wording of generated event ${i}.`,
      tags: ["talks"],
      sourceIds: [first],
      updates: later,
    };
  });
  const values = Array.from({ length: Math.floor(days / 4) }, (_, i) => {
    const asOf = addDays(start, i * 4);
    return {
      value: 100 - i,
      asOf,
      attribution: "the generated ministry",
      sourceId: reporting(asOf),
      note: `Generated count note number ${i} of the figure.`,
    };
  });
  const dueDay = addDays(start, days - 5);
  const announced = source(addDays(start, 2));
  const story: RawStory = {
    story: {
      id: "generated",
      title: "A generated truce",
      timeZone: tz,
      asOf: addDays(start, days + 10),
      summary: [
        {
          from: addDays(start, 1),
          text: "The generated truce was agreed between its two generated sides.",
          sourceIds: [reporting(addDays(start, 1))],
        },
      ],
    },
    reminders: { leadTimes: ["1d", "0d"] },
    sources,
    parties: [
      { id: "side-a", name: "Side A", role: "belligerent", sourceIds: [announced] },
      {
        id: "side-b",
        name: "Side B",
        roles: [
          { from: addDays(start, 2), roles: ["belligerent"] },
          {
            from: addDays(start, 12),
            roles: ["belligerent", "signatory"],
            sourceIds: [reporting(addDays(start, 12))],
          },
        ],
        sourceIds: [announced],
      },
    ],
    people: [],
    phases: [
      {
        id: "generated-phase",
        name: "The generated phase",
        start: addDays(start, 3),
        end: dueDay,
        status: [
          {
            from: addDays(start, 3),
            status: "active",
            note: "The generated phase began as its first report says.",
          },
          {
            from: addDays(start, 20),
            status: "disputed",
            note: "Generated side B says the generated phase is no longer respected.",
            attribution: "Side B",
            sourceIds: [reporting(addDays(start, 20))],
          },
        ],
        terms: [
          { text: "A generated term known from the announcement of the truce.", sourceIds: [announced] },
          {
            text: "A generated term added by a later report of the truce.",
            sourceIds: [source(addDays(start, 15))],
          },
        ],
        sourceIds: [announced],
      },
    ],
    figures: [{ id: "generated-count", label: "Generated count", category: "other", values }],
    events,
    deadlines: [
      {
        id: "generated-deadline",
        title: "The generated deadline",
        phrase: "The generated deadline falls",
        due: dueDay,
        phaseId: "generated-phase",
        status: [
          { from: addDays(start, 2), status: "scheduled" },
          {
            from: addDays(start, 18),
            status: "disputed",
            note: "Generated side A disputes the generated deadline.",
            attribution: "Side A",
            sourceIds: [reporting(addDays(start, 18))],
          },
        ],
        sourceIds: [announced],
      },
    ],
    claims: Array.from({ length: 6 }, (_, i) => {
      const day = addDays(start, 5 + i * 5);
      return {
        id: `claim-${i}`,
        when: day,
        by: "Side A",
        partyId: "side-a",
        text: `Generated side A said generated thing number ${i}.`,
        sourceIds: [reporting(day)],
      };
    }),
  };
  return withEvidence(story);
}
