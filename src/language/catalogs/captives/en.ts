/** /captives: the captives and prisoners figures (commands/captives.ts). */
export const en = {
  "captives.title": "Captives and prisoners: {story}",
  "captives.before": " (before: {amount} according to {who}, as of {date})",
} as const;
