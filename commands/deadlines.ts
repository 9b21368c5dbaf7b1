import { z } from "zod";
import type { CommandContext } from "../src/command-engine/definition.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import type { DeadlineNow, StoryAt } from "../src/dataset/asof.js";
import { storyAt } from "../src/dataset/asof.js";
import { startMs } from "../src/dataset/dataset.js";
import { type Deadline, deadlineStatus, type MoveKind } from "../src/dataset/schema.js";
import { errorReply } from "../src/reply/errors.js";
import { type Cited, cite, isPast, relativeSpan, whenSpan } from "../src/reply/phrases.js";
import type { Reply, Rich } from "../src/reply/reply.js";
import { formatShortDate, localDateOf, parseWhen } from "../src/time/calendar.js";

/** A deadline as a cited statement: its title and due date, from the source that announced it. */
function deadlineCited(d: Deadline): Cited {
  return { what: d.title, sourceIds: d.sourceIds, evidence: d.evidence };
}

const MOVED: Record<MoveKind, string> = {
  extended: "extended",
  postponed: "postponed",
  "brought-forward": "brought forward",
};

/** " · moved: was due Sunday 26 January 2025; extended on 20 Jan 2025, according to Israel" */
function movedText(d: DeadlineNow, story: StoryAt): Rich {
  const move = d.version.move;
  const was = d.previous[d.previous.length - 1];
  if (!move || !was) return [];
  const tz = story.timeZone;
  return [
    " · was due ",
    whenSpan(was.due, tz),
    `; ${MOVED[move.kind]} on `,
    whenSpan(parseWhen(move.at), tz, "date"),
    `, according to ${move.attribution}`,
    move.note ? ` (${move.note})` : "",
  ];
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** One deadline's history as known at the instant: each due date it had, each status, oldest first. */
function deadlineHistory(story: StoryAt, id: string, context: CommandContext): Reply {
  const tz = story.timeZone;
  const track = story.story.tracks.deadlinesById.get(id);
  const now = track ? story.deadlineNow(track) : undefined;
  if (!track || !now) {
    const known = story.deadlines().map((d) => d.deadline.id);
    return errorReply("unknown-value", { option: "deadline", value: id, known });
  }
  const since = (ms: number) =>
    Number.isFinite(ms) ? formatShortDate(localDateOf(new Date(ms), tz)) : "the start";
  const dues: Rich[] = track.dues
    .visibleAt(story.t)
    .map(
      (v): Rich =>
        v.move
          ? [
              `${capitalised(MOVED[v.move.kind])} on `,
              whenSpan(parseWhen(v.move.at), tz, "date"),
              " to ",
              whenSpan(v.due, tz),
              `, according to ${v.move.attribution}`,
              v.move.note ? ` (${v.move.note})` : "",
            ]
          : ["Due ", whenSpan(v.due, tz), " (as first set)"],
    );
  const statuses: Rich[] = track.statuses
    .visibleAt(story.t)
    .map(
      (c): Rich => [
        `From ${since(c.from)}: ${c.value}`,
        c.attribution ? `, according to ${c.attribution}` : "",
        c.note ? ` — ${c.note}` : "",
      ],
    );
  return {
    kind: "answer",
    title: `${now.deadline.title}: ${story.title}`,
    summary: [
      "Due ",
      whenSpan(now.due, tz),
      " (",
      relativeSpan(now.due, context.clock.now(), tz),
      `) · ${now.status}.`,
    ],
    fields: [
      { name: "Due dates", value: dues.flatMap((l, i) => (i ? ["\n", ...l] : l)) },
      {
        name: "Statuses",
        value: statuses.length
          ? statuses.flatMap((l, i) => (i ? ["\n", ...l] : l))
          : ["scheduled (no status set)"],
      },
    ],
    ...cite(story, context.settings, [
      deadlineCited(track.deadline),
      ...track.statuses
        .visibleAt(story.t)
        .map((c) => ({ ...c, what: `${track.deadline.title}: ${c.value}` })),
      ...track.dues
        .visibleAt(story.t)
        .flatMap((v) => (v.move ? [{ ...v.move, what: `${track.deadline.title}: moved` }] : [])),
    ]),
    ephemeral: false,
  };
}

export const deadlines = defineCommand({
  name: "deadlines",
  description: "Upcoming and past deadlines of the agreement, with their status",
  options: z.object({
    show: z
      .enum(["upcoming", "past", "all"])
      .optional()
      .describe("Which deadlines (default: upcoming, then past)"),
    status: deadlineStatus.optional().describe("Only deadlines with this status"),
    deadline: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional()
      .describe("One deadline's id, to see its history: its due dates and statuses"),
    story: storyOption,
  }),
  suggest: {
    deadline: ({ story, clock }) =>
      storyAt(story, clock.now())
        .deadlines()
        .map(({ deadline }) => ({ value: deadline.id, label: deadline.title })),
    story: suggestStory,
  },
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    if (options.deadline) return deadlineHistory(story, options.deadline, context);
    const tz = story.timeZone;
    const dated = story
      .deadlines()
      .filter((d) => !options.status || d.status === options.status)
      .map((d) => ({ d, when: d.due, past: isPast(d.due, context.clock.now(), tz) }))
      .sort((a, b) => startMs(a.when, tz) - startMs(b.when, tz));
    const show = options.show ?? "all";
    const upcoming = dated.filter((x) => !x.past);
    const past = dated.filter((x) => x.past).reverse();
    const line = ({ d, when }: (typeof dated)[number]): Rich => [
      { strong: d.deadline.title },
      " — ",
      whenSpan(when, tz),
      " (",
      relativeSpan(when, context.clock.now(), tz),
      `) · ${d.status}`,
      d.statusChange?.attribution ? ` according to ${d.statusChange.attribution}` : "",
      d.statusChange?.note ? `: ${d.statusChange.note}` : "",
      ...movedText(d, story),
      d.deadline.derived && d.version.version === 0 ? ` [derived: ${d.deadline.derived}]` : "",
    ];
    const fields = [];
    if (show !== "past") {
      fields.push({
        name: "Upcoming",
        value: upcoming.length ? upcoming.flatMap((x, i) => (i ? ["\n", ...line(x)] : line(x))) : ["None."],
      });
    }
    if (show !== "upcoming") {
      fields.push({
        name: "Past",
        value: past.length ? past.flatMap((x, i) => (i ? ["\n", ...line(x)] : line(x))) : ["None."],
      });
    }
    const next = upcoming[0];
    return {
      kind: "answer",
      title: `Deadlines: ${story.title}`,
      summary: next
        ? [
            "Next: ",
            { strong: next.d.deadline.title },
            " ",
            relativeSpan(next.when, context.clock.now(), tz),
            ".",
          ]
        : ["No upcoming deadlines in the data."],
      fields,
      ...cite(
        story,
        context.settings,
        dated.flatMap((x) => [
          deadlineCited(x.d.deadline),
          ...(x.d.statusChange
            ? [{ ...x.d.statusChange, what: `${x.d.deadline.title}: ${x.d.status}` }]
            : []),
          ...(x.d.version.move ? [{ ...x.d.version.move, what: `${x.d.deadline.title}: moved` }] : []),
        ]),
      ),
      ephemeral: false,
    };
  },
});
