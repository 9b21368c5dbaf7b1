import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "translations.title": "Traductions",
  "translations.page-title": "Traductions : {story}",
  "translations.intro":
    "Les textes du récit en arabe, en hébreu et en français, à côté de l'anglais. Là où une traduction manque, les lecteurs lisent l'anglais, signalé comme tel dans leur langue. Les citations restent dans les mots où elles ont été dites et ne figurent pas ici.",
  "translations.languages": "Langues",
  "translations.language-count":
    "{language} : {count, plural, =0 {rien ne manque} one {# texte manquant} other {# textes manquants}}",
  "translations.missing-heading": "Manquant en {language}",
  "translations.none-missing": "Chaque texte a sa traduction.",
  "translations.translated-heading":
    "{count, plural, =0 {Aucun texte traduit pour l'instant} one {# texte traduit} other {# textes traduits}}",
  "translations.column.text": "Texte",
  "translations.column.english": "Anglais",
  "translations.column.translation": "Traduction",
  "translations.translate": "Traduire",
  "translations.change": "Modifier",
  "translations.edit-title": "Traduire en {language}",
  "translations.field-label": "{field} en {language}",
  "translations.save": "Enregistrer",
  "translations.back": "Retour aux traductions",
  "translations.required": "Écrivez la traduction, ou revenez en arrière pour garder l'anglais.",
  "translations.conflict":
    "Le fichier a changé depuis l'ouverture de ce formulaire. L'anglais est affiché tel qu'il est maintenant : vérifiez-le, puis enregistrez à nouveau.",
  "translations.not-found": "Aucun récit, aucune langue ou aucun texte de ce nom.",
  "translations.refused": "Le récit n'est pas valide avec cette traduction :",
  "translations.saved-what": "Traduction en {language} de {path}",
};
