import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "subscriptions.kind.reminders": "التذكير بالمواعيد النهائية",
  "subscriptions.kind.updates": "تحديثات الأخبار (أحداث جديدة في التسلسل الزمني وأرقام جديدة)",
  "subscriptions.kind.all": "التذكير بالمواعيد النهائية وتحديثات الأخبار",
  "subscriptions.kind.leads": "موجز بالأخبار الجديدة (قناة للمحررين)",
  "subscriptions.kind.events":
    "الأحداث المجدولة لهذا الخادم (حدث لكل موعد نهائي قادم، يتغيّر موعده أو يُلغى معه)",
  "subscriptions.leads.own": "(للتذكير قبل كل موعد نهائي بـ{leads})",
  "subscriptions.leads.deadlines": "(بحسب مهل التذكير الخاصة بكل موعد نهائي)",
  "subscriptions.every-story": "كل القصص",
  "subscriptions.lead.too-far":
    "مهلة التذكير {lead} أطول من {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.",
  "subscriptions.lead.unreadable": "«{lead}» ليست مهلة تذكير: اكتب عددًا يليه d أو h أو m، مثل 1d,2h,30m.",
  "subscriptions.lead.none": "اكتب مهلة تذكير واحدة على الأقل، مثل lead:1d,2h.",
  "subscriptions.lead.too-many":
    "{max, plural, zero {# مهلة تذكير} one {مهلة تذكير واحدة} two {مهلتا تذكير} few {# مهل تذكير} many {# مهلة تذكير} other {# مهلة تذكير}} على الأكثر لكل قناة.",
  "subscriptions.title.subscribed": "تم الاشتراك",
  "subscriptions.title.changed": "تم تغيير الاشتراك",
  "subscriptions.now-gets": "تتلقى هذه القناة الآن {kind} عن {story}.",
  "subscriptions.now-gets.leads": "تتلقى هذه القناة الآن {kind} عن {story} {leads}.",
  "subscriptions.now-gets.threads": "تتلقى هذه القناة الآن {kind} عن {story}؛ {threads}.",
  "subscriptions.now-gets.leads-threads": "تتلقى هذه القناة الآن {kind} عن {story} {leads}؛ {threads}.",
  "subscriptions.next": "التذكيرات التالية",
  "subscriptions.next.story": "التذكيرات التالية: {story}",
  "subscriptions.next.none":
    "لا تذكيرات خلال {days, plural, zero {# يوم} one {اليوم القادم} two {اليومين القادمين} few {الأيام الـ# القادمة} many {الـ# يومًا القادمة} other {الـ# يوم القادمة}}.",
  "subscriptions.title.unsubscribed": "تم إلغاء الاشتراك",
  "subscriptions.stopped": "لن تتلقى هذه القناة بعد الآن أي تذكيرات أو تحديثات.",
  "subscriptions.stopped.story": "لن تتلقى هذه القناة بعد الآن أي تذكيرات أو تحديثات عن {story}.",
  "subscriptions.stopped.events": "وحُذفت من الخادم الأحداث المجدولة لمواعيدها النهائية.",
  "subscriptions.title.not-subscribed": "غير مشتركة",
  "subscriptions.was-not": "لم تكن هذه القناة مشتركة.",
  "subscriptions.title.list": "التنبيهات في هذه القناة",
  "subscriptions.gets": "تتلقى هذه القناة {kind} عن {story}، منذ {since}.",
  "subscriptions.gets.leads": "تتلقى هذه القناة {kind} عن {story} {leads}، منذ {since}.",
  "subscriptions.not":
    "هذه القناة غير مشتركة. استخدم /subscribe لتتلقى هنا التذكير بالمواعيد النهائية وتحديثات الأخبار.",
  "subscriptions.not.stopped":
    "هذه القناة غير مشتركة (أُوقف الاشتراك: {reason}). استخدم /subscribe للاشتراك من جديد.",
  "subscriptions.last-deliveries": "آخر الرسائل المرسلة",
  "subscriptions.outcome.claimed": "قيد الإرسال",
  "subscriptions.outcome.sent": "أُرسلت",
  "subscriptions.outcome.sent_late": "أُرسلت متأخرة",
  "subscriptions.outcome.skipped": "تُخطّيت",
  "subscriptions.outcome.failed": "تعذّر إرسالها",
  "subscriptions.threads.on": "تنبيهات كل موعد نهائي، وأخبار كل شهر، في سلسلة رسائل خاصة بها",
  "subscriptions.threads.also-channel":
    "تنبيهات كل موعد نهائي، وأخبار كل شهر، في سلسلة رسائل خاصة بها، وتظهر أيضًا في القناة",
  "subscriptions.threads.forum": "منشور واحد لكل قصة في هذا المنتدى",
  "subscriptions.threads.line.off": "سلاسل الرسائل: off (كل التنبيهات في القناة).",
  "subscriptions.threads.line": "سلاسل الرسائل: {mode} ({text}).",
  "subscriptions.events.paused":
    "الأحداث المجدولة متوقفة مؤقتًا: {reason}، منذ {since}؛ وسيحاول البوت مجددًا في {retry} (أو فورًا بعد /subscribe kind:events).",
  "subscriptions.curators.title": "قناة المحررين",
  "subscriptions.curators.title.set": "تم تعيين قناة المحررين",
  "subscriptions.curators.title.off": "أُوقفت قناة المحررين",
  "subscriptions.curators.title.not": "ليست قناة للمحررين",
  "subscriptions.curators.is":
    "هذه القناة هي قناة المحررين الخاصة بـ{story}: تتلقى موجزًا قصيرًا بالأخبار الجديدة عن القصة التي رُصدت منذ {since}، مرة واحدة على الأكثر في كل فترة موجز. ولا تصل هذه الأخبار أبدًا إلى قنوات القراء.",
  "subscriptions.curators.not":
    "هذه القناة ليست قناة المحررين الخاصة بـ{story}. يمكن لمن يدير القناة أن يجعلها كذلك بالأمر /curators action:set.",
  "subscriptions.curators.off": "لن تتلقى هذه القناة بعد الآن موجزات بالأخبار الجديدة عن {story}.",
  "subscriptions.language": "تُكتب تنبيهاتها باللغة {language}.",
  "subscriptions.reason.unsubscribed": "ألغى {user} الاشتراك",
  "subscriptions.reason.gone": "لم تعد القناة متاحة: {detail}",
  "subscriptions.reason.missed":
    "فات موعده بـ{late} ساعة، وهو أكثر من مهلة السماح البالغة {grace} ساعة (لم يكن البوت يعمل)",
  "subscriptions.reason.unconfirmed":
    "لم يُؤكَّد إرساله وفات موعده بـ{late} ساعة، وهو أكثر من مهلة السماح البالغة {grace} ساعة",
};
