import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "threads.name": "{thread} · {story}",
  "threads.news": "Actualités, {month}",
  "threads.alerts": "Alertes",
};
