/** What a server's scheduled event of a deadline says. */
export const en = {
  "events.due.instant": "{phrase} at {when}.",
  "events.due.date": "{phrase} on {date}.",
  "events.moved": "Moved ({kind}), according to {by}.",
  "events.status": "Status: {status}.",
  "events.status.by": "Status: {status}, according to {by}.",
  "events.source": "Source: {source}",
  "events.state.scheduled": "scheduled",
  "events.state.met": "met",
  "events.state.missed": "missed",
  "events.state.extended": "extended",
  "events.state.postponed": "postponed",
  "events.state.disputed": "disputed",
  "events.state.cancelled": "cancelled",
  "events.kind.extended": "extended",
  "events.kind.postponed": "postponed",
  "events.kind.brought-forward": "brought-forward",
} as const;
