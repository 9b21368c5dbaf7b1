import { z } from "zod";
import type { CommandContext } from "../src/command-engine/definition.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import type { PhaseMoment, PhaseNow, PhaseState, StoryAt } from "../src/dataset/asof.js";
import { storyAt } from "../src/dataset/asof.js";
import type { MoveKind, PhaseStatus } from "../src/dataset/schema.js";
import { timelinePicture } from "../src/pictures/timeline-chart.js";
import { errorReply } from "../src/reply/errors.js";
import { cite, progressBar, relativeSpan, whenSpan } from "../src/reply/phrases.js";
import type { ReplyField, Rich } from "../src/reply/reply.js";
import { formatShortDate, localDateOf, parseWhen } from "../src/time/calendar.js";

const STATUS: Record<PhaseStatus, string> = {
  planned: "Planned",
  negotiating: "Under negotiation",
  active: "In force",
  ended: "Ended",
  extended: "Extended",
  suspended: "Suspended",
  disputed: "Disputed",
  collapsed: "Collapsed",
  "never-began": "Never began",
};

/** How a phase's state reads in a sentence: "Phase two never began". */
const STATE_TEXT: Record<PhaseState, string> = {
  "not-started": "has not started",
  "in-force": "is in force",
  suspended: "is suspended",
  disputed: "is disputed",
  ended: "has ended",
  "never-began": "never began",
};

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

/** "No phase is in force: phase two never began (according to Israel)." */
function noPhaseInForce(p: PhaseNow, story: StoryAt): Rich {
  const change = p.statusChange;
  return [
    `No phase is in force: ${p.phase.name} ${STATE_TEXT[story.phaseState(p)]}`,
    change?.attribution ? `, according to ${change.attribution}` : "",
    ".",
  ];
}

/** "ends tomorrow", "in force until further notice", "ended 4 days ago" … */
function momentParts(m: PhaseMoment, story: StoryAt, context: CommandContext): Rich {
  const tz = story.timeZone;
  switch (m.state) {
    case "before":
      return ["starts ", relativeSpan(m.start, context.clock.now(), tz)];
    case "during":
      return [
        `day ${m.day}${m.of ? ` of ${m.of}` : ""}`,
        ...(m.end ? [", ends ", relativeSpan(m.end, context.clock.now(), tz)] : []),
        ...(m.openEnded ? [", in force until further notice"] : []),
      ];
    case "after":
      return [
        m.status === "collapsed" ? "collapsed " : "ended ",
        relativeSpan(m.ended, context.clock.now(), tz),
      ];
    default:
      return [];
  }
}

function scheduleText(p: PhaseNow, story: StoryAt, context: CommandContext): Rich {
  const tz = story.timeZone;
  const out: Rich[number][] = [];
  if (p.start) out.push("From ", whenSpan(p.start, tz, "date"));
  if (p.end) out.push(p.start ? " to " : "Until ", whenSpan(p.end, tz, "date"));
  if (p.end === null) out.push(p.start ? " until further notice" : "Until further notice");
  if (!p.start && p.end === undefined) out.push("No dates set");
  const m = story.phaseMoment(p);
  if (m.state === "during") {
    out.push(
      m.openEnded
        ? ` · day ${m.day} · in force until further notice`
        : ` · day ${m.day}${m.of ? ` of ${m.of}` : ""}`,
    );
    if (m.end) out.push(" · ends ", relativeSpan(m.end, context.clock.now(), tz));
  } else if (m.state !== "unscheduled") {
    out.push(" · ", ...momentParts(m, story, context));
  }
  const move = p.endMove;
  const original = p.track.ends.entries[0];
  if (move && original?.end) {
    out.push(
      `\n${MOVE_TEXT[move.kind]} on `,
      whenSpan(parseWhen(move.at), tz, "date"),
      ", according to ",
      move.attribution,
      "; planned end was ",
      whenSpan(original.end, tz, "date"),
      move.note ? `. ${move.note}` : "",
    );
  }
  return out;
}

const MOVE_TEXT: Record<MoveKind, string> = {
  extended: "Extended",
  postponed: "Postponed",
  "brought-forward": "Brought forward",
};

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
function statusText(p: PhaseNow, story: StoryAt): Rich {
  const change = p.statusChange;
  const from = statusSince(p, story);
  const day = from === undefined ? undefined : formatShortDate(localDateOf(new Date(from), story.timeZone));
  // A phase that never began has no "since": say from when that was so.
  const since =
    day === undefined
      ? ` (as of ${formatShortDate(story.asOf)})`
      : p.status === "never-began"
        ? ` (so from ${day})`
        : ` since ${day}`;
  return [
    `${STATUS[p.status]}${since}`,
    change?.attribution ? `, according to ${change.attribution}` : "",
    change?.note ? ` — ${change.note}` : "",
  ];
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
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const known = story.phases();
    const chosen = options.phase ? known.find((p) => p.phase.id === options.phase) : currentPhase(story);
    if (!chosen) {
      return options.phase
        ? errorReply("unknown-value", {
            option: "phase",
            value: options.phase,
            known: known.map((p) => p.phase.id),
          })
        : errorReply("no-data", { what: "phases", story: story.title });
    }
    const phase = chosen.phase;
    const m = story.phaseMoment(chosen);
    const fields: ReplyField[] = [
      { name: "Status", value: statusText(chosen, story) },
      { name: "Schedule", value: scheduleText(chosen, story, context) },
    ];
    if (m.state === "during" && m.of)
      fields.push({ name: "Progress", value: [`Day ${m.day} of ${m.of} ${progressBar(m.day / m.of)}`] });
    const derived = [
      phase.startDerived,
      chosen.endMove ? undefined : phase.endDerived,
      chosen.endMove ? undefined : phase.lengthDerived,
    ].filter(Boolean);
    if (derived.length) fields.push({ name: "Derived dates", value: [derived.join(" ")] });
    const terms = story.terms(chosen);
    if (terms.length) {
      fields.push({ name: "Terms", value: [terms.map((t) => `• ${t.text}`).join("\n")] });
    }
    const others = known.filter((p) => p.phase.id !== chosen.phase.id);
    if (others.length) {
      fields.push({
        name: "Other phases",
        value: others.flatMap((p, i): Rich[number][] => {
          const om = story.phaseMoment(p);
          return [
            i ? "\n" : "",
            `${p.phase.name} (\`${p.phase.id}\`): `,
            ...(om.state === "unscheduled"
              ? [STATUS[p.status].toLowerCase()]
              : momentParts(om, story, context)),
          ];
        }),
      });
    }
    const parts = momentParts(m, story, context);
    const state = story.phaseState(chosen);
    const picture = timelinePicture(story, "phase", { highlight: phase.id });
    return {
      kind: "answer",
      title: `${phase.name}: ${story.title}`,
      summary:
        !options.phase && state !== "in-force" && state !== "not-started"
          ? noPhaseInForce(chosen, story)
          : state === "never-began" || state === "suspended" || state === "disputed"
            ? [`${phase.name} ${STATE_TEXT[state]}.`]
            : m.state === "during"
              ? m.openEnded
                ? [`${phase.name} is on day ${m.day} and in force until further notice.`]
                : [
                    `${phase.name} is on day ${m.day}${m.of ? ` of ${m.of}` : ""}`,
                    ...(m.end
                      ? [" and ends ", relativeSpan(m.end, context.clock.now(), story.timeZone)]
                      : []),
                    ".",
                  ]
              : m.state === "unscheduled"
                ? [`${phase.name}: ${STATUS[chosen.status].toLowerCase()}, no dates set.`]
                : [`${phase.name} `, ...parts, "."],
      fields,
      ...cite(story, context.settings, [
        { what: phase.name, sourceIds: phase.sourceIds, evidence: phase.evidence },
        ...terms.map((t) => ({ ...t, what: `${phase.name}: a term` })),
        ...(chosen.statusChange
          ? [{ ...chosen.statusChange, what: `${phase.name}: ${STATUS[chosen.status].toLowerCase()}` }]
          : []),
        ...(chosen.endMove ? [{ ...chosen.endMove, what: `${phase.name}: its end moved` }] : []),
      ]),
      ...(picture ? { picture } : {}),
      ephemeral: false,
    };
  },
});
