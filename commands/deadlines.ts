import { z } from "zod";
import type { CommandContext } from "../src/command-engine/definition.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import type { DeadlineNow, StoryAt } from "../src/dataset/asof.js";
import { storyAt } from "../src/dataset/asof.js";
import { startMs } from "../src/dataset/dataset.js";
import { type Deadline, type DeadlineStatus, deadlineStatus } from "../src/dataset/schema.js";
import type { Words } from "../src/language/words.js";
import { errorIn } from "../src/reply/errors.js";
import { type Cited, cite, isPast, relativeSpan, richT, whenSpan } from "../src/reply/phrases.js";
import type { Reply, Rich } from "../src/reply/reply.js";
import { localDateOf, parseWhen } from "../src/time/calendar.js";

/** A deadline as a cited statement: its title and due date, from the source that announced it. */
function deadlineCited(d: Deadline): Cited {
  return { what: d.title, sourceIds: d.sourceIds, evidence: d.evidence };
}

/** A deadline's status in the reader's words: "postponed". */
function statusWord(words: Words, status: DeadlineStatus): string {
  return words.t(`deadlines.status.${status}`);
}

/** " · was due Sunday 26 January 2025; extended on 20 Jan 2025, according to Israel" */
function movedText(d: DeadlineNow, story: StoryAt, words: Words): Rich {
  const move = d.version.move;
  const was = d.previous[d.previous.length - 1];
  if (!move || !was) return [];
  const tz = story.timeZone;
  return [
    " · ",
    ...richT(words, `deadlines.moved.${move.kind}`, {
      due: whenSpan(words, was.due, tz),
      date: whenSpan(words, parseWhen(move.at), tz, "date"),
      who: move.attribution,
    }),
    move.note ? ` (${move.note})` : "",
  ];
}

/** One deadline's history as known at the instant: each due date it had, each status, oldest first. */
function deadlineHistory(story: StoryAt, id: string, context: CommandContext): Reply {
  const { words } = context;
  const tz = story.timeZone;
  const track = story.story.tracks.deadlinesById.get(id);
  const now = track ? story.deadlineNow(track) : undefined;
  if (!track || !now) {
    const known = story.deadlines().map((d) => d.deadline.id);
    return errorIn(words, "unknown-value", { option: "deadline", value: id, known });
  }
  const since = (ms: number) =>
    Number.isFinite(ms) ? words.shortDate(localDateOf(new Date(ms), tz)) : words.t("deadlines.the-start");
  const dues: Rich[] = track.dues.visibleAt(story.t).map(
    (v): Rich =>
      v.move
        ? [
            ...richT(words, `deadlines.history.${v.move.kind}`, {
              date: whenSpan(words, parseWhen(v.move.at), tz, "date"),
              due: whenSpan(words, v.due, tz),
              who: v.move.attribution,
            }),
            v.move.note ? ` (${v.move.note})` : "",
          ]
        : richT(words, "deadlines.history.first", { due: whenSpan(words, v.due, tz) }),
  );
  const statuses: Rich[] = track.statuses.visibleAt(story.t).map(
    (c): Rich => [
      c.attribution
        ? words.t("deadlines.status-from-according", {
            since: since(c.from),
            status: statusWord(words, c.value),
            who: c.attribution,
          })
        : words.t("deadlines.status-from", { since: since(c.from), status: statusWord(words, c.value) }),
      c.note ? ` — ${c.note}` : "",
    ],
  );
  return {
    kind: "answer",
    title: words.t("deadlines.history-title", { deadline: now.deadline.title, story: story.title }),
    summary: richT(words, "deadlines.due-summary", {
      due: whenSpan(words, now.due, tz),
      relative: relativeSpan(words, now.due, context.clock.now(), tz),
      status: statusWord(words, now.status),
    }),
    fields: [
      { name: words.t("deadlines.field.dues"), value: dues.flatMap((l, i) => (i ? ["\n", ...l] : l)) },
      {
        name: words.t("deadlines.field.statuses"),
        value: statuses.length
          ? statuses.flatMap((l, i) => (i ? ["\n", ...l] : l))
          : [words.t("deadlines.no-status")],
      },
    ],
    ...cite(words, story, context.settings, [
      deadlineCited(track.deadline),
      ...track.statuses.visibleAt(story.t).map((c) => ({
        ...c,
        what: words.t("deadlines.what.status", {
          deadline: track.deadline.title,
          status: statusWord(words, c.value),
        }),
      })),
      ...track.dues
        .visibleAt(story.t)
        .flatMap((v) =>
          v.move
            ? [{ ...v.move, what: words.t("deadlines.what.moved", { deadline: track.deadline.title }) }]
            : [],
        ),
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
    const { words } = context;
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
    const line = ({ d, when }: (typeof dated)[number]): Rich => {
      const said = {
        when: whenSpan(words, when, tz),
        relative: relativeSpan(words, when, context.clock.now(), tz),
        status: statusWord(words, d.status),
      };
      const who = d.statusChange?.attribution;
      return [
        { strong: d.deadline.title },
        " — ",
        ...(who
          ? richT(words, "deadlines.line-according", { ...said, who })
          : richT(words, "deadlines.line", said)),
        d.statusChange?.note ? `: ${d.statusChange.note}` : "",
        ...movedText(d, story, words),
        d.deadline.derived && d.version.version === 0
          ? ` ${words.t("deadlines.derived", { how: d.deadline.derived })}`
          : "",
      ];
    };
    const fields = [];
    if (show !== "past") {
      fields.push({
        name: words.t("deadlines.field.upcoming"),
        value: upcoming.length
          ? upcoming.flatMap((x, i) => (i ? ["\n", ...line(x)] : line(x)))
          : [words.t("deadlines.none")],
      });
    }
    if (show !== "upcoming") {
      fields.push({
        name: words.t("deadlines.field.past"),
        value: past.length
          ? past.flatMap((x, i) => (i ? ["\n", ...line(x)] : line(x)))
          : [words.t("deadlines.none")],
      });
    }
    const next = upcoming[0];
    return {
      kind: "answer",
      title: words.t("deadlines.title", { story: story.title }),
      summary: next
        ? richT(words, "deadlines.next", {
            title: { strong: next.d.deadline.title },
            when: relativeSpan(words, next.when, context.clock.now(), tz),
          })
        : [words.t("deadlines.no-upcoming")],
      fields,
      ...cite(
        words,
        story,
        context.settings,
        dated.flatMap((x) => [
          deadlineCited(x.d.deadline),
          ...(x.d.statusChange
            ? [
                {
                  ...x.d.statusChange,
                  what: words.t("deadlines.what.status", {
                    deadline: x.d.deadline.title,
                    status: statusWord(words, x.d.status),
                  }),
                },
              ]
            : []),
          ...(x.d.version.move
            ? [
                {
                  ...x.d.version.move,
                  what: words.t("deadlines.what.moved", { deadline: x.d.deadline.title }),
                },
              ]
            : []),
        ]),
      ),
      ephemeral: false,
    };
  },
});
