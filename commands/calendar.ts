import { z } from "zod";
import { calendarEntryCount } from "../src/calendar/entries.js";
import { calendarPath } from "../src/calendar/route.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { errorIn } from "../src/reply/errors.js";
import { footerFor, richT } from "../src/reply/phrases.js";
import { isWebAddress, type Reply } from "../src/reply/reply.js";

/** The feed's address as a calendar app subscribes to it by a click: `webcal://…`. */
export function webcalAddress(url: string): string {
  return url.replace(/^https?:/i, "webcal:");
}

/**
 * /calendar [story:<id>]: the address of a story's calendar feed (its deadlines and phase ends, as
 * known at each fetch), its webcal: form, and an "Add to calendar" button. The address starts with
 * PUBLIC_URL and, for a reader whose language is not English, asks for the feed in that language
 * (`?language=ar`); without PUBLIC_URL the calendar is not published and the answer is a private
 * coded error.
 */
export const calendar = defineCommand({
  name: "calendar",
  description: "Subscribe to a story's deadlines and phase ends in your calendar app",
  options: z.object({ story: storyOption }),
  suggest: { story: suggestStory },
  handle(options, context): Reply {
    const { words } = context;
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const root = context.settings.publicUrl;
    if (!root) return errorIn(words, "calendar-unpublished");
    // A reader of Arabic (Hebrew, French) subscribes to the feed written in their language.
    const url = `${root}${calendarPath(story.id, words.language)}`;
    const count = calendarEntryCount(story);
    return {
      kind: "answer",
      title: words.t("calendar.title", { story: story.title }),
      summary: richT(words, "calendar.summary", { story: { strong: story.title }, count: String(count) }),
      fields: [
        { name: words.t("calendar.field.feed"), value: [url] },
        { name: words.t("calendar.field.webcal"), value: [webcalAddress(url)] },
        {
          name: words.t("calendar.field.how"),
          value: [
            `${words.t("calendar.how.google")}\n`,
            `${words.t("calendar.how.apple")}\n`,
            words.t("calendar.how.outlook"),
          ],
        },
      ],
      footer: footerFor(words, story, context.settings, []),
      ...(isWebAddress(url) ? { buttons: [{ label: words.t("calendar.add"), url }] } : {}),
      ephemeral: false,
    };
  },
});
