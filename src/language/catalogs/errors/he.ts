import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "errors.none": "אין",
  "errors.internal.title": "משהו השתבש",
  "errors.internal.text": "הבוט נכשל אצלנו. השגיאה נרשמה; נסו שוב מאוחר יותר.",
  "errors.restarting.title": "הבוט מופעל מחדש",
  "errors.restarting.text": "הבוט אינו מקבל פקודות חדשות לרגע. נסו שוב בעוד כמה שניות.",
  "errors.unknown-command.title": "פקודה לא מוכרת",
  "errors.unknown-command.text": "אין פקודה בשם `{command}`. נסו {known}.",
  "errors.unreadable-command.title": "לא ניתן לקרוא את הפקודה",
  "errors.invalid-option.title": "אפשרות לא תקינה בפקודה {command}",
  "errors.unknown-value.story.title": "סיפור לא מוכר",
  "errors.unknown-value.story.text": "אין סיפור בשם `{value}`. הסיפורים: {known}.",
  "errors.unknown-value.story.text-as-of": "אין סיפור בשם `{value}` נכון ל־{asOf}. הסיפורים: {known}.",
  "errors.unknown-value.tag.title": "תגית לא מוכרת",
  "errors.unknown-value.tag.text": "אין תגית בשם `{value}`. התגיות: {known}.",
  "errors.unknown-value.tag.text-as-of": "אין תגית בשם `{value}` נכון ל־{asOf}. התגיות: {known}.",
  "errors.unknown-value.phase.title": "שלב לא מוכר",
  "errors.unknown-value.phase.text": "אין שלב בשם `{value}`. השלבים: {known}.",
  "errors.unknown-value.phase.text-as-of": "אין שלב בשם `{value}` נכון ל־{asOf}. השלבים: {known}.",
  "errors.unknown-value.figure.title": "נתון לא מוכר",
  "errors.unknown-value.figure.text": "אין נתון בשם `{value}`. הנתונים: {known}.",
  "errors.unknown-value.figure.text-as-of": "אין נתון בשם `{value}` נכון ל־{asOf}. הנתונים: {known}.",
  "errors.unknown-value.party.title": "צד לא מוכר",
  "errors.unknown-value.party.text": "אין צד בשם `{value}`. הצדדים: {known}.",
  "errors.unknown-value.party.text-as-of": "אין צד בשם `{value}` נכון ל־{asOf}. הצדדים: {known}.",
  "errors.unknown-value.deadline.title": "מועד לא מוכר",
  "errors.unknown-value.deadline.text": "אין מועד בשם `{value}`. המועדים: {known}.",
  "errors.unknown-value.deadline.text-as-of": "אין מועד בשם `{value}` נכון ל־{asOf}. המועדים: {known}.",
  "errors.no-data.phases.title": "אין שלבים",
  "errors.no-data.phases.text": 'בסיפור "{story}" אין עדיין שלבים.',
  "errors.no-data.phases.text-as-of": 'בסיפור "{story}" אין שלבים נכון ל־{asOf}.',
  "errors.no-data.captive-figures.title": "אין נתונים על החטופים או על האסירים",
  "errors.no-data.captive-figures.text": 'בסיפור "{story}" אין עדיין נתונים על החטופים או על האסירים.',
  "errors.no-data.captive-figures.text-as-of":
    'בסיפור "{story}" אין נתונים על החטופים או על האסירים נכון ל־{asOf}.',
  "errors.no-data.figures.title": "אין נתונים",
  "errors.no-data.figures.text": 'בסיפור "{story}" אין עדיין נתונים.',
  "errors.no-data.figures.text-as-of": 'בסיפור "{story}" אין נתונים נכון ל־{asOf}.',
  "errors.no-data.figures-in-category.title": "אין נתונים בקטגוריה {category}",
  "errors.no-data.figures-in-category.text": 'בסיפור "{story}" אין עדיין נתונים בקטגוריה {category}.',
  "errors.no-data.figures-in-category.text-as-of":
    'בסיפור "{story}" אין נתונים בקטגוריה {category} נכון ל־{asOf}.',
  "errors.readers-channel.title": "זהו ערוץ של קוראים",
  "errors.readers-channel.text":
    "ערוץ זה מקבל התראות לקוראים על {story}, ולכן אינו יכול לשמש ערוץ העורכים של הסיפור: הלידים מיועדים לעורכים בלבד. בחרו ערוץ אחר, או השתמשו קודם ב־/unsubscribe כאן.",
  "errors.curators-channel.title": "זהו ערוץ של עורכים",
  "errors.curators-channel.text":
    "ערוץ זה הוא ערוץ העורכים של {story} ומקבל את תקציר הלידים החדשים, ולכן אינו יכול לשמש גם ערוץ קוראים של הסיפור. רשמו ערוץ אחר, או השתמשו קודם ב־/curators action:off כאן.",
  "errors.no-scheduled-events.title": "אין כאן אירועים מתוזמנים",
  "errors.no-scheduled-events.text":
    "kind:events מתאים את האירועים המתוזמנים של השרת למועדים, ובסביבת עבודה זו אין אירועים מתוזמנים. השתמשו כאן ב־kind:reminders במקום זאת.",
  "errors.events-permission.title": "לבוט אין הרשאת Manage Events",
  "errors.events-permission.text":
    "כדי לנהל את האירועים המתוזמנים של השרת, הבוט זקוק להרשאת Manage Events (או Create Events) בשרת זה. הקצו אותה לתפקיד של הבוט ב־Server Settings → Roles, ואז הריצו שוב /subscribe kind:events.",
  "errors.threads-in-thread.title": "שרשורים דורשים ערוץ",
  "errors.threads-in-thread.text":
    "זהו שרשור, ושרשור אינו יכול להכיל שרשורים משלו. השתמשו ב־/subscribe threads:on בערוץ עצמו, או בפוסט של פורום כדי שלכל סיפור יהיה פוסט משלו; כאן, /subscribe בלי threads מפרסם כל התראה בשרשור הזה.",
  "errors.not-allowed.title": "אין הרשאה",
  "errors.not-allowed.text":
    "רק מי שמורשים לנהל את הערוץ הזה יכולים להשתמש כאן ב־{command}: מנהלי הערוץ, מנהלי סביבת העבודה ובעליה, ומנהלי הבוט שהוגדרו. פנו לאחד מהם.",
  "errors.needs-channel.title": "הפקודה {command} פועלת בערוץ",
  "errors.needs-channel.text":
    "הפקודה {command} עוסקת בערוץ שבו היא מוקלדת: השתמשו בה בערוץ שהבוט נמצא בו, או בבוט המסוף (ceasefire-bot start).",
  "errors.no-store.title": "לא זמין",
  "errors.no-store.text": "הפקודה {command} זקוקה למאגר הנתונים של הבוט, שאינו מוגדר כאן.",
  "errors.calendar-unpublished.title": "לוח השנה אינו מפורסם",
  "errors.calendar-unpublished.text":
    "מפעיל הבוט לא פרסם את הזנות לוח השנה שלו (הכתובת הציבורית של הבוט אינה מוגדרת), ולכן עדיין אין קישור להרשמה. בקשו ממנו להגדיר PUBLIC_URL.",
  "errors.stale-button.title": "הכפתור הזה כבר לא פועל",
  "errors.stale-button.text":
    "הכפתור שייך לגרסה ישנה יותר של הבוט. הריצו את הפקודה שוב כדי לקבל הודעה עדכנית.",
};
