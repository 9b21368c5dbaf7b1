import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "threads.name": "{thread} · {story}",
  "threads.news": "חדשות {month}",
  "threads.alerts": "התראות",
};
