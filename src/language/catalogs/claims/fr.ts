import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "claims.title": "Déclarations : {story}",
  "claims.count":
    "{count, plural, one {# déclaration} other {# déclarations}}, de la plus ancienne à la plus récente.",
  "claims.none": "Aucune déclaration dans les données.",
  "claims.said": " ({date}) : {text}",
  "claims.joint": "{names} (déclaration commune)",
};
