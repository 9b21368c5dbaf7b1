import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "sources.why": "למה?",
  "sources.title": "מקורות: {story}",
  "sources.summary":
    "כל נתון שהבוט מציג לקוח מהמקורות האלה, יחד עם מי שאומר אותו. הנתונים נכונים ל־{date}. בקשו /sources of:captives (או כל שאלה אחרת) כדי לראות את הציטוט שמאחורי כל דבר שהוא מציג.",
  "sources.publisher": " — {publisher}",
  "sources.published": ", פורסם ב־{date}",
  "sources.why-title": "למה? {title}",
  "sources.why-summary": "דברי המקורות שמאחורי {command}, כל אחד מהדיווח שאמר אותו לראשונה.",
  "sources.why-none": "{command} אינה מציגה דבר שמבוסס על מקור.",
  "sources.of-not-question": "האפשרות `of` חייבת להיות שאלה: {known} (התקבל {of}).",
};
