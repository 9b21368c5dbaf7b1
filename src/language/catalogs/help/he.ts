import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "help.title": "\u2068ceasefire-bot\u2069: עזרה",
  "help.summary":
    "תשובות על {story} ממאגר נתונים ערוך ומבוסס מקורות. אפשרויות נכתבות בצורה \u2068name:value\u2069, למשל \u2068/timeline from:2025-01-01 tag:phase-one\u2069. הוסיפו \u2068private:true\u2069 כדי שהתשובה תוצג רק לכם.",
  "help.summary-stories":
    "תשובות על {story} (ועל סיפורים נוספים: {others}) ממאגר נתונים ערוך ומבוסס מקורות. אפשרויות נכתבות בצורה \u2068name:value\u2069, למשל \u2068/timeline from:2025-01-01 tag:phase-one\u2069. הוסיפו \u2068private:true\u2069 כדי שהתשובה תוצג רק לכם.",
};
