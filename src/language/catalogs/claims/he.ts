import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "claims.title": "הצהרות: {story}",
  "claims.count": "{count, plural, one {הצהרה אחת} two {שתי הצהרות} other {# הצהרות}}, מהישנה לחדשה.",
  "claims.none": "אין הצהרות בנתונים.",
  "claims.said": " ({date}): {text}",
  "claims.joint": "{names} (הצהרה משותפת)",
};
