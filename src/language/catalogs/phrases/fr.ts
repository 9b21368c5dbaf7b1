import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "phrases.qualifier.exactly": "{amount}",
  "phrases.qualifier.more-than": "plus de {amount}",
  "phrases.qualifier.fewer-than": "moins de {amount}",
  "phrases.qualifier.about": "environ {amount}",
  "phrases.qualifier.at-least": "au moins {amount}",
  "phrases.qualifier.up-to": "jusqu'à {amount}",
  "phrases.amount-unit": "{n} {unit}",
  "phrases.percent": "{n} %",
  "phrases.attribution": "selon {who}, au {date}",
  "phrases.derived": "(calculé : {how})",
  "phrases.corrected": "(corrigé le {date})",
  "phrases.after-amount": ", {attribution}",
  "phrases.stale":
    "{days, plural, one {Ces données datent de {days, number} jour et ne sont peut-être plus à jour.} other {Ces données datent de {days, number} jours et ne sont peut-être plus à jour.}}",
};
