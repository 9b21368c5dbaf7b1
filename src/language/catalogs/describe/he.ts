import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

/** Codes and examples typed as they are (ids, dates, option syntax) are isolated: they run left to right. */
export const he: Translation<typeof en> = {
  "describe.option.story": "על איזה סיפור לענות (ברירת מחדל: סיפור ברירת המחדל של מאגר הנתונים)",
  "describe.option.private": "התשובה גלויה רק לך",

  "describe.phase": "איזה שלב של הפסקת האש בתוקף, מספר הימים בו, לוח הזמנים והתנאים",
  "describe.phase.phase": "מזהה שלב, למשל \u2068phase-two\u2069 (ברירת מחדל: השלב הנוכחי)",

  "describe.captives": "כמה חטופים נותרו, כמה מהם ככל הנראה בחיים, וחילופי החטופים והאסירים האחרונים",

  "describe.timeline": "אירועי הפסקת האש לפי הסדר, מסוננים לפי טווח תאריכים ותגית, עמוד אחר עמוד",
  "describe.timeline.from": "התאריך הראשון להצגה, למשל \u20682025-01-01\u2069",
  "describe.timeline.to": "התאריך האחרון להצגה, למשל \u20682025-03-01\u2069",
  "describe.timeline.tag": "רק אירועים עם התגית הזו, למשל \u2068phase-one\u2069",
  "describe.timeline.page": "מספר עמוד (ברירת מחדל 1)",

  "describe.deadlines": "המועדים הקרובים והקודמים בהסכם, ומצבו של כל אחד",
  "describe.deadlines.show": "אילו מועדים (ברירת מחדל: הקרובים, ואחריהם הקודמים)",
  "describe.deadlines.show.upcoming": "קרובים",
  "describe.deadlines.show.past": "קודמים",
  "describe.deadlines.show.all": "הכול",
  "describe.deadlines.status": "רק מועדים במצב הזה",
  "describe.deadlines.status.scheduled": "מתוכנן",
  "describe.deadlines.status.met": "קוים",
  "describe.deadlines.status.missed": "הוחמץ",
  "describe.deadlines.status.extended": "הוארך",
  "describe.deadlines.status.postponed": "נדחה",
  "describe.deadlines.status.disputed": "שנוי במחלוקת",
  "describe.deadlines.status.cancelled": "בוטל",
  "describe.deadlines.deadline": "מזהה של מועד, כדי לראות את ההיסטוריה שלו: תאריכי היעד והמצבים",

  "describe.calendar": "הרשמה למועדי הסיפור ולסיומי השלבים ביישומון היומן שלך",

  "describe.figures": "הנתונים המרכזיים (חטופים, אסירים, נפגעים, עקירה) ומי מוסר אותם",
  "describe.figures.category": "רק נתונים מהקטגוריה הזו",
  "describe.figures.category.captives": "חטופים",
  "describe.figures.category.prisoners": "אסירים פלסטינים",
  "describe.figures.category.casualties": "נפגעים",
  "describe.figures.category.displacement": "עקירה",
  "describe.figures.category.other": "אחר",
  "describe.figures.figure": "מזהה של נתון, כדי לראות את כל ההיסטוריה שלו",

  "describe.parties": "הצדדים, המתווכים והאנשים המעורבים, כפי שהמקורות מתארים אותם",

  "describe.claims": "מה אמר כל צד ומה אמרו המתווכים, בציון הדובר והתאריך",
  "describe.claims.party": "רק הצהרות של הצד הזה, למשל \u2068israel\u2069 או \u2068hamas\u2069",

  "describe.sources": "מאין מגיע המידע של הבוט, והציטוטים שעליהם נשענת תשובה",
  "describe.sources.of": "שאלה אחרת, למשל \u2068captives\u2069: הציטוט שמאחורי כל דבר שתשובתה קובעת",
  "describe.sources.with": "האפשרויות של אותה שאלה, כמחרוזת שאילתה (\u2068page=2&from=2025-01-01\u2069)",

  "describe.subscribe": "פרסום תזכורות למועדים ו/או עדכוני חדשות בערוץ הזה",
  "describe.subscribe.kind":
    "מה הערוץ מקבל (ברירת מחדל: הכול); \u2068events\u2069: האירועים המתוזמנים של השרת",
  "describe.subscribe.kind.reminders": "תזכורות",
  "describe.subscribe.kind.updates": "עדכונים",
  "describe.subscribe.kind.all": "הכול",
  "describe.subscribe.kind.events": "אירועים",
  "describe.subscribe.lead":
    "מתי להזכיר לפני כל מועד, למשל \u20681d,2h\u2069 (ברירת מחדל: התזמון של כל מועד)",
  "describe.subscribe.story": "איזה סיפור: מזהה של סיפור, או \u2068all\u2069 (ברירת מחדל: סיפור ברירת המחדל)",
  "describe.subscribe.threads":
    "התראות כל מועד בשרשור: \u2068on\u2069, \u2068also-channel\u2069 (גם כאן), \u2068off\u2069 (ברירת מחדל)",
  "describe.subscribe.threads.off": "כבוי",
  "describe.subscribe.threads.on": "פעיל",
  "describe.subscribe.threads.also-channel": "גם בערוץ",
  "describe.subscribe.language": "שפת ההתראות בערוץ הזה (ברירת מחדל: שפת הערוץ או השרת)",
  "describe.subscribe.language.en": "אנגלית — \u2068English\u2069",
  "describe.subscribe.language.ar": "ערבית — العربية",
  "describe.subscribe.language.he": "עברית",
  "describe.subscribe.language.fr": "צרפתית — \u2068Français\u2069",

  "describe.unsubscribe": "הפסקת פרסום התזכורות והעדכונים בערוץ הזה",
  "describe.unsubscribe.story": "הפסקת ההתראות של הסיפור הזה בלבד (ברירת מחדל: כל הסיפורים)",

  "describe.subscriptions": "מה הערוץ הזה מקבל, ההתראות הבאות שלו והמשלוחים האחרונים",

  "describe.curators": "הגדרת הערוץ כערוץ העורכים של סיפור: תקציר של הלידים החדשים, לא לקוראים",
  "describe.curators.action":
    "\u2068set\u2069: ערוץ העורכים של הסיפור; \u2068off\u2069: הפסקה; \u2068show\u2069: הצגת המצב (ברירת מחדל: \u2068show\u2069)",
  "describe.curators.action.set": "הגדרה",
  "describe.curators.action.off": "הפסקה",
  "describe.curators.action.show": "הצגה",
  "describe.curators.story": "איזה סיפור (ברירת מחדל: סיפור ברירת המחדל)",

  "describe.language": "השפה שבה הבוט עונה לך: בחירת שפה, או הצגת השפה הנוכחית והסיבה לה",
  "describe.language.language": "השפה שלך (\u2068reset\u2069: חזרה לשפת היישומון או השרת)",
  "describe.language.language.en": "אנגלית — \u2068English\u2069",
  "describe.language.language.ar": "ערבית — العربية",
  "describe.language.language.he": "עברית",
  "describe.language.language.fr": "צרפתית — \u2068Français\u2069",
  "describe.language.language.reset": "איפוס",

  "describe.help": "מה הבוט יכול לספר לך ואיך לשאול",
};
