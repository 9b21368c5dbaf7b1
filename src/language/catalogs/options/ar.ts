import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "options.has-no-option": "لا يتضمن الأمر {command} خيارًا باسم `{option}`. خياراته: {known}.",
  "options.takes-none": "لا يأخذ الأمر {command} أي خيارات (أُدخل `{option}`).",
  "options.must-be.choices":
    'يجب أن تكون قيمة الخيار `{option}` إحدى القيم: {choices} (القيمة المُدخلة: "{given}").',
  "options.must-be.date":
    'يجب أن تكون قيمة الخيار `{option}` تاريخًا بصيغة 2025-01-19 (القيمة المُدخلة: "{given}").',
  "options.must-be.range":
    'يجب أن تكون قيمة الخيار `{option}` عددًا صحيحًا من {min} إلى {max} (القيمة المُدخلة: "{given}").',
  "options.must-be.at-least":
    'يجب أن تكون قيمة الخيار `{option}` عددًا صحيحًا لا يقل عن {min} (القيمة المُدخلة: "{given}").',
  "options.must-be.integer": 'يجب أن تكون قيمة الخيار `{option}` عددًا صحيحًا (القيمة المُدخلة: "{given}").',
  "options.must-be.number": 'يجب أن تكون قيمة الخيار `{option}` عددًا (القيمة المُدخلة: "{given}").',
  "options.must-be.boolean": 'يجب أن تكون قيمة الخيار `{option}` true أو false (القيمة المُدخلة: "{given}").',
  "options.must-be.text": 'يجب أن تكون قيمة الخيار `{option}` نصًا (القيمة المُدخلة: "{given}").',
  "options.required.choices": "الخيار `{option}` مطلوب: إحدى القيم {choices}.",
  "options.required.date": "الخيار `{option}` مطلوب: تاريخ بصيغة 2025-01-19.",
  "options.required.range": "الخيار `{option}` مطلوب: عدد صحيح من {min} إلى {max}.",
  "options.required.at-least": "الخيار `{option}` مطلوب: عدد صحيح لا يقل عن {min}.",
  "options.required.integer": "الخيار `{option}` مطلوب: عدد صحيح.",
  "options.required.number": "الخيار `{option}` مطلوب: عدد.",
  "options.required.boolean": "الخيار `{option}` مطلوب: true أو false.",
  "options.required.text": "الخيار `{option}` مطلوب: نص.",
  "options.unsafe.control-in-option":
    "يحتوي الخيار `{option}` على محرف تحكم ({code}) لا يقبله البوت: اكتبه مجددًا من دونه.",
  "options.unsafe.surrogate-in-option":
    "يحتوي الخيار `{option}` على محرف بديل منفرد ({code}) لا يقبله البوت: اكتبه مجددًا من دونه.",
  "options.unsafe.control-in-command":
    "يحتوي الأمر على محرف تحكم ({code}) لا يقبله البوت: اكتبه مجددًا من دونه.",
  "options.unsafe.surrogate-in-command":
    "يحتوي الأمر على محرف بديل منفرد ({code}) لا يقبله البوت: اكتبه مجددًا من دونه.",
  "options.stale-key": "يشير الخيار `{option}` إلى قيمة لم تعد موجودة في البيانات. شغّل الأمر مجددًا.",
  "options.unclosed-quote": "هناك علامة اقتباس لم تُغلق.",
  "options.not-name-value": 'تُكتب الخيارات بصيغة name:value، مثل from:2025-01-01 (المُدخل: "{token}").',
  "options.given-twice": "الخيار `{option}` مذكور مرتين.",
  "options.no-command": "اكتب أمرًا، مثل /captives أو /timeline from:2025-01-01.",
};
