import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "digest.title": "{count, plural, one {# nouvelle piste} other {# nouvelles pistes}} pour {story}",
  "digest.line": "{outlet} : {title}",
  "digest.unknown-outlet": "Média inconnu",
  "digest.more": "… et {count, plural, one {# autre} other {# autres}} sur le desk.",
  "digest.open": "Ouvrir dans le desk",
  "digest.unchecked":
    "Repérées par les flux d'actualité de l'histoire. Ces pistes ne sont pas vérifiées : lisez l'article avant d'en utiliser une.",
  "digest.no-desk": "L'adresse du desk n'est pas configurée (DESK_PUBLIC_URL) : aucun lien n'y mène.",
};
