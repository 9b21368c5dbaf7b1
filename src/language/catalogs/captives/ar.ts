import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "captives.title": "المحتجزون والأسرى: {story}",
  "captives.before": " (سابقًا: {amount} بحسب {who}، حتى {date})",
};
