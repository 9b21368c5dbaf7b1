import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "threads.name": "{thread} · {story}",
  "threads.news": "أخبار {month}",
  "threads.alerts": "التنبيهات",
};
