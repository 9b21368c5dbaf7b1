import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "options.has-no-option": "לפקודה {command} אין אפשרות `{option}`. האפשרויות שלה: {known}.",
  "options.takes-none": "הפקודה {command} אינה מקבלת אפשרויות (התקבל `{option}`).",
  "options.must-be.choices": 'האפשרות `{option}` חייבת להיות אחת מאלה: {choices} (התקבל "{given}").',
  "options.must-be.date": 'האפשרות `{option}` חייבת להיות תאריך כמו 2025-01-19 (התקבל "{given}").',
  "options.must-be.range": 'האפשרות `{option}` חייבת להיות מספר שלם בין {min} ל־{max} (התקבל "{given}").',
  "options.must-be.at-least": 'האפשרות `{option}` חייבת להיות מספר שלם של {min} לפחות (התקבל "{given}").',
  "options.must-be.integer": 'האפשרות `{option}` חייבת להיות מספר שלם (התקבל "{given}").',
  "options.must-be.number": 'האפשרות `{option}` חייבת להיות מספר (התקבל "{given}").',
  "options.must-be.boolean": 'האפשרות `{option}` חייבת להיות true או false (התקבל "{given}").',
  "options.must-be.text": 'האפשרות `{option}` חייבת להיות טקסט (התקבל "{given}").',
  "options.required.choices": "האפשרות `{option}` נדרשת: אחת מאלה: {choices}.",
  "options.required.date": "האפשרות `{option}` נדרשת: תאריך כמו 2025-01-19.",
  "options.required.range": "האפשרות `{option}` נדרשת: מספר שלם בין {min} ל־{max}.",
  "options.required.at-least": "האפשרות `{option}` נדרשת: מספר שלם של {min} לפחות.",
  "options.required.integer": "האפשרות `{option}` נדרשת: מספר שלם.",
  "options.required.number": "האפשרות `{option}` נדרשת: מספר.",
  "options.required.boolean": "האפשרות `{option}` נדרשת: true או false.",
  "options.required.text": "האפשרות `{option}` נדרשת: טקסט.",
  "options.unsafe.control-in-option":
    "האפשרות `{option}` מכילה תו בקרה ({code}), שהבוט אינו מקבל: הקלידו אותה שוב בלעדיו.",
  "options.unsafe.surrogate-in-option":
    "האפשרות `{option}` מכילה תו תחליפי בודד ({code}), שהבוט אינו מקבל: הקלידו אותה שוב בלעדיו.",
  "options.unsafe.control-in-command":
    "הפקודה מכילה תו בקרה ({code}), שהבוט אינו מקבל: הקלידו אותה שוב בלעדיו.",
  "options.unsafe.surrogate-in-command":
    "הפקודה מכילה תו תחליפי בודד ({code}), שהבוט אינו מקבל: הקלידו אותה שוב בלעדיו.",
  "options.stale-key": "האפשרות `{option}` מייצגת ערך שכבר אינו קיים בנתונים. הריצו את הפקודה שוב.",
  "options.unclosed-quote": "מירכאות נפתחו ולא נסגרו.",
  "options.not-name-value": 'אפשרויות נכתבות בצורה name:value, למשל from:2025-01-01 (התקבל "{token}").',
  "options.given-twice": "האפשרות `{option}` ניתנה פעמיים.",
  "options.no-command": "הקלידו פקודה, למשל /captives או /timeline from:2025-01-01.",
};
