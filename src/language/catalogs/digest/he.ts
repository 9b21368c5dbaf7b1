import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "digest.title":
    "{count, plural, one {ידיעה חדשה אחת על {story}} two {שתי ידיעות חדשות על {story}} other {# ידיעות חדשות על {story}}}",
  "digest.line": "{outlet}: {title}",
  "digest.unknown-outlet": "כלי תקשורת לא ידוע",
  "digest.more": "… {count, plural, one {ועוד ידיעה אחת} two {ועוד שתיים} other {ועוד #}} בדסק.",
  "digest.open": "פתיחה בדסק",
  "digest.unchecked": "נמצאו בערוצי החדשות של הסיפור. הידיעות לא נבדקו: יש לקרוא את הכתבה לפני שמשתמשים בה.",
  "digest.no-desk": "כתובת הדסק לא הוגדרה (DESK_PUBLIC_URL), ולכן אין אליו קישור.",
};
