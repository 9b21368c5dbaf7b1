import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "translations.title": "תרגומים",
  "translations.page-title": "תרגומים: {story}",
  "translations.intro":
    "הטקסטים של הסיפור בערבית, בעברית ובצרפתית, לצד האנגלית. היכן שחסר תרגום, הקוראים מקבלים את האנגלית עם סימון בשפתם. ציטוטים נשארים במילים שבהן נאמרו ואינם מופיעים כאן.",
  "translations.languages": "שפות",
  "translations.language-count":
    "{language}: {count, plural, =0 {לא חסר דבר} one {חסר טקסט אחד} two {חסרים שני טקסטים} other {חסרים # טקסטים}}",
  "translations.missing-heading": "חסר ב{language}",
  "translations.none-missing": "לכל טקסט יש תרגום.",
  "translations.translated-heading":
    "{count, plural, =0 {עדיין לא תורגם אף טקסט} one {טקסט אחד מתורגם} two {שני טקסטים מתורגמים} other {# טקסטים מתורגמים}}",
  "translations.column.text": "טקסט",
  "translations.column.english": "אנגלית",
  "translations.column.translation": "תרגום",
  "translations.translate": "לתרגום",
  "translations.change": "לשינוי",
  "translations.edit-title": "תרגום ל{language}",
  "translations.field-label": "{field} ב{language}",
  "translations.save": "שמירה",
  "translations.back": "חזרה לתרגומים",
  "translations.required": "כתבו את התרגום, או חזרו כדי להשאיר את האנגלית.",
  "translations.conflict": "הקובץ השתנה מאז שנפתח הטופס. האנגלית מוצגת כפי שהיא עכשיו: בדקו אותה ושמרו שוב.",
  "translations.not-found": "אין סיפור, שפה או טקסט כאלה.",
  "translations.refused": "הסיפור אינו עובר את הבדיקה עם התרגום הזה:",
  "translations.saved-what": "תרגום {path} ל{language}",
};
