import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "data.collection.story": "القصة",
  "data.collection.parties": "الأطراف",
  "data.collection.people": "الأشخاص",
  "data.collection.phases": "المراحل",
  "data.collection.figures": "الأرقام",
  "data.collection.events": "الأحداث",
  "data.collection.deadlines": "المواعيد النهائية",
  "data.field.title": "العنوان",
  "data.field.summary": "الملخص",
  "data.field.text": "النص",
  "data.field.name": "الاسم",
  "data.field.description": "الوصف",
  "data.field.role": "الصفة",
  "data.field.note": "ملاحظة",
  "data.field.attribution": "المصدر القائل",
  "data.field.statusNote": "ملاحظة على الوضع",
  "data.field.label": "التسمية",
  "data.field.unit": "الوحدة",
  "data.field.unitOne": "الوحدة بصيغة المفرد",
  "data.field.derived": "طريقة الاستنتاج",
  "data.field.whenNote": "ملاحظة على التاريخ",
  "data.field.phrase": "جملة التذكير",
};
