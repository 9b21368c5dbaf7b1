import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "render.sources.label": "المصادر:",
  "render.sources.count-label": "{count, plural, one {المصدر:} two {المصدران:} other {المصادر:}}",
  "render.sources.separator": "؛ ",
  "render.source.detail": "({date})",
  "render.source.detail-publisher": "({publisher}، {date})",
  "render.data-as-of": "البيانات محدّثة حتى {date}.",
  "render.continued": "(تابع)",
  "render.more-not-shown":
    "{count, plural, zero {لا شيء آخر محجوب.} one {عنصر آخر لم يُعرض.} two {عنصران آخران لم يُعرضا.} few {{count, number} عناصر أخرى لم تُعرض.} many {{count, number} عنصرًا آخر لم يُعرض.} other {{count, number} عنصر آخر لم يُعرض.}}",
  "render.more-parts-not-shown":
    "… {count, plural, zero {لا أجزاء أخرى محجوبة} one {جزء آخر لم يُعرض} two {جزآن آخران لم يُعرضا} few {{count, number} أجزاء أخرى لم تُعرض} many {{count, number} جزءًا آخر لم يُعرض} other {{count, number} جزء آخر لم يُعرض}}.",
  "render.picture.shared": "🖼 {alt}",
  "render.picture.private": "🖼 صورة (تُنشر مع الإجابات العلنية في القناة فقط): {alt}",
  "render.picture.saved": "الصورة: {path} ({width}×{height}): {alt}",
  "render.picture.not-drawn": "تعذّر رسم الصورة ({error}): {alt}",
  "render.picture.not-saved": "تعذّر حفظ الصورة ({error}): {alt}",
  "render.picture.line": "الصورة: {where} ({width}×{height}، {size}): {alt}",
  "render.picture.size": "{bytes} بايت",
  "render.picture.size-not-drawn": "تعذّر رسمها: {error}",
  "render.only-you": "(هذا الرد مرئي لك وحدك)",
  "render.console.greeting":
    "وحدة تحكم \u2068ceasefire-bot\u2069: {story}. اكتب \u2068/help\u2069، أو \u2068/exit\u2069 للخروج.",
};
