import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "home.lead": "מה שפקודות הבוט עונות עכשיו. הקלידו /help לכל הפקודות.",
  "home.channels.title": "הערוצים שלך",
  "home.channels.all": "כל הערוצים בסביבת העבודה הזו שמקבלים התראות (באפשרותך לנהל את כולם):",
  "home.channels.mine": "הערוצים שרשמת (מנהלי סביבת העבודה ובעליה רואים כאן את כל הערוצים):",
  "home.channels.none-all": "אף ערוץ בסביבת העבודה הזו אינו מקבל התראות.",
  "home.channels.none-mine":
    "אף ערוץ שרשמת אינו מקבל התראות. הקלידו /subscribe בערוץ כדי לקבל בו תזכורות על מועדים ועדכוני חדשות.",
  "home.channels.command": "/subscriptions (בכל ערוץ)",
  "home.gets": "{kind} על {story}, מאז {since}",
  "home.gets.leads": "{kind} על {story} {leads}, מאז {since}",
  "home.more-parts":
    "… {count, plural, one {עוד חלק אחד לא מוצג} two {עוד שני חלקים לא מוצגים} other {עוד # חלקים לא מוצגים}}: {command} מציג את כולם.",
  "home.more-sections":
    "… {count, plural, one {עוד מקטע אחד לא מוצג} two {עוד שני מקטעים לא מוצגים} other {עוד # מקטעים לא מוצגים}}.",
};
