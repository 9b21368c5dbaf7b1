import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "data.collection.story": "Récit",
  "data.collection.parties": "Parties",
  "data.collection.people": "Personnes",
  "data.collection.phases": "Phases",
  "data.collection.figures": "Chiffres",
  "data.collection.events": "Événements",
  "data.collection.deadlines": "Échéances",
  "data.field.title": "titre",
  "data.field.summary": "résumé",
  "data.field.text": "texte",
  "data.field.name": "nom",
  "data.field.description": "description",
  "data.field.role": "fonction",
  "data.field.note": "note",
  "data.field.attribution": "qui l'affirme",
  "data.field.statusNote": "note sur le statut",
  "data.field.label": "intitulé",
  "data.field.unit": "unité",
  "data.field.unitOne": "unité au singulier",
  "data.field.derived": "mode de calcul",
  "data.field.whenNote": "note sur la date",
  "data.field.phrase": "phrase de rappel",
};
