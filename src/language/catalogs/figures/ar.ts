import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "figures.title": "الأرقام: {story}",
  "figures.title-category": "الأرقام ({category}): {story}",
};
