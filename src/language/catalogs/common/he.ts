import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "common.language.en": "אנגלית",
  "common.language.ar": "ערבית",
  "common.language.he": "עברית",
  "common.language.fr": "צרפתית",
  "common.and-more": "{count, plural, one {ועוד אחד} other {ועוד {count, number}}}",
  "common.fallback-mark": "(באנגלית)",
  "common.now": "עכשיו",
};
