import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "sources.why": "لماذا؟",
  "sources.title": "المصادر: {story}",
  "sources.summary":
    "كل رقم يذكره البوت مأخوذ من هذه المصادر، مع الجهة التي تقوله. البيانات حتى {date}. اطلب /sources of:captives (أو أي سؤال آخر) لترى الاقتباس الذي يستند إليه كل ما يذكره.",
  "sources.publisher": " — {publisher}",
  "sources.published": "، نُشر في {date}",
  "sources.why-title": "لماذا؟ {title}",
  "sources.why-summary":
    "كلمات المصادر التي تستند إليها إجابة {command}، كلٌّ منها من التقرير الذي أورده أولًا.",
  "sources.why-none": "لا تتضمن إجابة {command} شيئًا منسوبًا إلى مصدر.",
  "sources.of-not-question": "يجب أن تكون قيمة الخيار `of` سؤالًا: {known} (القيمة المُدخلة: {of}).",
};
