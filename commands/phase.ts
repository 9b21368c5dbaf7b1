import { z } from "zod";
import type { CommandContext } from "../src/command-engine/definition.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import type { PhaseMoment, PhaseNow, PhaseState, StoryAt } from "../src/dataset/asof.js";
import { storyAt } from "../src/dataset/asof.js";
import type { PhaseStatus } from "../src/dataset/schema.js";
import type { Words } from "../src/language/words.js";
import { timelinePicture } from "../src/pictures/timeline-chart.js";
import { errorIn } from "../src/reply/errors.js";
import { cite, progressBar, relativeSpan, richT, whenSpan } from "../src/reply/phrases.js";
import type { ReplyField, Rich } from "../src/reply/reply.js";
import { localDateOf, parseWhen } from "../src/time/calendar.js";

/** A phase's status as a label: "Under negotiation". */
function statusLabel(words: Words, status: PhaseStatus): string {
  return words.t(`phase.status.${status}`);
}

/** The same label inside a sentence: "under negotiation". */
function statusInline(words: Words, status: PhaseStatus): string {
  return statusLabel(words, status).toLocaleLowerCase(words.locale);
}

/** How a phase's state reads as a clause: "Phase two never began". */
function stateClause(words: Words, name: string, state: PhaseState): string {
  return words.t(`phase.state.${state}`, { name });
}

/**
 * The phase in force (the latest to start, when several are); else, when none is, the one whose state
 * says most about why: a disputed or suspended one, the next to start, one still negotiated without
 * dates, else the last one.
 */
function currentPhase(story: StoryAt): PhaseNow | undefined {
  const phases = story.phases().map((p) => ({ p, state: story.phaseState(p), m: story.phaseMoment(p) }));
  return (
    phases.filter((x) => x.state === "in-force").at(-1)?.p ??
    phases.filter((x) => x.state === "disputed" || x.state === "suspended").at(-1)?.p ??
    phases.find((x) => x.state === "not-started" && x.m.state === "before")?.p ??
    phases.find((x) => x.state === "not-started")?.p ??
    phases[phases.length - 1]?.p
  );
}

/** "No phase is in force: phase two never began, according to Israel." */
function noPhaseInForce(p: PhaseNow, story: StoryAt, words: Words): Rich {
  const clause = stateClause(words, p.phase.name, story.phaseState(p));
  const who = p.statusChange?.attribution;
  return [
    who
      ? words.t("phase.none-in-force-according", { clause, who })
      : words.t("phase.none-in-force", { clause }),
  ];
}

/** "ends tomorrow", "in force until further notice", "ended 4 days ago" … */
function momentParts(m: PhaseMoment, story: StoryAt, context: CommandContext): Rich {
  const { words } = context;
  const tz = story.timeZone;
  const now = context.clock.now();
  switch (m.state) {
    case "before":
      return richT(words, "phase.starts", { when: relativeSpan(words, m.start, now, tz) });
    case "during": {
      const parts: Rich[] = [
        [m.of ? words.t("phase.day-of", { day: m.day, of: m.of }) : words.t("phase.day", { day: m.day })],
        ...(m.end ? [richT(words, "phase.ends", { when: relativeSpan(words, m.end, now, tz) })] : []),
        ...(m.openEnded ? [[words.t("phase.until-further-notice")]] : []),
      ];
      return parts.flatMap((p, i) => (i ? [words.t("phase.comma"), ...p] : p));
    }
    case "after":
      return richT(words, m.status === "collapsed" ? "phase.collapsed" : "phase.ended", {
        when: relativeSpan(words, m.ended, now, tz),
      });
    default:
      return [];
  }
}

/** "From Sunday 19 January 2025 to Saturday 1 March 2025", or what is known of it. */
function datesText(p: PhaseNow, tz: string, words: Words): Rich {
  const start = p.start ? whenSpan(words, p.start, tz, "date") : undefined;
  const end = p.end ? whenSpan(words, p.end, tz, "date") : undefined;
  if (start && end) return richT(words, "phase.schedule.from-to", { start, end });
  if (start)
    return richT(words, p.end === null ? "phase.schedule.from-open" : "phase.schedule.from", { start });
  if (end) return richT(words, "phase.schedule.until", { end });
  return [words.t(p.end === null ? "phase.schedule.open" : "phase.schedule.no-dates")];
}

function scheduleText(p: PhaseNow, story: StoryAt, context: CommandContext): Rich {
  const { words } = context;
  const tz = story.timeZone;
  const out: Rich[number][] = [...datesText(p, tz, words)];
  const m = story.phaseMoment(p);
  if (m.state === "during") {
    out.push(
      " · ",
      m.openEnded
        ? `${words.t("phase.day", { day: m.day })} · ${words.t("phase.until-further-notice")}`
        : m.of
          ? words.t("phase.day-of", { day: m.day, of: m.of })
          : words.t("phase.day", { day: m.day }),
    );
    if (m.end)
      out.push(
        " · ",
        ...richT(words, "phase.ends", { when: relativeSpan(words, m.end, context.clock.now(), tz) }),
      );
  } else if (m.state !== "unscheduled") {
    out.push(" · ", ...momentParts(m, story, context));
  }
  const move = p.endMove;
  const original = p.track.ends.entries[0];
  if (move && original?.end) {
    out.push(
      "\n",
      ...richT(words, `phase.move.${move.kind}`, {
        date: whenSpan(words, parseWhen(move.at), tz, "date"),
        who: move.attribution,
        planned: whenSpan(words, original.end, tz, "date"),
      }),
      move.note ? `. ${move.note}` : "",
    );
  }
  return out;
}

/** When a status began: the first of the run of entries with the same status that ends at `change`. */
function statusSince(p: PhaseNow, story: StoryAt): number | undefined {
  const change = p.statusChange;
  if (!change) return undefined;
  const entries = p.track.statuses.visibleAt(story.t);
  let from = change.from;
  for (let i = entries.indexOf(change) - 1; i >= 0 && entries[i]?.value === change.value; i--) {
    from = entries[i]?.from ?? from;
  }
  return Number.isFinite(from) ? from : undefined;
}

/** "In force since 2 Mar 2025, according to Israel — note" */
function statusText(p: PhaseNow, story: StoryAt, words: Words): Rich {
  const change = p.statusChange;
  const from = statusSince(p, story);
  const day = from === undefined ? undefined : words.shortDate(localDateOf(new Date(from), story.timeZone));
  const status = statusLabel(words, p.status);
  // A phase that never began has no "since": say from when that was so.
  const text =
    day === undefined
      ? words.t("phase.status-as-of", { status, date: words.shortDate(story.asOf) })
      : p.status === "never-began"
        ? words.t("phase.status-so-from", { status, date: day })
        : words.t("phase.status-since", { status, date: day });
  return [
    change?.attribution ? words.t("phase.according-to", { text, who: change.attribution }) : text,
    change?.note ? ` — ${change.note}` : "",
  ];
}

/** The answer's first sentence: where the phase stands, and (asked about none) why none is in force. */
function summaryOf(chosen: PhaseNow, story: StoryAt, context: CommandContext, current: boolean): Rich {
  const { words } = context;
  const name = chosen.phase.name;
  const m = story.phaseMoment(chosen);
  const state = story.phaseState(chosen);
  const now = context.clock.now();
  if (current && state !== "in-force" && state !== "not-started") return noPhaseInForce(chosen, story, words);
  if (state === "never-began" || state === "suspended" || state === "disputed")
    return [words.t("phase.sentence", { clause: stateClause(words, name, state) })];
  if (m.state === "during") {
    if (m.openEnded) return [words.t("phase.on-day-open", { name, day: m.day })];
    const when = m.end ? relativeSpan(words, m.end, now, story.timeZone) : undefined;
    if (when)
      return richT(words, m.of ? "phase.on-day-of-ends" : "phase.on-day-ends", {
        name,
        day: m.day,
        of: m.of,
        when,
      });
    return [words.t(m.of ? "phase.on-day-of" : "phase.on-day", { name, day: m.day, of: m.of })];
  }
  if (m.state === "unscheduled")
    return [words.t("phase.unscheduled", { name, status: statusInline(words, chosen.status) })];
  if (m.state === "before")
    return richT(words, "phase.starts-sentence", {
      name,
      when: relativeSpan(words, m.start, now, story.timeZone),
    });
  if (m.state === "after")
    return richT(words, m.status === "collapsed" ? "phase.collapsed-sentence" : "phase.ended-sentence", {
      name,
      when: relativeSpan(words, m.ended, now, story.timeZone),
    });
  return [name];
}

export const phase = defineCommand({
  name: "phase",
  description: "Which phase of the ceasefire is in force, its day count, schedule and terms",
  options: z.object({
    phase: z.string().optional().describe("A phase's id, like phase-two (default: the current phase)"),
    story: storyOption,
  }),
  suggest: {
    phase: ({ story, clock }) =>
      storyAt(story, clock.now())
        .phases()
        .map(({ phase }) => ({ value: phase.id, label: phase.name })),
    story: suggestStory,
  },
  handle(options, context) {
    const { words } = context;
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const known = story.phases();
    const chosen = options.phase ? known.find((p) => p.phase.id === options.phase) : currentPhase(story);
    if (!chosen) {
      return options.phase
        ? errorIn(words, "unknown-value", {
            option: "phase",
            value: options.phase,
            known: known.map((p) => p.phase.id),
          })
        : errorIn(words, "no-data", { what: "phases", story: story.title });
    }
    const phase = chosen.phase;
    const m = story.phaseMoment(chosen);
    const fields: ReplyField[] = [
      { name: words.t("phase.field.status"), value: statusText(chosen, story, words) },
      { name: words.t("phase.field.schedule"), value: scheduleText(chosen, story, context) },
    ];
    if (m.state === "during" && m.of)
      fields.push({
        name: words.t("phase.field.progress"),
        value: [words.t("phase.progress", { day: m.day, of: m.of, bar: progressBar(m.day / m.of) })],
      });
    const derived = [
      phase.startDerived,
      chosen.endMove ? undefined : phase.endDerived,
      chosen.endMove ? undefined : phase.lengthDerived,
    ].filter(Boolean);
    if (derived.length) fields.push({ name: words.t("phase.field.derived"), value: [derived.join(" ")] });
    const terms = story.terms(chosen);
    if (terms.length) {
      fields.push({
        name: words.t("phase.field.terms"),
        value: [terms.map((t) => `• ${t.text}`).join("\n")],
      });
    }
    const others = known.filter((p) => p.phase.id !== chosen.phase.id);
    if (others.length) {
      fields.push({
        name: words.t("phase.field.others"),
        value: others.flatMap((p, i): Rich[number][] => {
          const om = story.phaseMoment(p);
          return [
            i ? "\n" : "",
            words.t("phase.other", { name: p.phase.name, id: p.phase.id }),
            ...(om.state === "unscheduled"
              ? [statusInline(words, p.status)]
              : momentParts(om, story, context)),
          ];
        }),
      });
    }
    const picture = timelinePicture(story, "phase", { highlight: phase.id }, words);
    return {
      kind: "answer",
      title: words.t("phase.title", { phase: phase.name, story: story.title }),
      summary: summaryOf(chosen, story, context, !options.phase),
      fields,
      ...cite(words, story, context.settings, [
        { what: phase.name, sourceIds: phase.sourceIds, evidence: phase.evidence },
        ...terms.map((t) => ({ ...t, what: words.t("phase.what.term", { name: phase.name }) })),
        ...(chosen.statusChange
          ? [
              {
                ...chosen.statusChange,
                what: words.t("phase.what.status", {
                  name: phase.name,
                  status: statusInline(words, chosen.status),
                }),
              },
            ]
          : []),
        ...(chosen.endMove
          ? [{ ...chosen.endMove, what: words.t("phase.what.moved", { name: phase.name }) }]
          : []),
      ]),
      ...(picture ? { picture } : {}),
      ephemeral: false,
    };
  },
});
