/**
 * /language: which language the bot answers a person in, and why; their choice remembered or reset
 * (docs/decisions/0031-who-gets-which-language.md). `{language}` is the language's own name.
 */
export const en = {
  "language.title": "Your language",
  "language.now.choice": "I answer you in {language}, as you chose.",
  "language.now.locale": "I answer you in {language}, the language of your app.",
  "language.now.server": "I answer you in {language}, the language of this server.",
  "language.now.default":
    "I answer you in {language}: neither your app's language nor this server's is one I write in.",
  "language.chosen": "Done: from now on I answer you in {language}.",
  "language.reset": "Your choice is forgotten.",
  "language.how":
    "To choose: /language language:ar (or en, he, fr). To go back to your app's language: /language language:reset.",
  "language.channels": "A channel's reminders have a language of their own: /subscribe language:ar.",
} as const;
