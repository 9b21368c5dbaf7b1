import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "help.title": "ceasefire-bot : aide",
  "help.summary":
    "Des réponses sur {story} tirées d'un jeu de données vérifié et sourcé. Les options s'écrivent nom:valeur, comme /timeline from:2025-01-01 tag:phase-one. Ajoutez private:true pour être seul à voir la réponse.",
  "help.summary-stories":
    "Des réponses sur {story} (et d'autres histoires : {others}) tirées d'un jeu de données vérifié et sourcé. Les options s'écrivent nom:valeur, comme /timeline from:2025-01-01 tag:phase-one. Ajoutez private:true pour être seul à voir la réponse.",
};
