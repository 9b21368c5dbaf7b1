import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

/** Codes and examples typed as they are (ids, dates, option syntax) are isolated: they run left to right. */
export const ar: Translation<typeof en> = {
  "describe.option.story": "القصة المطلوب الإجابة عنها (افتراضيًا: القصة الافتراضية لمجموعة البيانات)",
  "describe.option.private": "الرد يظهر لك وحدك",

  "describe.phase": "أي مراحل وقف إطلاق النار سارية، وعدد أيامها وجدولها الزمني وبنودها",
  "describe.phase.phase": "معرّف المرحلة، مثل \u2068phase-two\u2069 (افتراضيًا: المرحلة الحالية)",

  "describe.captives": "عدد المحتجزين المتبقين، ومن يُعتقد أنهم أحياء، وآخر عمليات التبادل",

  "describe.timeline": "أحداث وقف إطلاق النار بالترتيب، مصفّاة حسب الفترة والوسم، صفحةً صفحة",
  "describe.timeline.from": "أول تاريخ يُعرض، مثل \u20682025-01-01\u2069",
  "describe.timeline.to": "آخر تاريخ يُعرض، مثل \u20682025-03-01\u2069",
  "describe.timeline.tag": "الأحداث التي تحمل هذا الوسم فقط، مثل \u2068phase-one\u2069",
  "describe.timeline.page": "رقم الصفحة (افتراضيًا 1)",

  "describe.deadlines": "المواعيد النهائية المقبلة والسابقة في الاتفاق، مع حالة كل منها",
  "describe.deadlines.show": "أي المواعيد النهائية (افتراضيًا: المقبلة، ثم السابقة)",
  "describe.deadlines.show.upcoming": "المقبلة",
  "describe.deadlines.show.past": "السابقة",
  "describe.deadlines.show.all": "الكل",
  "describe.deadlines.status": "المواعيد النهائية التي لها هذه الحالة فقط",
  "describe.deadlines.status.scheduled": "مقررة",
  "describe.deadlines.status.met": "مُنجزة",
  "describe.deadlines.status.missed": "فائتة",
  "describe.deadlines.status.extended": "ممددة",
  "describe.deadlines.status.postponed": "مؤجلة",
  "describe.deadlines.status.disputed": "متنازع عليها",
  "describe.deadlines.status.cancelled": "ملغاة",
  "describe.deadlines.deadline": "معرّف موعد نهائي لعرض سجله: تواريخ استحقاقه وحالاته",

  "describe.calendar": "اشترك في المواعيد النهائية للقصة ونهايات مراحلها في تطبيق التقويم لديك",

  "describe.figures": "الأرقام الرئيسية (المحتجزون، الأسرى الفلسطينيون، الضحايا، النزوح) ومن يصرّح بها",
  "describe.figures.category": "أرقام هذه الفئة فقط",
  "describe.figures.category.captives": "المحتجزون",
  "describe.figures.category.prisoners": "الأسرى الفلسطينيون",
  "describe.figures.category.casualties": "الضحايا",
  "describe.figures.category.displacement": "النزوح",
  "describe.figures.category.other": "أخرى",
  "describe.figures.figure": "معرّف رقم ما لعرض سجله كاملًا",

  "describe.parties": "الأطراف والوسطاء والأشخاص المعنيون، كما تصفهم المصادر",

  "describe.claims": "ما قاله كل طرف والوسطاء، منسوبًا إلى قائله ومؤرخًا",
  "describe.claims.party": "تصريحات هذا الطرف فقط، مثل \u2068israel\u2069 أو \u2068hamas\u2069",

  "describe.sources": "من أين تأتي معلومات البوت، والاقتباسات التي تستند إليها الإجابة",
  "describe.sources.of": "سؤال آخر، مثل \u2068captives\u2069: الاقتباس الذي يستند إليه كل ما تذكره إجابته",
  "describe.sources.with": "خيارات ذلك السؤال، بصيغة سلسلة استعلام (\u2068page=2&from=2025-01-01\u2069)",

  "describe.subscribe": "نشر تذكيرات بالمواعيد النهائية و/أو آخر المستجدات في هذه القناة",
  "describe.subscribe.kind":
    "ما تتلقاه القناة (افتراضيًا: الكل)؛ \u2068events\u2069: الفعاليات المجدولة للخادم",
  "describe.subscribe.kind.reminders": "التذكيرات",
  "describe.subscribe.kind.updates": "المستجدات",
  "describe.subscribe.kind.all": "الكل",
  "describe.subscribe.kind.events": "الفعاليات",
  "describe.subscribe.lead":
    "متى يصل التذكير قبل كل موعد نهائي، مثل \u20681d,2h\u2069 (افتراضيًا: توقيت كل موعد الخاص به)",
  "describe.subscribe.story": "أي قصة: معرّف قصة، أو \u2068all\u2069 (افتراضيًا: القصة الافتراضية)",
  "describe.subscribe.threads":
    "تنبيهات كل موعد في سلسلة: \u2068on\u2069، \u2068also-channel\u2069 (وهنا أيضًا)، \u2068off\u2069 (افتراضيًا)",
  "describe.subscribe.threads.off": "معطّل",
  "describe.subscribe.threads.on": "مفعّل",
  "describe.subscribe.threads.also-channel": "في القناة أيضًا",
  "describe.subscribe.language": "لغة تنبيهات هذه القناة (افتراضيًا: لغة القناة أو الخادم)",
  "describe.subscribe.language.en": "الإنجليزية — \u2068English\u2069",
  "describe.subscribe.language.ar": "العربية",
  "describe.subscribe.language.he": "العبرية — עברית",
  "describe.subscribe.language.fr": "الفرنسية — \u2068Français\u2069",

  "describe.unsubscribe": "إيقاف نشر التذكيرات والمستجدات في هذه القناة",
  "describe.unsubscribe.story": "إيقاف تنبيهات هذه القصة فقط (افتراضيًا: كل القصص)",

  "describe.subscriptions": "ما تتلقاه هذه القناة، وتنبيهاتها التالية، وآخر ما أُرسل إليها",

  "describe.curators": "اجعل هذه القناة قناة محرري القصة: ملخص لخيوطها الجديدة، لا للقراء",
  "describe.curators.action":
    "\u2068set\u2069: اجعلها قناة محرري القصة؛ \u2068off\u2069: إيقاف؛ \u2068show\u2069: عرض الحال (افتراضيًا: \u2068show\u2069)",
  "describe.curators.action.set": "تعيين",
  "describe.curators.action.off": "إيقاف",
  "describe.curators.action.show": "عرض",
  "describe.curators.story": "أي قصة (افتراضيًا: القصة الافتراضية)",

  "describe.language": "اللغة التي يجيبك بها البوت: اختر لغة، أو اعرف أي لغة تُستخدم ولماذا",
  "describe.language.language": "لغتك (\u2068reset\u2069: العودة إلى لغة تطبيقك أو الخادم)",
  "describe.language.language.en": "الإنجليزية — \u2068English\u2069",
  "describe.language.language.ar": "العربية",
  "describe.language.language.he": "العبرية — עברית",
  "describe.language.language.fr": "الفرنسية — \u2068Français\u2069",
  "describe.language.language.reset": "إعادة الضبط",

  "describe.help": "ما يمكن أن يخبرك به البوت وكيف تسأله",
};
