import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "captives.title": "Otages et prisonniers : {story}",
  "captives.before": " (auparavant : {amount} selon {who}, au {date})",
};
