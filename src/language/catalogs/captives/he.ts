import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "captives.title": "החטופים והאסירים: {story}",
  "captives.before": " (קודם לכן: {amount} לפי {who}, נכון ל־{date})",
};
