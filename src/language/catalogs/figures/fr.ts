import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "figures.title": "Chiffres : {story}",
  "figures.title-category": "Chiffres ({category}) : {story}",
};
