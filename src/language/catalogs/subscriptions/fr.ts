import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "subscriptions.language": "Ses alertes sont écrites en {language}.",
};
