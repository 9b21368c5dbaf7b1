import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "translations.title": "الترجمات",
  "translations.page-title": "الترجمات: {story}",
  "translations.intro":
    "نصوص القصة بالعربية والعبرية والفرنسية إلى جانب النص الإنجليزي. وحيث تغيب الترجمة يقرأ القراء النص الإنجليزي مع إشارة إلى ذلك بلغتهم. أما الاقتباسات فتبقى بالكلمات التي قيلت بها ولا تُدرج هنا.",
  "translations.languages": "اللغات",
  "translations.language-count":
    "{language}: {count, plural, zero {لا نصوص ناقصة} one {نص واحد ناقص} two {نصان ناقصان} few {# نصوص ناقصة} many {# نصًا ناقصًا} other {# نص ناقص}}",
  "translations.missing-heading": "النصوص الناقصة باللغة {language}",
  "translations.none-missing": "لكل نص ترجمته.",
  "translations.translated-heading":
    "{count, plural, zero {لم يُترجم أي نص بعد} one {نص واحد مترجم} two {نصان مترجمان} few {# نصوص مترجمة} many {# نصًا مترجمًا} other {# نص مترجم}}",
  "translations.column.text": "النص",
  "translations.column.english": "الإنجليزية",
  "translations.column.translation": "الترجمة",
  "translations.translate": "ترجمة",
  "translations.change": "تعديل",
  "translations.edit-title": "الترجمة إلى {language}",
  "translations.field-label": "{field} باللغة {language}",
  "translations.save": "حفظ",
  "translations.back": "العودة إلى الترجمات",
  "translations.required": "اكتب الترجمة، أو عُد للإبقاء على النص الإنجليزي.",
  "translations.conflict":
    "تغيّر الملف منذ فتح هذا النموذج. يظهر النص الإنجليزي كما هو الآن: راجعه ثم احفظ مجددًا.",
  "translations.not-found": "لا توجد قصة أو لغة أو نص بهذا الاسم.",
  "translations.refused": "لا تجتاز القصة التحقق مع هذه الترجمة:",
  "translations.saved-what": "ترجمة {path} إلى {language}",
};
