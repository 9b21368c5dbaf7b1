/** /sources: where the data comes from, and the quotes behind an answer ("Why?"; commands/sources.ts). */
export const en = {
  "sources.why": "Why?",
  "sources.title": "Sources: {story}",
  "sources.summary":
    "Every figure the bot states comes from these sources, with who says so. Data as of {date}. Ask /sources of:captives (or any question) for the quote behind each thing it states.",
  "sources.publisher": " — {publisher}",
  "sources.published": ", published {date}",
  "sources.why-title": "Why? {title}",
  "sources.why-summary":
    "The words of the sources behind {command}, each from the report that first said it.",
  "sources.why-none": "{command} states nothing sourced.",
  "sources.of-not-question": "Option `of` must be a question: {known} (got {of}).",
} as const;
