import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

/**
 * The chart's labels (`pictures.chart.*`) use only characters Noto Sans Arabic has (no brackets, no
 * "·" or "–"): resvg draws a label mixing them with Arabic's ligatures as boxes (src/pictures/svg.ts).
 */
export const ar: Translation<typeof en> = {
  "pictures.more":
    "{count, plural, zero {ولا شيء غير ذلك} one {وواحد آخر} two {واثنان آخران} few {و# أخرى} many {و# أخرى} other {و# أخرى}}",
  "pictures.phase-state.not-started": "لم تبدأ بعد",
  "pictures.phase-state.in-force": "سارية",
  "pictures.phase-state.suspended": "معلّقة",
  "pictures.phase-state.disputed": "موضع خلاف",
  "pictures.phase-state.ended": "انتهت",
  "pictures.phase-state.never-began": "لم تبدأ قط",
  "pictures.deadline-status.scheduled": "مقرّر",
  "pictures.deadline-status.met": "نُفّذ",
  "pictures.deadline-status.missed": "فات دون تنفيذ",
  "pictures.deadline-status.extended": "مُدّد",
  "pictures.deadline-status.postponed": "أُرجئ",
  "pictures.deadline-status.disputed": "موضع خلاف",
  "pictures.deadline-status.cancelled": "أُلغي",
  "pictures.alt.list": "{label}: {items}.",
  "pictures.alt.separator": "؛ ",
  "pictures.alt.timeline": "التسلسل الزمني لـ{title} كما عُرف حتى {date}، وهو التاريخ المعلَّم بوصفه اليوم.",
  "pictures.alt.phases": "المراحل",
  "pictures.alt.deadlines": "المواعيد النهائية",
  "pictures.alt.phase": "{name}، {dates}، {state}",
  "pictures.alt.phase-moved": "{name}، {dates}، وكان انتهاؤها مقرّرًا في {planned}، {state}",
  "pictures.alt.phase-no-dates": "دون مواعيد محدّدة",
  "pictures.alt.phase-from-to": "من {start} إلى {end}",
  "pictures.alt.phase-from-open": "من {start} دون موعد انتهاء محدّد",
  "pictures.alt.deadline": "{title}، موعده {due}، {status}",
  "pictures.alt.deadline-moved": "{title}، موعده {due} (نُقل من {dates})، {status}",
  "pictures.alt.deadline-moved-often":
    "{title}، موعده {due} (نُقل {moves, plural, zero {# مرة} one {مرة واحدة} two {مرتين} few {# مرات} many {# مرة} other {# مرة}}، وآخر ذلك من {dates})، {status}",
  "pictures.alt.then": "{earlier}، ثم {later}",
  "pictures.alt.events":
    "{count, plural, zero {لا أحداث معروفة} one {حدث واحد معروف} two {حدثان معروفان} few {# أحداث معروفة} many {# حدثًا معروفًا} other {# حدث معروف}}.",
  "pictures.alt.events-page":
    "{count, plural, zero {لا أحداث معروفة} one {حدث واحد معروف} two {حدثان معروفان} few {# أحداث معروفة} many {# حدثًا معروفًا} other {# حدث معروف}}؛ وتغطي هذه الصفحة الفترة من {from} إلى {to}.",
  "pictures.alt.figure":
    "مخطط درجي لـ{label} كما عُرف حتى {today}: {count, plural, zero {لا قيم} one {قيمة واحدة} two {قيمتان} few {# قيم} many {# قيمة} other {# قيمة}} من {from} إلى {to}.",
  "pictures.alt.figure-empty":
    "مخطط درجي لـ{label} كما عُرف حتى {today}: {count, plural, zero {لا قيم} one {قيمة واحدة} two {قيمتان} few {# قيم} many {# قيمة} other {# قيمة}}.",
  "pictures.alt.values": "القيم، الأحدث أولًا",
  "pictures.alt.value": "{date}: {amount}، بحسب {who}",
  "pictures.alt.earlier-values":
    "{count, plural, zero {ولا قيم سابقة} one {وقيمة واحدة سابقة} two {وقيمتان سابقتان} few {و# قيم سابقة} many {و# قيمة سابقة} other {و# قيمة سابقة}}",
  "pictures.chart.timeline-title": "التسلسل الزمني: {title}",
  "pictures.chart.as-known": "كما عُرف حتى {instant}",
  "pictures.chart.today": "اليوم، {date}",
  "pictures.chart.this-page": "هذه الصفحة",
  "pictures.chart.phases": "المراحل",
  "pictures.chart.phases-none": "المراحل: لا شيء معروف",
  "pictures.chart.more-phases":
    "{count, plural, zero {ولا مراحل أخرى} one {ومرحلة أخرى} two {ومرحلتان أخريان} few {و# مراحل أخرى} many {و# مرحلة أخرى} other {و# مرحلة أخرى}}",
  "pictures.chart.deadlines": "المواعيد النهائية",
  "pictures.chart.deadlines-none": "المواعيد النهائية: لا شيء معروف",
  "pictures.chart.deadlines-some":
    "المواعيد النهائية: المعروض {shown, number}، {hidden, plural, zero {ولا مواعيد أخرى} one {وموعد آخر} two {وموعدان آخران} few {و# مواعيد أخرى} many {و# موعدًا آخر} other {و# موعد آخر}}",
  "pictures.chart.phase-undated": "{name}: {state}، دون مواعيد محدّدة",
  "pictures.chart.phase": "{name}، {dates}، {state}",
  "pictures.chart.phase-planned": "{name}، {dates}، وكان انتهاؤها مقرّرًا في {planned}، {state}",
  "pictures.chart.dates-span": "{start} - {end}",
  "pictures.chart.dates-open": "{start}، دون نهاية محدّدة",
  "pictures.chart.deadline": "{title}، {due}",
  "pictures.chart.was": "كان {date}",
  "pictures.chart.events": "الأحداث المعروفة: {count, number}",
  "pictures.chart.events-before":
    "{count, plural, zero {ولا أحداث أقدم} one {وحدث واحد أقدم، قبل الفترة المرسومة} two {وحدثان أقدم، قبل الفترة المرسومة} few {و# أحداث أقدم، قبل الفترة المرسومة} many {و# حدثًا أقدم، قبل الفترة المرسومة} other {و# حدث أقدم، قبل الفترة المرسومة}}",
  "pictures.chart.legend-moved": "نُقل، والموعد القديم مفرَّغ",
  "pictures.chart.latest-of":
    "أحدث {shown, number} من أصل {total, plural, zero {# قيمة} one {قيمة واحدة} two {قيمتين} few {# قيم} many {# قيمة} other {# قيمة}}",
  "pictures.chart.according": "بحسب {who}",
  "pictures.chart.according-others": "بحسب آخرين",
};
