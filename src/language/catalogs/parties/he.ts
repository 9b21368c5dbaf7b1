import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "parties.title": "מי מעורב: {story}",
  "parties.role.signatory": "החותמים",
  "parties.role.belligerent": "הצדדים לסכסוך",
  "parties.role.mediator": "המתווכים",
  "parties.role.guarantor": "הערבים",
  "parties.role.monitor": "המשקיפים",
  "parties.role.host": "מארחי השיחות",
  "parties.role.other": "אחרים",
  "parties.people": "אנשים",
  "parties.parties": "צדדים",
  "parties.none": "עדיין אין צדדים בנתונים.",
};
