import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "common.language.en": "anglais",
  "common.language.ar": "arabe",
  "common.language.he": "hébreu",
  "common.language.fr": "français",
  "common.and-more": "et {count, plural, one {# autre} other {{count, number} autres}}",
  "common.fallback-mark": "(en anglais)",
  "common.now": "maintenant",
};
