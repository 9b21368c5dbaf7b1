import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "render.sources.label": "מקורות:",
  "render.sources.count-label": "{count, plural, one {מקור:} other {מקורות:}}",
  "render.sources.separator": "; ",
  "render.source.detail": "({date})",
  "render.source.detail-publisher": "({publisher}, {date})",
  "render.data-as-of": "הנתונים נכונים ל־{date}.",
  "render.continued": "(המשך)",
  "render.more-not-shown":
    "{count, plural, one {ועוד פריט אחד לא מוצג.} two {ועוד שניים לא מוצגים.} other {ועוד {count, number} לא מוצגים.}}",
  "render.more-parts-not-shown":
    "… {count, plural, one {ועוד חלק אחד שאינו מוצג} two {ועוד שני חלקים שאינם מוצגים} other {ועוד {count, number} חלקים שאינם מוצגים}}.",
  "render.picture.shared": "🖼 {alt}",
  "render.picture.private": "🖼 תמונה (מצורפת רק לתשובות הגלויות בערוץ): {alt}",
  "render.picture.saved": "תמונה: {path} ({width}×{height}): {alt}",
  "render.picture.not-drawn": "התמונה לא צוירה ({error}): {alt}",
  "render.picture.not-saved": "התמונה לא נשמרה ({error}): {alt}",
  "render.picture.line": "תמונה: {where} ({width}×{height}, {size}): {alt}",
  "render.picture.size": "{bytes} בתים",
  "render.picture.size-not-drawn": "לא צוירה: {error}",
  "render.only-you": "(גלוי רק לך)",
  "render.console.greeting":
    "מסוף \u2068ceasefire-bot\u2069: {story}. הקלידו \u2068/help\u2069, או \u2068/exit\u2069 כדי לצאת.",
};
