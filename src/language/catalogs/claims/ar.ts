import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "claims.title": "التصريحات: {story}",
  "claims.count":
    "{count, plural, zero {لا تصريحات} one {تصريح واحد} two {تصريحان} few {# تصريحات} many {# تصريحًا} other {# تصريح}}، الأقدم أولًا.",
  "claims.none": "لا تصريحات في البيانات.",
  "claims.said": " ({date}): {text}",
  "claims.joint": "{names} (تصريح مشترك)",
};
