import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "calendar.title": "التقويم: {story}",
  "calendar.summary":
    "اشترك في المواعيد النهائية ومواعيد انتهاء المراحل في {story} من تطبيق التقويم لديك: المعروف منها الآن {count}، وتتابع الخلاصة كل موعد جديد وكل تغيير أو إلغاء.",
  "calendar.field.feed": "عنوان الخلاصة",
  "calendar.field.webcal": "للاشتراك بنقرة واحدة",
  "calendar.field.how": "الطريقة",
  "calendar.how.google": "تقويم Google: ‏Other calendars، ثم +، ثم From URL، ثم الصق عنوان الخلاصة.",
  "calendar.how.apple": "تقويم Apple: ‏File، ثم New Calendar Subscription، أو افتح عنوان webcal.",
  "calendar.how.outlook": "Outlook: ‏Add calendar، ثم Subscribe from web، ثم الصق عنوان الخلاصة.",
  "calendar.add": "أضف إلى التقويم",
};
