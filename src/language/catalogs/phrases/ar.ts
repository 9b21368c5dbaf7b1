import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "phrases.qualifier.exactly": "{amount}",
  "phrases.qualifier.more-than": "أكثر من {amount}",
  "phrases.qualifier.fewer-than": "أقل من {amount}",
  "phrases.qualifier.about": "نحو {amount}",
  "phrases.qualifier.at-least": "{amount} على الأقل",
  "phrases.qualifier.up-to": "ما يصل إلى {amount}",
  "phrases.amount-unit": "{n} {unit}",
  "phrases.percent": "{n}٪",
  "phrases.attribution": "بحسب {who}، حتى {date}",
  "phrases.derived": "(محسوب: {how})",
  "phrases.corrected": "(صُحّح في {date})",
  "phrases.after-amount": "، {attribution}",
  "phrases.stale":
    "{days, plural, zero {هذه البيانات من اليوم وقد لا تكون محدّثة.} one {عمر هذه البيانات يوم واحد وقد لا تكون محدّثة.} two {عمر هذه البيانات يومان وقد لا تكون محدّثة.} few {عمر هذه البيانات {days, number} أيام وقد لا تكون محدّثة.} many {عمر هذه البيانات {days, number} يومًا وقد لا تكون محدّثة.} other {عمر هذه البيانات {days, number} يوم وقد لا تكون محدّثة.}}",
};
