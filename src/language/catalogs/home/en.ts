/** The Home tab: the viewer's channels and what the view leaves out. */
export const en = {
  "home.lead": "What the bot's commands answer now. Type /help for every command.",
  "home.channels.title": "Your channels",
  "home.channels.all": "Every channel of this workspace that gets alerts (you may manage them all):",
  "home.channels.mine": "The channels you subscribed (workspace admins and owners see every channel here):",
  "home.channels.none-all": "No channel of this workspace gets alerts.",
  "home.channels.none-mine":
    "No channel you subscribed gets alerts. Type /subscribe in a channel to get deadline reminders and news updates there.",
  "home.channels.command": "/subscriptions (in each channel)",
  "home.gets": "{kind} about {story}, since {since}",
  "home.gets.leads": "{kind} about {story} {leads}, since {since}",
  "home.more-parts":
    "… {count, plural, one {# more part} other {# more parts}} not shown: {command} shows them all.",
  "home.more-sections": "… {count, plural, one {# more section} other {# more sections}} not shown.",
} as const;
