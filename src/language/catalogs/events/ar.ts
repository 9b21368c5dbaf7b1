import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "events.due.instant": "{phrase} في {when}.",
  "events.due.date": "{phrase} يوم {date}.",
  "events.moved": "تغيّر الموعد ({kind})، بحسب {by}.",
  "events.status": "الحالة: {status}.",
  "events.status.by": "الحالة: {status}، بحسب {by}.",
  "events.source": "المصدر: {source}",
  "events.state.scheduled": "في موعده",
  "events.state.met": "تحقق",
  "events.state.missed": "فات دون تنفيذ",
  "events.state.extended": "مُدِّد",
  "events.state.postponed": "أُرجئ",
  "events.state.disputed": "موضع خلاف",
  "events.state.cancelled": "أُلغي",
  "events.kind.extended": "تمديد",
  "events.kind.postponed": "إرجاء",
  "events.kind.brought-forward": "تقديم",
};
