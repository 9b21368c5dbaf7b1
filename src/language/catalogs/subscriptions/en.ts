/** What /subscribe and /subscriptions say of a subscription's language, in the reader's words. */
export const en = {
  "subscriptions.language": "Its alerts are written in {language}.",
} as const;
