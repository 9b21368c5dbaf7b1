/** /calendar: a story's calendar feed (commands/calendar.ts). */
export const en = {
  "calendar.title": "Calendar: {story}",
  "calendar.summary":
    "Subscribe to the deadlines and phase ends of {story} in your calendar app: {count} known now, and the feed follows every new date, move and cancellation.",
  "calendar.field.feed": "Feed address",
  "calendar.field.webcal": "To subscribe with one click",
  "calendar.field.how": "How",
  "calendar.how.google": "Google Calendar: Other calendars, +, From URL, then paste the feed address.",
  "calendar.how.apple": "Apple Calendar: File, New Calendar Subscription, or open the webcal address.",
  "calendar.how.outlook": "Outlook: Add calendar, Subscribe from web, then paste the feed address.",
  "calendar.add": "Add to calendar",
} as const;
