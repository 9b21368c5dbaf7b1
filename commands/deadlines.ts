import { z } from "zod";
import { defineCommand } from "../src/command/definition.js";
import { storyOption } from "../src/command/options.js";
import { footerFor, isPast, pickStory, relativeSpan, whenSpan } from "../src/dataset/phrases.js";
import { deadlineSchema } from "../src/dataset/schema.js";
import { errorReply, type Rich } from "../src/reply/reply.js";
import { parseWhen } from "../src/time/calendar.js";

const STATUS = { scheduled: "scheduled", met: "met", missed: "missed", disputed: "disputed" } as const;

export const deadlines = defineCommand({
  name: "deadlines",
  description: "Upcoming and past deadlines of the agreement, with their status",
  options: z.object({
    show: z
      .enum(["upcoming", "past", "all"])
      .optional()
      .describe("Which deadlines (default: upcoming, then past)"),
    status: deadlineSchema.shape.status.optional().describe("Only deadlines with this status"),
    story: storyOption,
  }),
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return errorReply("Unknown story", story.error);
    const tz = story.story.timeZone;
    const dated = story.deadlines
      .filter((d) => !options.status || d.status === options.status)
      .map((d) => ({ d, when: parseWhen(d.due) }))
      .map((x) => ({ ...x, past: isPast(x.when, context, tz) }))
      .sort((a, b) => {
        const ta = a.when.precision === "date" ? a.when.date : a.when.instant.toISOString();
        const tb = b.when.precision === "date" ? b.when.date : b.when.instant.toISOString();
        return ta < tb ? -1 : ta > tb ? 1 : 0;
      });
    const show = options.show ?? "all";
    const upcoming = dated.filter((x) => !x.past);
    const past = dated.filter((x) => x.past).reverse();
    const line = (x: (typeof dated)[number]): Rich => [
      { strong: x.d.title },
      " — ",
      whenSpan(x.when, tz),
      " (",
      relativeSpan(x.when, context, tz),
      `) · ${STATUS[x.d.status]}`,
      x.d.statusNote ? `: ${x.d.statusNote}` : "",
      x.d.derived ? ` [derived: ${x.d.derived}]` : "",
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
      title: `Deadlines: ${story.story.title}`,
      summary: next
        ? ["Next: ", { strong: next.d.title }, " ", relativeSpan(next.when, context, tz), "."]
        : ["No upcoming deadlines in the data."],
      fields,
      footer: footerFor(
        story,
        context,
        dated.flatMap((x) => x.d.sourceIds),
      ),
      ephemeral: false,
    };
  },
});
