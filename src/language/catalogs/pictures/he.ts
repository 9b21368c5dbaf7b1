import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "pictures.more": "{count, plural, one {ועוד אחד} two {ועוד שניים} other {ועוד #}}",
  "pictures.phase-state.not-started": "טרם החל",
  "pictures.phase-state.in-force": "בתוקף",
  "pictures.phase-state.suspended": "מושעה",
  "pictures.phase-state.disputed": "שנוי במחלוקת",
  "pictures.phase-state.ended": "הסתיים",
  "pictures.phase-state.never-began": "לא החל מעולם",
  "pictures.deadline-status.scheduled": "מתוכנן",
  "pictures.deadline-status.met": "קוים",
  "pictures.deadline-status.missed": "הוחמץ",
  "pictures.deadline-status.extended": "הוארך",
  "pictures.deadline-status.postponed": "נדחה",
  "pictures.deadline-status.disputed": "שנוי במחלוקת",
  "pictures.deadline-status.cancelled": "בוטל",
  "pictures.alt.list": "{label}: {items}.",
  "pictures.alt.separator": "; ",
  "pictures.alt.timeline": "ציר הזמן של {title} כפי שהיה ידוע ב־{date}, התאריך המסומן כהיום.",
  "pictures.alt.phases": "שלבים",
  "pictures.alt.deadlines": "מועדים",
  "pictures.alt.phase": "{name}, {dates}, {state}",
  "pictures.alt.phase-moved": "{name}, {dates}, הסיום המתוכנן היה ב־{planned}, {state}",
  "pictures.alt.phase-no-dates": "לא נקבעו תאריכים",
  "pictures.alt.phase-from-to": "מ־{start} עד {end}",
  "pictures.alt.phase-from-open": "מ־{start}, ללא מועד סיום שנקבע",
  "pictures.alt.deadline": "{title}, המועד: {due}, {status}",
  "pictures.alt.deadline-moved": "{title}, המועד: {due} (הוזז מ־{dates}), {status}",
  "pictures.alt.deadline-moved-often":
    "{title}, המועד: {due} (הוזז {moves, plural, one {פעם אחת} two {פעמיים} other {# פעמים}}, לאחרונה מ־{dates}), {status}",
  "pictures.alt.then": "{earlier}, ואחר כך {later}",
  "pictures.alt.events":
    "{count, plural, one {אירוע אחד ידוע} two {שני אירועים ידועים} other {# אירועים ידועים}}.",
  "pictures.alt.events-page":
    "{count, plural, one {אירוע אחד ידוע} two {שני אירועים ידועים} other {# אירועים ידועים}}; העמוד הזה מכסה את {from} עד {to}.",
  "pictures.alt.figure":
    "תרשים מדרגות של {label} כפי שהיה ידוע ב־{today}: {count, plural, one {ערך אחד} two {שני ערכים} other {# ערכים}} מ־{from} עד {to}.",
  "pictures.alt.figure-empty":
    "תרשים מדרגות של {label} כפי שהיה ידוע ב־{today}: {count, plural, one {ערך אחד} two {שני ערכים} other {# ערכים}}.",
  "pictures.alt.values": "ערכים, האחרונים תחילה",
  "pictures.alt.value": "{date}: {amount}, לפי {who}",
  "pictures.alt.earlier-values":
    "{count, plural, one {ועוד ערך מוקדם אחד} two {ועוד שני ערכים מוקדמים} other {ועוד # ערכים מוקדמים}}",
  "pictures.chart.timeline-title": "ציר זמן: {title}",
  "pictures.chart.as-known": "כפי שהיה ידוע ב־{instant}",
  "pictures.chart.today": "היום, {date}",
  "pictures.chart.this-page": "העמוד הזה",
  "pictures.chart.phases": "שלבים",
  "pictures.chart.phases-none": "שלבים: אין ידועים",
  "pictures.chart.more-phases":
    "{count, plural, one {ועוד שלב אחד} two {ועוד שני שלבים} other {ועוד # שלבים}}",
  "pictures.chart.deadlines": "מועדים",
  "pictures.chart.deadlines-none": "מועדים: אין ידועים",
  "pictures.chart.deadlines-some":
    "מועדים ({shown, number} מוצגים, {hidden, plural, one {ועוד אחד} two {ועוד שניים} other {ועוד #}})",
  "pictures.chart.phase-undated": "{name}: {state}, לא נקבעו תאריכים",
  "pictures.chart.phase": "{name} · {dates} · {state}",
  "pictures.chart.phase-planned": "{name} · {dates} (הסיום המתוכנן היה {planned}) · {state}",
  "pictures.chart.dates-span": "{start} – {end}",
  "pictures.chart.dates-open": "{start}, ללא מועד סיום",
  "pictures.chart.deadline": "{title} · {due}",
  "pictures.chart.was": "היה {date}",
  "pictures.chart.events": "אירועים ידועים ({count, number})",
  "pictures.chart.events-before":
    "({count, plural, one {ועוד אירוע מוקדם אחד, לפני הטווח המוצג} two {ועוד שני אירועים מוקדמים, לפני הטווח המוצג} other {ועוד # מוקדמים, לפני הטווח המוצג}})",
  "pictures.chart.legend-moved": "הוזז (המועד הקודם חלול)",
  "pictures.chart.latest-of": "{shown, number} האחרונים מתוך {total, number} ערכים",
  "pictures.chart.according": "לפי {who}",
  "pictures.chart.according-others": "לפי אחרים",
};
