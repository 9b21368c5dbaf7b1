import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "common.language.en": "الإنجليزية",
  "common.language.ar": "العربية",
  "common.language.he": "العبرية",
  "common.language.fr": "الفرنسية",
  "common.and-more":
    "{count, plural, zero {ولا شيء آخر} one {وواحد آخر} two {واثنان آخران} few {و{count, number} أخرى} many {و{count, number} أخرى} other {و{count, number} أخرى}}",
  "common.fallback-mark": "(بالإنجليزية)",
  "common.now": "الآن",
};
