import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "help.title": "\u2068ceasefire-bot\u2069: المساعدة",
  "help.summary":
    "إجابات عن {story} من مجموعة بيانات منتقاة وموثّقة المصادر. تُكتب الخيارات بصيغة \u2068name:value\u2069، مثل \u2068/timeline from:2025-01-01 tag:phase-one\u2069. أضف \u2068private:true\u2069 ليظهر الرد لك وحدك.",
  "help.summary-stories":
    "إجابات عن {story} (وعن قصص أخرى: {others}) من مجموعة بيانات منتقاة وموثّقة المصادر. تُكتب الخيارات بصيغة \u2068name:value\u2069، مثل \u2068/timeline from:2025-01-01 tag:phase-one\u2069. أضف \u2068private:true\u2069 ليظهر الرد لك وحدك.",
};
