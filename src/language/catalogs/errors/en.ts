/** Every error a person is shown (src/reply/errors.ts): a title and a text per code. */
export const en = {
  "errors.none": "none",
  "errors.internal.title": "Something went wrong",
  "errors.internal.text": "The bot failed on our side. The error was logged; please try again later.",
  "errors.restarting.title": "The bot is restarting",
  "errors.restarting.text": "It is not taking new commands for a moment. Please try again in a few seconds.",
  "errors.unknown-command.title": "Unknown command",
  "errors.unknown-command.text": "There is no `{command}` command. Try {known}.",
  "errors.unreadable-command.title": "Cannot read that command",
  "errors.invalid-option.title": "Invalid option for {command}",
  "errors.unknown-value.story.title": "Unknown story",
  "errors.unknown-value.story.text": "There is no story `{value}`. Stories: {known}.",
  "errors.unknown-value.story.text-as-of": "There is no story `{value}` as of {asOf}. Stories: {known}.",
  "errors.unknown-value.tag.title": "Unknown tag",
  "errors.unknown-value.tag.text": "There is no tag `{value}`. Tags: {known}.",
  "errors.unknown-value.tag.text-as-of": "There is no tag `{value}` as of {asOf}. Tags: {known}.",
  "errors.unknown-value.phase.title": "Unknown phase",
  "errors.unknown-value.phase.text": "There is no phase `{value}`. Phases: {known}.",
  "errors.unknown-value.phase.text-as-of": "There is no phase `{value}` as of {asOf}. Phases: {known}.",
  "errors.unknown-value.figure.title": "Unknown figure",
  "errors.unknown-value.figure.text": "There is no figure `{value}`. Figures: {known}.",
  "errors.unknown-value.figure.text-as-of": "There is no figure `{value}` as of {asOf}. Figures: {known}.",
  "errors.unknown-value.party.title": "Unknown party",
  "errors.unknown-value.party.text": "There is no party `{value}`. Parties: {known}.",
  "errors.unknown-value.party.text-as-of": "There is no party `{value}` as of {asOf}. Parties: {known}.",
  "errors.unknown-value.deadline.title": "Unknown deadline",
  "errors.unknown-value.deadline.text": "There is no deadline `{value}`. Deadlines: {known}.",
  "errors.unknown-value.deadline.text-as-of":
    "There is no deadline `{value}` as of {asOf}. Deadlines: {known}.",
  "errors.no-data.phases.title": "No phases",
  "errors.no-data.phases.text": 'The story "{story}" has no phases yet.',
  "errors.no-data.phases.text-as-of": 'The story "{story}" has no phases as of {asOf}.',
  "errors.no-data.captive-figures.title": "No captive or prisoner figures",
  "errors.no-data.captive-figures.text": 'The story "{story}" has no captive or prisoner figures yet.',
  "errors.no-data.captive-figures.text-as-of":
    'The story "{story}" has no captive or prisoner figures as of {asOf}.',
  "errors.no-data.figures.title": "No figures",
  "errors.no-data.figures.text": 'The story "{story}" has no figures yet.',
  "errors.no-data.figures.text-as-of": 'The story "{story}" has no figures as of {asOf}.',
  "errors.no-data.figures-in-category.title": "No figures in category {category}",
  "errors.no-data.figures-in-category.text": 'The story "{story}" has no figures in category {category} yet.',
  "errors.no-data.figures-in-category.text-as-of":
    'The story "{story}" has no figures in category {category} as of {asOf}.',
  "errors.readers-channel.title": "This is a readers' channel",
  "errors.readers-channel.text":
    "This channel gets readers' alerts about {story}, so it cannot be that story's curators' channel: leads are for curators only. Choose another channel, or use /unsubscribe here first.",
  "errors.curators-channel.title": "This is a curators' channel",
  "errors.curators-channel.text":
    "This channel is the curators' channel of {story} and gets its digest of new leads, so it cannot also be a readers' channel for it. Subscribe another channel, or use /curators action:off here first.",
  "errors.no-scheduled-events.title": "No scheduled events here",
  "errors.no-scheduled-events.text":
    "kind:events keeps a server's scheduled events in step with the deadlines, and this workspace has no scheduled events. Use kind:reminders here instead.",
  "errors.events-permission.title": "The bot lacks Manage Events",
  "errors.events-permission.text":
    "To keep this server's scheduled events, the bot needs the Manage Events permission (or Create Events) in this server. Grant it to the bot's role in Server Settings → Roles, then run /subscribe kind:events again.",
  "errors.threads-in-thread.title": "Threads need a channel",
  "errors.threads-in-thread.text":
    "This is a thread, and a thread cannot hold threads of its own. Use /subscribe threads:on in the channel itself, or in a post of a forum to give each story a post of its own; here, /subscribe without threads posts every alert in this thread.",
  "errors.not-allowed.title": "Not allowed",
  "errors.not-allowed.text":
    "Only people who can manage this channel can use {command} here: channel managers, workspace admins and owners, and the bot's configured admins. Ask one of them.",
  "errors.needs-channel.title": "{command} works in a channel",
  "errors.needs-channel.text":
    "{command} is about the channel it is typed in: use it in a channel the bot is in, or in the console bot (ceasefire-bot start).",
  "errors.no-store.title": "Not available",
  "errors.no-store.text": "{command} needs the bot's store, which is not configured here.",
  "errors.calendar-unpublished.title": "The calendar is not published",
  "errors.calendar-unpublished.text":
    "The operator of this bot has not published its calendar feeds (the bot's public address is not configured), so there is no link to subscribe to yet. Ask them to set PUBLIC_URL.",
  "errors.stale-button.title": "This button no longer works",
  "errors.stale-button.text":
    "It belongs to an older version of the bot. Run the command again to get a fresh message.",
} as const;
