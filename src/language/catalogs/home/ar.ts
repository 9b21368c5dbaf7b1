import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "home.lead": "ما تجيب به أوامر البوت الآن. اكتب /help لعرض كل الأوامر.",
  "home.channels.title": "قنواتك",
  "home.channels.all": "كل قنوات مساحة العمل هذه التي تتلقى التنبيهات (يمكنك إدارتها جميعًا):",
  "home.channels.mine": "القنوات التي اشتركت فيها (يرى مديرو مساحة العمل ومالكوها كل القنوات هنا):",
  "home.channels.none-all": "لا تتلقى أي قناة في مساحة العمل هذه تنبيهات.",
  "home.channels.none-mine":
    "لا تتلقى أي قناة اشتركت فيها تنبيهات. اكتب /subscribe في قناة لتتلقى فيها التذكير بالمواعيد النهائية وتحديثات الأخبار.",
  "home.channels.command": "/subscriptions (في كل قناة)",
  "home.gets": "{kind} عن {story}، منذ {since}",
  "home.gets.leads": "{kind} عن {story} {leads}، منذ {since}",
  "home.more-parts":
    "… {count, plural, zero {لم يُخفَ أي جزء} one {لم يُعرض جزء آخر} two {لم يُعرض جزءان آخران} few {لم تُعرض # أجزاء أخرى} many {لم يُعرض # جزءًا آخر} other {لم يُعرض # جزء آخر}}: {command} يعرضها كلها.",
  "home.more-sections":
    "… {count, plural, zero {لم يُخفَ أي قسم} one {لم يُعرض قسم آخر} two {لم يُعرض قسمان آخران} few {لم تُعرض # أقسام أخرى} many {لم يُعرض # قسمًا آخر} other {لم يُعرض # قسم آخر}}.",
};
