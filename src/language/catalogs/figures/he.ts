import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "figures.title": "נתונים: {story}",
  "figures.title-category": "נתונים ({category}): {story}",
};
