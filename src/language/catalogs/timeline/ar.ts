import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "timeline.title": "التسلسل الزمني: {story}",
  "timeline.from-after-to": "التاريخ في `from` ({from}) يقع بعد التاريخ في `to` ({to}).",
  "timeline.page-too-far":
    "يجب ألا تتجاوز قيمة الخيار `page` الرقم {pages} مع هذه المرشّحات (القيمة المُدخلة: {page}).",
  "timeline.according": " (بحسب {who})",
  "timeline.derived": " [محسوب: {how}]",
  "timeline.filter.from": "من {date}",
  "timeline.filter.to": "إلى {date}",
  "timeline.filter.tag": "بالوسم {tag}",
  "timeline.comma": "، ",
  "timeline.none": "لا أحداث.",
  "timeline.none-filtered": "لا أحداث {filters}.",
  "timeline.count":
    "{total, plural, zero {لا أحداث} one {حدث واحد} two {حدثان} few {# أحداث} many {# حدثًا} other {# حدث}} · الصفحة {page} من {pages}",
  "timeline.count-filtered":
    "{total, plural, zero {لا أحداث} one {حدث واحد} two {حدثان} few {# أحداث} many {# حدثًا} other {# حدث}} {filters} · الصفحة {page} من {pages}",
  "timeline.previous": "السابق ▶",
  "timeline.next": "◀ التالي",
};
