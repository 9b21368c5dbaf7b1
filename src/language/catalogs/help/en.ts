/** /help's own words; each command's description comes from the `describe` area. */
export const en = {
  "help.title": "ceasefire-bot: help",
  "help.summary":
    "Answers about {story} from a curated, sourced dataset. Options are written name:value, like /timeline from:2025-01-01 tag:phase-one. Add private:true to see a reply only yourself.",
  "help.summary-stories":
    "Answers about {story} (and other stories: {others}) from a curated, sourced dataset. Options are written name:value, like /timeline from:2025-01-01 tag:phase-one. Add private:true to see a reply only yourself.",
} as const;
