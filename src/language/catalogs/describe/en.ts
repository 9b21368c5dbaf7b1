/**
 * What each command is for, as the platforms' pickers and /help say it: every command's description
 * (`describe.<command>`), every option's (`describe.<command>.<option>`, or `describe.option.<option>`
 * for one every command takes alike), and the names of an option's choices
 * (`describe.<command>.<option>.<choice>`; English shows the value itself, as it is typed). The English
 * is the commands' own description, word for word (test/command-engine/describe.test.ts checks).
 */
export const en = {
  "describe.option.story": "Which story to answer about (default: the dataset's default story)",
  "describe.option.private": "Only you see the reply",

  "describe.phase": "Which phase of the ceasefire is in force, its day count, schedule and terms",
  "describe.phase.phase": "A phase's id, like phase-two (default: the current phase)",

  "describe.captives": "How many captives remain, how many are believed alive, and the latest exchanges",

  "describe.timeline": "The ceasefire's events in order, filtered by date range and tag, a page at a time",
  "describe.timeline.from": "First date to show, like 2025-01-01",
  "describe.timeline.to": "Last date to show, like 2025-03-01",
  "describe.timeline.tag": "Only events with this tag, like phase-one",
  "describe.timeline.page": "Page number (default 1)",

  "describe.deadlines": "Upcoming and past deadlines of the agreement, with their status",
  "describe.deadlines.show": "Which deadlines (default: upcoming, then past)",
  "describe.deadlines.show.upcoming": "upcoming",
  "describe.deadlines.show.past": "past",
  "describe.deadlines.show.all": "all",
  "describe.deadlines.status": "Only deadlines with this status",
  "describe.deadlines.status.scheduled": "scheduled",
  "describe.deadlines.status.met": "met",
  "describe.deadlines.status.missed": "missed",
  "describe.deadlines.status.extended": "extended",
  "describe.deadlines.status.postponed": "postponed",
  "describe.deadlines.status.disputed": "disputed",
  "describe.deadlines.status.cancelled": "cancelled",
  "describe.deadlines.deadline": "One deadline's id, to see its history: its due dates and statuses",

  "describe.calendar": "Subscribe to a story's deadlines and phase ends in your calendar app",

  "describe.figures": "The key figures (captives, prisoners, casualties, displacement) with who states them",
  "describe.figures.category": "Only figures of this category",
  "describe.figures.category.captives": "captives",
  "describe.figures.category.prisoners": "prisoners",
  "describe.figures.category.casualties": "casualties",
  "describe.figures.category.displacement": "displacement",
  "describe.figures.category.other": "other",
  "describe.figures.figure": "One figure's id, to see its whole history",

  "describe.parties": "The parties, mediators and people involved, as the sources describe them",

  "describe.claims": "What each side and the mediators have said, attributed and dated",
  "describe.claims.party": "Only statements by this party, like israel or hamas",

  "describe.sources": "Where the bot's information comes from, and the quotes behind an answer",
  "describe.sources.of": "Another question, like captives: the quote behind each thing its answer states",
  "describe.sources.with": "That question's options, as a query string (page=2&from=2025-01-01)",

  "describe.subscribe": "Post deadline reminders and/or news updates in this channel",
  "describe.subscribe.kind": "What the channel gets (default: all); events: the server's scheduled events",
  "describe.subscribe.kind.reminders": "reminders",
  "describe.subscribe.kind.updates": "updates",
  "describe.subscribe.kind.all": "all",
  "describe.subscribe.kind.events": "events",
  "describe.subscribe.lead": "When to remind before each deadline, like 1d,2h (default: each deadline's own)",
  "describe.subscribe.story": "Which story: a story's id, or all (default: the default story)",
  "describe.subscribe.threads":
    "Each deadline's alerts in a thread: on, also-channel (also shown here), off (default)",
  "describe.subscribe.threads.off": "off",
  "describe.subscribe.threads.on": "on",
  "describe.subscribe.threads.also-channel": "also-channel",
  "describe.subscribe.language": "The language of this channel's alerts (default: the channel's or server's)",
  "describe.subscribe.language.en": "English",
  "describe.subscribe.language.ar": "العربية",
  "describe.subscribe.language.he": "עברית",
  "describe.subscribe.language.fr": "Français",

  "describe.unsubscribe": "Stop posting reminders and updates in this channel",
  "describe.unsubscribe.story": "Stop only this story's alerts (default: every story)",

  "describe.subscriptions": "What this channel gets, its next alerts and its last deliveries",

  "describe.curators": "Make this a story's curators' channel: a digest of its new leads, never for readers",
  "describe.curators.action":
    "set: make this the story's curators' channel; off: stop; show: say (default: show)",
  "describe.curators.action.set": "set",
  "describe.curators.action.off": "off",
  "describe.curators.action.show": "show",
  "describe.curators.story": "Which story (default: the default story)",

  "describe.language": "The language the bot answers you in: choose one, or see which and why",
  "describe.language.language": "Your language (reset: back to your app's or server's language)",
  "describe.language.language.en": "English",
  "describe.language.language.ar": "العربية",
  "describe.language.language.he": "עברית",
  "describe.language.language.fr": "Français",
  "describe.language.language.reset": "reset",

  "describe.help": "What the bot can tell you and how to ask",
} as const;
