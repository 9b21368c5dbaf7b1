import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "sources.why": "Pourquoi ?",
  "sources.title": "Sources : {story}",
  "sources.summary":
    "Chaque chiffre donné par le bot provient de ces sources, avec qui l'affirme. Données au {date}. Demandez /sources of:captives (ou toute autre question) pour la citation à l'appui de chaque affirmation.",
  "sources.publisher": " — {publisher}",
  "sources.published": ", publié le {date}",
  "sources.why-title": "Pourquoi ? {title}",
  "sources.why-summary":
    "Les mots des sources derrière {command}, chacun tiré du premier article à l'avoir rapporté.",
  "sources.why-none": "{command} n'affirme rien qui soit sourcé.",
  "sources.of-not-question": "L'option `of` doit être une question : {known} (reçu : {of}).",
};
