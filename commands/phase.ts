import { z } from "zod";
import type { CommandContext } from "../src/command/definition.js";
import { defineCommand } from "../src/command/definition.js";
import { storyOption } from "../src/command/options.js";
import type { Story } from "../src/dataset/dataset.js";
import { footerFor, phaseMoment, pickStory, whenSpan } from "../src/dataset/phrases.js";
import type { Phase } from "../src/dataset/schema.js";
import { errorReply, type ReplyField, type Rich } from "../src/reply/reply.js";
import { formatShortDate, parseWhen } from "../src/time/calendar.js";

const STATUS: Record<Phase["status"], string> = {
  planned: "Planned",
  negotiating: "Under negotiation",
  active: "In force",
  ended: "Ended",
  extended: "Extended",
  collapsed: "Collapsed",
};

/** The phase the clock is in; else the next to start; else the last one. */
function currentPhase(story: Story, context: CommandContext): Phase | undefined {
  const moments = story.phases.map((p) => ({ p, m: phaseMoment(p, story, context) }));
  return (
    moments.find((x) => x.m.state === "during")?.p ??
    moments.find((x) => x.m.state === "before")?.p ??
    moments.find((x) => x.m.state === "unscheduled")?.p ??
    story.phases[story.phases.length - 1]
  );
}

function scheduleText(phase: Phase, story: Story, context: CommandContext): Rich {
  const tz = story.story.timeZone;
  const m = phaseMoment(phase, story, context);
  const start = phase.start ? parseWhen(phase.start) : undefined;
  const end = phase.end ? parseWhen(phase.end) : undefined;
  const out: Rich[number][] = [];
  if (start) out.push("From ", whenSpan(start, tz, "date"));
  if (end) out.push(start ? " to " : "Until ", whenSpan(end, tz, "date"));
  if (!start && !end) out.push("No dates set");
  switch (m.state) {
    case "before":
      out.push(" · starts ", ...m.startsIn);
      break;
    case "during":
      out.push(` · day ${m.day}${m.of ? ` of ${m.of}` : ""}`);
      if (m.endsIn) out.push(" · ends ", ...m.endsIn);
      break;
    case "after":
      out.push(" · ended ", ...m.ended);
      break;
    default:
      break;
  }
  return out;
}

/** Where a phase stands at the clock, in a few words: "ended 4 days ago", "day 41 of 42". */
function momentText(phase: Phase, story: Story, context: CommandContext): Rich {
  const m = phaseMoment(phase, story, context);
  switch (m.state) {
    case "before":
      return ["starts ", ...m.startsIn];
    case "during":
      return [`day ${m.day}${m.of ? ` of ${m.of}` : ""}`, ...(m.endsIn ? [", ends ", ...m.endsIn] : [])];
    case "after":
      return ["ended ", ...m.ended];
    default:
      return [STATUS[phase.status].toLowerCase()];
  }
}

export const phase = defineCommand({
  name: "phase",
  description: "Which phase of the ceasefire is in force, its day count, schedule and terms",
  options: z.object({
    phase: z
      .string()
      .optional()
      .describe("A phase's id, like phase-two (default: the current phase)")
      .meta({ autocomplete: true }),
    story: storyOption,
  }),
  handle(options, context) {
    const story = pickStory(context, options.story);
    if ("error" in story) return errorReply("Unknown story", story.error);
    const chosen = options.phase
      ? story.phases.find((p) => p.id === options.phase)
      : currentPhase(story, context);
    if (!chosen) {
      return options.phase
        ? errorReply(
            "Unknown phase",
            `There is no phase \`${options.phase}\`. Phases: ${story.phases.map((p) => `\`${p.id}\``).join(", ")}.`,
          )
        : errorReply("No phases", `The story "${story.story.title}" has no phases yet.`);
    }
    const m = phaseMoment(chosen, story, context);
    const fields: ReplyField[] = [
      {
        name: "Status",
        value: [
          `${STATUS[chosen.status]} (as of ${formatShortDate(story.story.asOf)})`,
          chosen.statusNote ? ` — ${chosen.statusNote}` : "",
        ],
      },
      { name: "Schedule", value: scheduleText(chosen, story, context) },
    ];
    if (m.state === "during" && m.bar)
      fields.push({ name: "Progress", value: [`Day ${m.day} of ${m.of} ${m.bar}`] });
    const derived = [chosen.startDerived, chosen.endDerived, chosen.lengthDerived].filter(Boolean);
    if (derived.length) fields.push({ name: "Derived dates", value: [derived.join(" ")] });
    if (chosen.terms.length) {
      fields.push({ name: "Terms", value: [chosen.terms.map((t) => `• ${t.text}`).join("\n")] });
    }
    const others = story.phases.filter((p) => p !== chosen);
    if (others.length) {
      fields.push({
        name: "Other phases",
        value: others.flatMap((p, i): Rich[number][] => [
          i ? "\n" : "",
          `${p.name} (\`${p.id}\`): `,
          ...momentText(p, story, context),
        ]),
      });
    }
    return {
      kind: "answer",
      title: `${chosen.name}: ${story.story.title}`,
      summary:
        m.state === "during"
          ? [
              `${chosen.name} is on day ${m.day}${m.of ? ` of ${m.of}` : ""}`,
              ...(m.endsIn ? [" and ends ", ...m.endsIn] : []),
              ".",
            ]
          : m.state === "before"
            ? [`${chosen.name} starts `, ...m.startsIn, "."]
            : m.state === "after"
              ? [`${chosen.name} ended `, ...m.ended, "."]
              : [`${chosen.name}: ${STATUS[chosen.status].toLowerCase()}, no dates set.`],
      fields,
      footer: footerFor(story, context, [...chosen.sourceIds, ...chosen.terms.flatMap((t) => t.sourceIds)]),
      ephemeral: false,
    };
  },
});
