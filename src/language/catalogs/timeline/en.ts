/** /timeline: the story's events in order, a page at a time (commands/timeline.ts). */
export const en = {
  "timeline.title": "Timeline: {story}",
  "timeline.from-after-to": "`from` ({from}) is after `to` ({to}).",
  "timeline.page-too-far": "Option `page` must be at most {pages} for these filters (got {page}).",
  "timeline.according": " (according to {who})",
  "timeline.derived": " [derived: {how}]",
  "timeline.filter.from": "from {date}",
  "timeline.filter.to": "to {date}",
  "timeline.filter.tag": "tagged {tag}",
  "timeline.comma": ", ",
  "timeline.none": "No events.",
  "timeline.none-filtered": "No events {filters}.",
  "timeline.count":
    "{total, plural, one {{total, number, ::group-off} event} other {{total, number, ::group-off} events}} · page {page} of {pages}",
  "timeline.count-filtered":
    "{total, plural, one {{total, number, ::group-off} event} other {{total, number, ::group-off} events}} {filters} · page {page} of {pages}",
  "timeline.previous": "◀ Previous",
  "timeline.next": "Next ▶",
} as const;
