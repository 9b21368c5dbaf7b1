import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "timeline.title": "Chronologie : {story}",
  "timeline.from-after-to": "`from` ({from}) est postérieur à `to` ({to}).",
  "timeline.page-too-far": "L'option `page` ne peut pas dépasser {pages} avec ces filtres (reçu : {page}).",
  "timeline.according": " (selon {who})",
  "timeline.derived": " [calculé : {how}]",
  "timeline.filter.from": "à partir du {date}",
  "timeline.filter.to": "jusqu'au {date}",
  "timeline.filter.tag": "avec l'étiquette {tag}",
  "timeline.comma": ", ",
  "timeline.none": "Aucun événement.",
  "timeline.none-filtered": "Aucun événement {filters}.",
  "timeline.count": "{total, plural, one {# événement} other {# événements}} · page {page} sur {pages}",
  "timeline.count-filtered":
    "{total, plural, one {# événement} other {# événements}} {filters} · page {page} sur {pages}",
  "timeline.previous": "◀ Précédent",
  "timeline.next": "Suivant ▶",
};
