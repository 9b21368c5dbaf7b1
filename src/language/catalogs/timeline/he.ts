import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "timeline.title": "ציר זמן: {story}",
  "timeline.from-after-to": "התאריך ב־`from` ({from}) מאוחר מהתאריך ב־`to` ({to}).",
  "timeline.page-too-far": "האפשרות `page` יכולה להיות לכל היותר {pages} עם המסננים האלה (התקבל {page}).",
  "timeline.according": " (לפי {who})",
  "timeline.derived": " [מחושב: {how}]",
  "timeline.filter.from": "מ־{date}",
  "timeline.filter.to": "עד {date}",
  "timeline.filter.tag": "עם התגית {tag}",
  "timeline.comma": ", ",
  "timeline.none": "אין אירועים.",
  "timeline.none-filtered": "אין אירועים {filters}.",
  "timeline.count":
    "{total, plural, one {אירוע אחד} two {שני אירועים} other {# אירועים}} · עמוד {page} מתוך {pages}",
  "timeline.count-filtered":
    "{total, plural, one {אירוע אחד} two {שני אירועים} other {# אירועים}} {filters} · עמוד {page} מתוך {pages}",
  "timeline.previous": "הקודם ▶",
  "timeline.next": "◀ הבא",
};
