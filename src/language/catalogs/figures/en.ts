/** /figures: the key figures with who states them (commands/figures.ts). */
export const en = {
  "figures.title": "Figures: {story}",
  "figures.title-category": "Figures ({category}): {story}",
} as const;
