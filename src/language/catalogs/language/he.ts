import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "language.title": "השפה שלך",
  "language.now.choice": "אני עונה לך בשפה {language}, כפי שבחרת.",
  "language.now.locale": "אני עונה לך בשפה {language}, שפת האפליקציה שלך.",
  "language.now.server": "אני עונה לך בשפה {language}, שפת השרת הזה.",
  "language.now.default":
    "אני עונה לך בשפה {language}: לא שפת האפליקציה שלך ולא שפת השרת הזה היא שפה שאני כותב בה.",
  "language.chosen": "בוצע: מעכשיו אני עונה לך בשפה {language}.",
  "language.reset": "הבחירה שלך נמחקה.",
  "language.how":
    "כדי לבחור: ‎/language language:he (או en,‏ ar,‏ fr). כדי לחזור לשפת האפליקציה שלך: ‎/language language:reset.",
  "language.channels": "לתזכורות של ערוץ יש שפה משלהן: ‎/subscribe language:he.",
};
