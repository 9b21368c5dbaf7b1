/** How the data's values are said in every answer (src/reply/phrases.ts): amounts, attribution, staleness. */
export const en = {
  "phrases.qualifier.exactly": "{amount}",
  "phrases.qualifier.more-than": "more than {amount}",
  "phrases.qualifier.fewer-than": "fewer than {amount}",
  "phrases.qualifier.about": "about {amount}",
  "phrases.qualifier.at-least": "at least {amount}",
  "phrases.qualifier.up-to": "up to {amount}",
  "phrases.amount-unit": "{n} {unit}",
  "phrases.percent": "{n}%",
  "phrases.attribution": "according to {who}, as of {date}",
  "phrases.derived": "(derived: {how})",
  "phrases.corrected": "(corrected on {date})",
  "phrases.after-amount": ", {attribution}",
  "phrases.stale": "This data is {days, number, ::group-off} days old and may be out of date.",
} as const;
