import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "subscriptions.kind.reminders": "תזכורות על מועדים",
  "subscriptions.kind.updates": "עדכוני חדשות (אירועים חדשים בציר הזמן ונתונים חדשים)",
  "subscriptions.kind.all": "תזכורות על מועדים ועדכוני חדשות",
  "subscriptions.kind.leads": "תקציר ידיעות חדשות (ערוץ של העורכים)",
  "subscriptions.kind.events": "האירועים המתוזמנים של השרת הזה (אחד לכל מועד קרוב, שמוזז או מבוטל יחד איתו)",
  "subscriptions.leads.own": "(תזכורת {leads} לפני כל מועד)",
  "subscriptions.leads.deadlines": "(לפי זמני התזכורת של כל מועד)",
  "subscriptions.every-story": "כל הסיפורים",
  "subscriptions.lead.too-far":
    "זמן התזכורת {lead} ארוך מ־{days, plural, one {יום אחד} two {יומיים} other {# ימים}}.",
  "subscriptions.lead.unreadable":
    "„{lead}” אינו זמן תזכורת: יש לכתוב מספר ואחריו d, h או m, למשל 1d,2h,30m.",
  "subscriptions.lead.none": "יש לציין לפחות זמן תזכורת אחד, למשל lead:1d,2h.",
  "subscriptions.lead.too-many":
    "לכל היותר {max, plural, one {זמן תזכורת אחד} two {שני זמני תזכורת} other {# זמני תזכורת}} לכל ערוץ.",
  "subscriptions.title.subscribed": "ההרשמה בוצעה",
  "subscriptions.title.changed": "ההרשמה שונתה",
  "subscriptions.now-gets": "מעכשיו הערוץ הזה יקבל {kind} בנושא {story}.",
  "subscriptions.now-gets.leads": "מעכשיו הערוץ הזה יקבל {kind} בנושא {story} {leads}.",
  "subscriptions.now-gets.threads": "מעכשיו הערוץ הזה יקבל {kind} בנושא {story}; {threads}.",
  "subscriptions.now-gets.leads-threads": "מעכשיו הערוץ הזה יקבל {kind} בנושא {story} {leads}; {threads}.",
  "subscriptions.next": "התזכורות הבאות",
  "subscriptions.next.story": "התזכורות הבאות: {story}",
  "subscriptions.next.none":
    "אין תזכורות {days, plural, one {ביום הקרוב} two {ביומיים הקרובים} other {ב־# הימים הקרובים}}.",
  "subscriptions.title.unsubscribed": "ההרשמה בוטלה",
  "subscriptions.stopped": "הערוץ הזה לא יקבל עוד תזכורות או עדכונים.",
  "subscriptions.stopped.story": "הערוץ הזה לא יקבל עוד תזכורות או עדכונים בנושא {story}.",
  "subscriptions.stopped.events": "האירועים המתוזמנים של המועדים שלו הוסרו מהשרת.",
  "subscriptions.title.not-subscribed": "אין הרשמה",
  "subscriptions.was-not": "הערוץ הזה לא היה רשום.",
  "subscriptions.title.list": "ההתראות בערוץ הזה",
  "subscriptions.gets": "הערוץ הזה מקבל {kind} בנושא {story}, מאז {since}.",
  "subscriptions.gets.leads": "הערוץ הזה מקבל {kind} בנושא {story} {leads}, מאז {since}.",
  "subscriptions.not":
    "הערוץ הזה אינו רשום. אפשר להשתמש ב־/subscribe כדי לקבל כאן תזכורות על מועדים ועדכוני חדשות.",
  "subscriptions.not.stopped":
    "הערוץ הזה אינו רשום (ההרשמה הופסקה: {reason}). אפשר להשתמש ב־/subscribe כדי להירשם מחדש.",
  "subscriptions.last-deliveries": "המשלוחים האחרונים",
  "subscriptions.outcome.claimed": "בשליחה",
  "subscriptions.outcome.sent": "נשלח",
  "subscriptions.outcome.sent_late": "נשלח באיחור",
  "subscriptions.outcome.skipped": "דולג",
  "subscriptions.outcome.failed": "נכשל",
  "subscriptions.threads.on": "ההתראות של כל מועד, והחדשות של כל חודש, בשרשור משלהן",
  "subscriptions.threads.also-channel":
    "ההתראות של כל מועד, והחדשות של כל חודש, בשרשור משלהן, ומוצגות גם בערוץ",
  "subscriptions.threads.forum": "פוסט אחד לכל סיפור בפורום הזה",
  "subscriptions.threads.line.off": "שרשורים: off (כל ההתראות בערוץ).",
  "subscriptions.threads.line": "שרשורים: {mode} ({text}).",
  "subscriptions.events.paused":
    "האירועים המתוזמנים מושהים: {reason}, מאז {since}; הבוט ינסה שוב ב־{retry} (או מיד אחרי /subscribe kind:events).",
  "subscriptions.curators.title": "ערוץ העורכים",
  "subscriptions.curators.title.set": "ערוץ העורכים נקבע",
  "subscriptions.curators.title.off": "ערוץ העורכים בוטל",
  "subscriptions.curators.title.not": "לא ערוץ עורכים",
  "subscriptions.curators.is":
    "הערוץ הזה הוא ערוץ העורכים של {story}: הוא מקבל תקציר קצר של הידיעות החדשות על הסיפור שנמצאו מאז {since}, לכל היותר פעם אחת בכל מחזור תקציר. הידיעות לעולם אינן מגיעות לערוצי הקוראים.",
  "subscriptions.curators.not":
    "הערוץ הזה אינו ערוץ העורכים של {story}. מי שמנהל את הערוץ יכול להפוך אותו לכזה באמצעות /curators action:set.",
  "subscriptions.curators.off": "הערוץ הזה לא יקבל עוד תקצירים של ידיעות חדשות על {story}.",
  "subscriptions.language": "ההתראות שלו נכתבות ב{language}.",
  "subscriptions.reason.unsubscribed": "הרישום בוטל על ידי {user}",
  "subscriptions.reason.gone": "הערוץ אינו זמין עוד: {detail}",
  "subscriptions.reason.missed": "הוחמץ ב־{late} שעות, יותר מזמן החסד של {grace} שעות (הבוט לא פעל)",
  "subscriptions.reason.unconfirmed": "לא אושר והוחמץ ב־{late} שעות, יותר מזמן החסד של {grace} שעות",
};
