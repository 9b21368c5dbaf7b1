import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "digest.title":
    "{count, plural, zero {لا أخبار جديدة عن {story}} one {خبر جديد واحد عن {story}} two {خبران جديدان عن {story}} few {# أخبار جديدة عن {story}} many {# خبرًا جديدًا عن {story}} other {# خبر جديد عن {story}}}",
  "digest.line": "{outlet}: {title}",
  "digest.unknown-outlet": "وسيلة إعلام غير معروفة",
  "digest.more":
    "… {count, plural, zero {ولا شيء آخر} one {وخبر آخر} two {وخبران آخران} few {و# أخبار أخرى} many {و# خبرًا آخر} other {و# خبر آخر}} في لوحة التحرير.",
  "digest.open": "افتح في لوحة التحرير",
  "digest.unchecked":
    "عثرت عليها خلاصات الأخبار الخاصة بالقصة. هذه الأخبار لم يُتحقق منها بعد: اقرأ المقال قبل الاعتماد على أي منها.",
  "digest.no-desk": "عنوان لوحة التحرير غير مضبوط (DESK_PUBLIC_URL)، لذا لا يوجد رابط إليها.",
};
