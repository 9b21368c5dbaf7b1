import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "subscriptions.language": "تُكتب تنبيهاتها باللغة {language}.",
};
