import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "alerts.title.reminder": "تذكير",
  "alerts.title.reminder-late": "تذكير (متأخر)",
  "alerts.title.update": "تحديث",
  "alerts.title.update-late": "تحديث (متأخر)",
  "alerts.title.moved": "تغيّر الموعد النهائي",
  "alerts.title.moved-late": "تغيّر الموعد النهائي (متأخر)",
  "alerts.title.corrected": "تصحيح",
  "alerts.title.corrected-late": "تصحيح (متأخر)",
  "alerts.late-note": "({late})",
  "alerts.late.minutes":
    "أُرسل بتأخير {count, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}",
  "alerts.late.hours":
    "أُرسل بتأخير {count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}}",
  "alerts.in.hours":
    "خلال {count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}}",
  "alerts.in.minutes":
    "خلال {count, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}",
  "alerts.when.day": "{relative}، {date}",
  "alerts.when.within": "{duration}، {date}",
  "alerts.when.day-at": "{relative} في الساعة {time}، {date}",
  "alerts.when.within-at": "{duration}، في الساعة {time}، {date}",
  "alerts.when.date-at": "{date} في الساعة {time}",
  "alerts.reminder": "{phrase} {when}.",
  "alerts.reminder.moved": "{phrase} {when} (بعد أن كان مقررًا في {was}، بحسب {by}).",
  "alerts.disputed": "موضع خلاف: {note}",
  "alerts.disputed.see": "انظر /deadlines",
  "alerts.event": "جديد في التسلسل الزمني: {title} ({when}).",
  "alerts.event.by": "جديد في التسلسل الزمني: {title} ({when}). بحسب {by}.",
  "alerts.figure": "{label}: {amount}، {attribution}.",
  "alerts.moved": "تغيّر موعد {title}: كان مقررًا في {was}، وأصبح مقررًا في {now}، بحسب {by}.",
  "alerts.corrected": "{label}: {now} وليس {was}، {attribution}.",
};
