import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "errors.none": "لا شيء",
  "errors.internal.title": "حدث خطأ ما",
  "errors.internal.text": "تعطّل البوت من جهتنا. سُجّل الخطأ؛ يُرجى المحاولة مرة أخرى لاحقًا.",
  "errors.restarting.title": "يُعاد تشغيل البوت",
  "errors.restarting.text": "لا يستقبل البوت أوامر جديدة لبرهة. يُرجى المحاولة مجددًا بعد بضع ثوانٍ.",
  "errors.unknown-command.title": "أمر غير معروف",
  "errors.unknown-command.text": "لا يوجد أمر باسم `{command}`. جرّب {known}.",
  "errors.unreadable-command.title": "تعذّرت قراءة هذا الأمر",
  "errors.invalid-option.title": "خيار غير صالح في الأمر {command}",
  "errors.unknown-value.story.title": "قصة غير معروفة",
  "errors.unknown-value.story.text": "لا توجد قصة باسم `{value}`. القصص المتاحة: {known}.",
  "errors.unknown-value.story.text-as-of": "لا توجد قصة باسم `{value}` حتى {asOf}. القصص المتاحة: {known}.",
  "errors.unknown-value.tag.title": "وسم غير معروف",
  "errors.unknown-value.tag.text": "لا يوجد وسم باسم `{value}`. الوسوم المتاحة: {known}.",
  "errors.unknown-value.tag.text-as-of": "لا يوجد وسم باسم `{value}` حتى {asOf}. الوسوم المتاحة: {known}.",
  "errors.unknown-value.phase.title": "مرحلة غير معروفة",
  "errors.unknown-value.phase.text": "لا توجد مرحلة باسم `{value}`. المراحل المتاحة: {known}.",
  "errors.unknown-value.phase.text-as-of":
    "لا توجد مرحلة باسم `{value}` حتى {asOf}. المراحل المتاحة: {known}.",
  "errors.unknown-value.figure.title": "رقم غير معروف",
  "errors.unknown-value.figure.text": "لا يوجد رقم باسم `{value}`. الأرقام المتاحة: {known}.",
  "errors.unknown-value.figure.text-as-of":
    "لا يوجد رقم باسم `{value}` حتى {asOf}. الأرقام المتاحة: {known}.",
  "errors.unknown-value.party.title": "طرف غير معروف",
  "errors.unknown-value.party.text": "لا يوجد طرف باسم `{value}`. الأطراف المتاحة: {known}.",
  "errors.unknown-value.party.text-as-of": "لا يوجد طرف باسم `{value}` حتى {asOf}. الأطراف المتاحة: {known}.",
  "errors.unknown-value.deadline.title": "موعد نهائي غير معروف",
  "errors.unknown-value.deadline.text":
    "لا يوجد موعد نهائي باسم `{value}`. المواعيد النهائية المتاحة: {known}.",
  "errors.unknown-value.deadline.text-as-of":
    "لا يوجد موعد نهائي باسم `{value}` حتى {asOf}. المواعيد النهائية المتاحة: {known}.",
  "errors.no-data.phases.title": "لا توجد مراحل",
  "errors.no-data.phases.text": "لا تتضمن القصة «{story}» أي مراحل بعد.",
  "errors.no-data.phases.text-as-of": "لا تتضمن القصة «{story}» أي مراحل حتى {asOf}.",
  "errors.no-data.captive-figures.title": "لا توجد أرقام عن المحتجزين أو الأسرى",
  "errors.no-data.captive-figures.text": "لا تتضمن القصة «{story}» أي أرقام عن المحتجزين أو الأسرى بعد.",
  "errors.no-data.captive-figures.text-as-of":
    "لا تتضمن القصة «{story}» أي أرقام عن المحتجزين أو الأسرى حتى {asOf}.",
  "errors.no-data.figures.title": "لا توجد أرقام",
  "errors.no-data.figures.text": "لا تتضمن القصة «{story}» أي أرقام بعد.",
  "errors.no-data.figures.text-as-of": "لا تتضمن القصة «{story}» أي أرقام حتى {asOf}.",
  "errors.no-data.figures-in-category.title": "لا توجد أرقام في الفئة {category}",
  "errors.no-data.figures-in-category.text": "لا تتضمن القصة «{story}» أي أرقام في الفئة {category} بعد.",
  "errors.no-data.figures-in-category.text-as-of":
    "لا تتضمن القصة «{story}» أي أرقام في الفئة {category} حتى {asOf}.",
  "errors.readers-channel.title": "هذه قناة للقرّاء",
  "errors.readers-channel.text":
    "تتلقى هذه القناة تنبيهات القرّاء بشأن {story}، لذا لا يمكن أن تكون قناة المحرّرين لهذه القصة: الخيوط الجديدة للمحرّرين وحدهم. اختر قناة أخرى، أو استخدم /unsubscribe هنا أولًا.",
  "errors.curators-channel.title": "هذه قناة للمحرّرين",
  "errors.curators-channel.text":
    "هذه القناة هي قناة المحرّرين لقصة {story} وتتلقى موجز الخيوط الجديدة، لذا لا يمكن أن تكون أيضًا قناة للقرّاء لهذه القصة. اشترك بقناة أخرى، أو استخدم /curators action:off هنا أولًا.",
  "errors.no-scheduled-events.title": "لا أحداث مجدولة هنا",
  "errors.no-scheduled-events.text":
    "يُبقي kind:events الأحداث المجدولة في الخادم متوافقة مع المواعيد النهائية، ولا توجد أحداث مجدولة في مساحة العمل هذه. استخدم kind:reminders هنا بدلًا من ذلك.",
  "errors.events-permission.title": "لا يملك البوت صلاحية Manage Events",
  "errors.events-permission.text":
    "ليتولى البوت الأحداث المجدولة في هذا الخادم، يحتاج إلى صلاحية Manage Events (أو Create Events) فيه. امنحها لدور البوت من Server Settings → Roles، ثم شغّل /subscribe kind:events مجددًا.",
  "errors.threads-in-thread.title": "السلاسل تحتاج إلى قناة",
  "errors.threads-in-thread.text":
    "هذه سلسلة، ولا يمكن أن تضم السلسلة سلاسل خاصة بها. استخدم /subscribe threads:on في القناة نفسها، أو في منشور داخل منتدى ليكون لكل قصة منشورها الخاص؛ أما هنا، فإن /subscribe دون threads ينشر كل تنبيه في هذه السلسلة.",
  "errors.not-allowed.title": "غير مسموح",
  "errors.not-allowed.text":
    "لا يمكن استخدام {command} هنا إلا لمن يملكون صلاحية إدارة هذه القناة: مديرو القناة، ومشرفو مساحة العمل ومالكوها، والمشرفون المحدّدون في إعدادات البوت. اطلب ذلك من أحدهم.",
  "errors.needs-channel.title": "الأمر {command} يعمل داخل قناة",
  "errors.needs-channel.text":
    "الأمر {command} يخص القناة التي يُكتب فيها: استخدمه في قناة يوجد فيها البوت، أو في بوت وحدة التحكم (ceasefire-bot start).",
  "errors.no-store.title": "غير متاح",
  "errors.no-store.text": "يحتاج الأمر {command} إلى مخزن بيانات البوت، وهو غير مُعدّ هنا.",
  "errors.calendar-unpublished.title": "التقويم غير منشور",
  "errors.calendar-unpublished.text":
    "لم ينشر مشغّل هذا البوت خلاصات تقويمه (العنوان العام للبوت غير مُعدّ)، لذا لا يوجد بعدُ رابط للاشتراك. اطلب منه ضبط PUBLIC_URL.",
  "errors.stale-button.title": "هذا الزر لم يعد يعمل",
  "errors.stale-button.text":
    "ينتمي هذا الزر إلى إصدار أقدم من البوت. شغّل الأمر مجددًا لتحصل على رسالة جديدة.",
};
