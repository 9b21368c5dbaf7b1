import { z } from "zod";
import { calendarEntries } from "../src/calendar/entries.js";
import { calendarPath } from "../src/calendar/route.js";
import { defineCommand } from "../src/command-engine/definition.js";
import { storyOption } from "../src/command-engine/options.js";
import { pickStory, suggestStory } from "../src/command-engine/story.js";
import { errorReply } from "../src/reply/errors.js";
import { footerFor } from "../src/reply/phrases.js";
import { isWebAddress, type Reply } from "../src/reply/reply.js";

/** The feed's address as a calendar app subscribes to it by a click: `webcal://…`. */
export function webcalAddress(url: string): string {
  return url.replace(/^https?:/i, "webcal:");
}

/**
 * /calendar [story:<id>]: the address of a story's calendar feed (its deadlines and phase ends, as
 * known at each fetch), its webcal: form, and an "Add to calendar" button. The address starts with
 * PUBLIC_URL; without it the calendar is not published and the answer is a private coded error.
 */
export const calendar = defineCommand({
  name: "calendar",
  description: "Subscribe to a story's deadlines and phase ends in your calendar app",
  options: z.object({ story: storyOption }),
  suggest: { story: suggestStory },
  handle(options, context): Reply {
    const story = pickStory(context, options.story);
    if ("error" in story) return story.error;
    const root = context.settings.publicUrl;
    if (!root) return errorReply("calendar-unpublished");
    const url = `${root}${calendarPath(story.id)}`;
    const count = calendarEntries(story).length;
    return {
      kind: "answer",
      title: `Calendar: ${story.title}`,
      summary: [
        "Subscribe to the deadlines and phase ends of ",
        { strong: story.title },
        ` in your calendar app: ${count} known now, and the feed follows every new date, move and cancellation.`,
      ],
      fields: [
        { name: "Feed address", value: [url] },
        { name: "To subscribe with one click", value: [webcalAddress(url)] },
        {
          name: "How",
          value: [
            "Google Calendar: Other calendars, +, From URL, then paste the feed address.\n",
            "Apple Calendar: File, New Calendar Subscription, or open the webcal address.\n",
            "Outlook: Add calendar, Subscribe from web, then paste the feed address.",
          ],
        },
      ],
      footer: footerFor(story, context.settings, []),
      ...(isWebAddress(url) ? { buttons: [{ label: "Add to calendar", url }] } : {}),
      ephemeral: false,
    };
  },
});
