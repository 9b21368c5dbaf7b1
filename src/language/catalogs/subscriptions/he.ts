import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "subscriptions.language": "ההתראות שלו נכתבות בשפה {language}.",
};
