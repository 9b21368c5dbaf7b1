/**
 * The channel commands (/subscribe, /unsubscribe, /subscriptions, /curators): what a channel gets, its
 * lead times and thread setting, its next reminders and last deliveries. The Home tab says what a
 * channel gets with the same words (the kinds, the lead times, "every story").
 */
export const en = {
  "subscriptions.kind.reminders": "deadline reminders",
  "subscriptions.kind.updates": "news updates (new timeline events and figures)",
  "subscriptions.kind.all": "deadline reminders and news updates",
  "subscriptions.kind.leads": "a digest of new leads (a curators' channel)",
  "subscriptions.kind.events":
    "this server's scheduled events (one per upcoming deadline, moved or cancelled with it)",
  "subscriptions.leads.own": "(reminding {leads} before each deadline)",
  "subscriptions.leads.deadlines": "(at each deadline's own lead times)",
  "subscriptions.every-story": "every story",
  "subscriptions.lead.too-far": "Lead time {lead} is more than {days, plural, one {# day} other {# days}}.",
  "subscriptions.lead.unreadable": '"{lead}" is not a lead time: use a number and d, h or m, like 1d,2h,30m.',
  "subscriptions.lead.none": "Give at least one lead time, like lead:1d,2h.",
  "subscriptions.lead.too-many": "At most {max, plural, one {# lead time} other {# lead times}} per channel.",
  "subscriptions.title.subscribed": "Subscribed",
  "subscriptions.title.changed": "Subscription changed",
  "subscriptions.now-gets": "This channel now gets {kind} about {story}.",
  "subscriptions.now-gets.leads": "This channel now gets {kind} about {story} {leads}.",
  "subscriptions.now-gets.threads": "This channel now gets {kind} about {story}; {threads}.",
  "subscriptions.now-gets.leads-threads": "This channel now gets {kind} about {story} {leads}; {threads}.",
  "subscriptions.next": "Next reminders",
  "subscriptions.next.story": "Next reminders: {story}",
  "subscriptions.next.none": "None in the next {days, plural, one {# day} other {# days}}.",
  "subscriptions.title.unsubscribed": "Unsubscribed",
  "subscriptions.stopped": "This channel gets no more reminders or updates.",
  "subscriptions.stopped.story": "This channel gets no more reminders or updates about {story}.",
  "subscriptions.stopped.events": "The server's scheduled events of its deadlines are removed.",
  "subscriptions.title.not-subscribed": "Not subscribed",
  "subscriptions.was-not": "This channel was not subscribed.",
  "subscriptions.title.list": "Alerts in this channel",
  "subscriptions.gets": "This channel gets {kind} about {story}, since {since}.",
  "subscriptions.gets.leads": "This channel gets {kind} about {story} {leads}, since {since}.",
  "subscriptions.not":
    "This channel is not subscribed. Use /subscribe to get deadline reminders and news updates here.",
  "subscriptions.not.stopped":
    "This channel is not subscribed (stopped: {reason}). Use /subscribe to start again.",
  "subscriptions.last-deliveries": "Last deliveries",
  "subscriptions.outcome.claimed": "sending",
  "subscriptions.outcome.sent": "sent",
  "subscriptions.outcome.sent_late": "sent late",
  "subscriptions.outcome.skipped": "skipped",
  "subscriptions.outcome.failed": "failed",
  "subscriptions.threads.on": "each deadline's alerts, and each month's news, in a thread of their own",
  "subscriptions.threads.also-channel":
    "each deadline's alerts, and each month's news, in a thread of their own, also shown in the channel",
  "subscriptions.threads.forum": "one post per story in this forum",
  "subscriptions.threads.line.off": "Threads: off (every alert in the channel).",
  "subscriptions.threads.line": "Threads: {mode} ({text}).",
  "subscriptions.events.paused":
    "Scheduled events paused: {reason}, since {since}; the bot tries again at {retry} (or at once after /subscribe kind:events).",
  "subscriptions.curators.title": "Curators' channel",
  "subscriptions.curators.title.set": "Curators' channel set",
  "subscriptions.curators.title.off": "Curators' channel off",
  "subscriptions.curators.title.not": "Not a curators' channel",
  "subscriptions.curators.is":
    "This channel is the curators' channel of {story}: it gets a short digest of the story's new leads found since {since}, at most once per digest interval. Leads never go to readers' channels.",
  "subscriptions.curators.not":
    "This channel is not the curators' channel of {story}. A channel manager can make it one with /curators action:set.",
  "subscriptions.curators.off": "This channel gets no more digests of new leads about {story}.",
  "subscriptions.language": "Its alerts are written in {language}.",
  "subscriptions.reason.unsubscribed": "unsubscribed by {user}",
  "subscriptions.reason.gone": "gone: {detail}",
  "subscriptions.reason.missed":
    "missed by {late} h, more than the {grace} h grace period (the bot was not running)",
  "subscriptions.reason.unconfirmed":
    "unconfirmed and missed by {late} h, more than the {grace} h grace period",
} as const;
