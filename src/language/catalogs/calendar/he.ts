import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "calendar.title": "לוח שנה: {story}",
  "calendar.summary":
    "הירשמו למועדים ולמועדי סיום השלבים של {story} באפליקציית לוח השנה שלכם: {count} ידועים כרגע, וההזנה עוקבת אחרי כל מועד חדש, הזזה וביטול.",
  "calendar.field.feed": "כתובת ההזנה",
  "calendar.field.webcal": "להרשמה בלחיצה אחת",
  "calendar.field.how": "איך",
  "calendar.how.google": "יומן Google: ‏Other calendars, ‏+, ‏From URL, ואז הדביקו את כתובת ההזנה.",
  "calendar.how.apple": "לוח השנה של Apple: ‏File, ‏New Calendar Subscription, או פתחו את כתובת ה־webcal.",
  "calendar.how.outlook": "Outlook: ‏Add calendar, ‏Subscribe from web, ואז הדביקו את כתובת ההזנה.",
  "calendar.add": "הוספה ללוח השנה",
};
