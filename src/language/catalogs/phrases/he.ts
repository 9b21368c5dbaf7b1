import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "phrases.qualifier.exactly": "{amount}",
  "phrases.qualifier.more-than": "יותר מ־{amount}",
  "phrases.qualifier.fewer-than": "פחות מ־{amount}",
  "phrases.qualifier.about": "כ־{amount}",
  "phrases.qualifier.at-least": "לפחות {amount}",
  "phrases.qualifier.up-to": "עד {amount}",
  "phrases.amount-unit": "{n} {unit}",
  "phrases.percent": "{n}%",
  "phrases.attribution": "לפי {who}, נכון ל־{date}",
  "phrases.derived": "(מחושב: {how})",
  "phrases.corrected": "(תוקן ב־{date})",
  "phrases.after-amount": ", {attribution}",
  "phrases.stale":
    "{days, plural, one {הנתונים האלה בני יום ועשויים שלא להיות עדכניים.} two {הנתונים האלה בני יומיים ועשויים שלא להיות עדכניים.} other {הנתונים האלה בני {days, number} ימים ועשויים שלא להיות עדכניים.}}",
};
