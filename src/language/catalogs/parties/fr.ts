import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "parties.title": "Les acteurs : {story}",
  "parties.role.signatory": "Signataires",
  "parties.role.belligerent": "Parties au conflit",
  "parties.role.mediator": "Médiateurs",
  "parties.role.guarantor": "Garants",
  "parties.role.monitor": "Observateurs",
  "parties.role.host": "Hôtes des négociations",
  "parties.role.other": "Autres",
  "parties.people": "Personnalités",
  "parties.parties": "Parties",
  "parties.none": "Aucune dans les données pour l'instant.",
};
