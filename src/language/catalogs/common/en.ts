/** Words every part of the bot shares: the languages' names, "and N more", the fallback mark. */
export const en = {
  "common.language.en": "English",
  "common.language.ar": "Arabic",
  "common.language.he": "Hebrew",
  "common.language.fr": "French",
  "common.and-more": "and {count, number} more",
  "common.fallback-mark": "(in English)",
  "common.now": "now",
} as const;
