import { z } from "zod";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { storyAt } from "../src/dataset/asof.js";
import { firstOnOrAfter } from "../src/dataset/dataset.js";
import { timelinePicture } from "../src/pictures/timeline-chart.js";
import { errorIn } from "../src/reply/errors.js";
import { cite, whenSpan } from "../src/reply/phrases.js";
import type { ReplyButton, Rich } from "../src/reply/reply.js";
import { addDays } from "../src/time/calendar.js";

export const timeline = defineCommand({
  name: "timeline",
  description: "The ceasefire's events in order, filtered by date range and tag, a page at a time",
  options: z.object({
    from: z.iso.date().optional().describe("First date to show, like 2025-01-01"),
    to: z.iso.date().optional().describe("Last date to show, like 2025-03-01"),
    tag: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe("Only events with this tag, like phase-one"),
    page: z.int().min(1).max(10_000).optional().describe("Page number (default 1)"),
    story: storyOption,
  }),
  suggest: {
    tag: ({ story, clock }) =>
      storyAt(story, clock.now())
        .tags()
        .map((value) => ({ value })),
    story: suggestStory,
  },
  handle(options, context) {
    const { words } = context;
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    if (options.from && options.to && options.from > options.to) {
      return errorIn(words, "invalid-option", {
        command: "timeline",
        message: words.t("timeline.from-after-to", { from: options.from, to: options.to }),
      });
    }
    const tags = story.tags();
    if (options.tag && !tags.includes(options.tag)) {
      return errorIn(words, "unknown-value", { option: "tag", value: options.tag, known: tags });
    }
    const tag = options.tag;
    const list = story.events(tag);
    const items = list?.items ?? [];
    const start = options.from ? firstOnOrAfter(items, options.from) : 0;
    const end = options.to ? firstOnOrAfter(items, addDays(options.to, 1)) : items.length;
    const total = list ? list.count(story.t, start, end) : 0;
    const size = context.settings.timelinePageSize;
    const pages = Math.max(1, Math.ceil(total / size));
    const page = options.page ?? 1;
    if (page > pages) {
      return errorIn(words, "invalid-option", {
        command: "timeline",
        message: words.t("timeline.page-too-far", { pages: String(pages), page: String(page) }),
      });
    }
    const shown = list ? list.slice(story.t, start, end, (page - 1) * size, size) : [];
    const tz = story.timeZone;
    const versions = shown.map((e) => story.eventVersion(e));
    const lines: Rich[] = shown.map((e, i) => {
      const v = versions[i] ?? e;
      return [
        whenSpan(words, e.at, tz, "datetime"),
        e.whenNote ? ` (${e.whenNote.replace(/\.$/, "")})` : "",
        " — ",
        { strong: v.title },
        v.description ? `: ${v.description}` : "",
        v.attribution ? words.t("timeline.according", { who: v.attribution }) : "",
        e.derived ? words.t("timeline.derived", { how: e.derived }) : "",
      ];
    });
    const filters = [
      options.from ? words.t("timeline.filter.from", { date: options.from }) : "",
      options.to ? words.t("timeline.filter.to", { date: options.to }) : "",
      tag ? words.t("timeline.filter.tag", { tag }) : "",
    ]
      .filter(Boolean)
      .join(words.t("timeline.comma"));
    const base: Record<string, string> = {};
    if (options.from) base.from = options.from;
    if (options.to) base.to = options.to;
    if (tag) base.tag = tag;
    if (options.story) base.story = options.story;
    const buttons: ReplyButton[] =
      pages > 1
        ? [
            {
              label: words.t("timeline.previous"),
              command: "timeline",
              options: { ...base, page: String(page - 1) },
              disabled: page <= 1,
            },
            {
              label: words.t("timeline.next"),
              command: "timeline",
              options: { ...base, page: String(page + 1) },
              disabled: page >= pages,
            },
          ]
        : [];
    // The picture shows the whole story to the instant, this page's span highlighted.
    const first = shown[0];
    const last = shown.at(-1);
    const picture = timelinePicture(
      story,
      "timeline",
      { window: first && last ? { from: first.at, to: last.at } : undefined },
      words,
    );
    return {
      kind: "answer",
      title: words.t("timeline.title", { story: story.title }),
      summary: [
        total === 0
          ? filters
            ? words.t("timeline.none-filtered", { filters })
            : words.t("timeline.none")
          : words.t(filters ? "timeline.count-filtered" : "timeline.count", {
              total,
              filters,
              page: String(page),
              pages: String(pages),
            }),
      ],
      lines,
      ...(buttons.length ? { buttons } : {}),
      ...(picture ? { picture } : {}),
      // The first report of each event, and the update whose wording is shown.
      ...cite(
        words,
        story,
        context.settings,
        shown.flatMap((e, i) => {
          const v = versions[i];
          const first = { what: e.title, sourceIds: e.sourceIds, evidence: e.evidence };
          return v && v !== e.versions.entries[0] ? [first, { ...v, what: v.title }] : [first];
        }),
      ),
      ephemeral: false,
    };
  },
});
