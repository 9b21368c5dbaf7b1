import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "language.title": "Votre langue",
  "language.now.choice": "Je vous réponds en {language}, comme vous l'avez choisi.",
  "language.now.locale": "Je vous réponds en {language}, la langue de votre application.",
  "language.now.server": "Je vous réponds en {language}, la langue de ce serveur.",
  "language.now.default":
    "Je vous réponds en {language} : ni la langue de votre application ni celle de ce serveur ne sont des langues dans lesquelles j'écris.",
  "language.chosen": "C'est fait : désormais, je vous réponds en {language}.",
  "language.reset": "Votre choix est oublié.",
  "language.how":
    "Pour choisir : /language language:fr (ou en, ar, he). Pour revenir à la langue de votre application : /language language:reset.",
  "language.channels": "Les rappels d'un salon ont leur propre langue : /subscribe language:fr.",
};
