import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "options.has-no-option": "{command} n'a pas d'option `{option}`. Ses options : {known}.",
  "options.takes-none": "{command} ne prend aucune option (reçu : `{option}`).",
  "options.must-be.choices":
    "L'option `{option}` doit valoir l'une de ces valeurs : {choices} (reçu : « {given} »).",
  "options.must-be.date": "L'option `{option}` doit être une date comme 2025-01-19 (reçu : « {given} »).",
  "options.must-be.range":
    "L'option `{option}` doit être un nombre entier de {min} à {max} (reçu : « {given} »).",
  "options.must-be.at-least":
    "L'option `{option}` doit être un nombre entier d'au moins {min} (reçu : « {given} »).",
  "options.must-be.integer": "L'option `{option}` doit être un nombre entier (reçu : « {given} »).",
  "options.must-be.number": "L'option `{option}` doit être un nombre (reçu : « {given} »).",
  "options.must-be.boolean": "L'option `{option}` doit valoir true ou false (reçu : « {given} »).",
  "options.must-be.text": "L'option `{option}` doit être du texte (reçu : « {given} »).",
  "options.required.choices": "L'option `{option}` est obligatoire : l'une de ces valeurs : {choices}.",
  "options.required.date": "L'option `{option}` est obligatoire : une date comme 2025-01-19.",
  "options.required.range": "L'option `{option}` est obligatoire : un nombre entier de {min} à {max}.",
  "options.required.at-least": "L'option `{option}` est obligatoire : un nombre entier d'au moins {min}.",
  "options.required.integer": "L'option `{option}` est obligatoire : un nombre entier.",
  "options.required.number": "L'option `{option}` est obligatoire : un nombre.",
  "options.required.boolean": "L'option `{option}` est obligatoire : true ou false.",
  "options.required.text": "L'option `{option}` est obligatoire : du texte.",
  "options.unsafe.control-in-option":
    "L'option `{option}` contient un caractère de contrôle ({code}), que le bot n'accepte pas : saisissez-la de nouveau sans lui.",
  "options.unsafe.surrogate-in-option":
    "L'option `{option}` contient un demi-caractère de substitution isolé ({code}), que le bot n'accepte pas : saisissez-la de nouveau sans lui.",
  "options.unsafe.control-in-command":
    "La commande contient un caractère de contrôle ({code}), que le bot n'accepte pas : saisissez-la de nouveau sans lui.",
  "options.unsafe.surrogate-in-command":
    "La commande contient un demi-caractère de substitution isolé ({code}), que le bot n'accepte pas : saisissez-la de nouveau sans lui.",
  "options.stale-key":
    "L'option `{option}` désigne une valeur qui ne figure plus dans les données. Relancez la commande.",
  "options.unclosed-quote": "Un guillemet n'est pas refermé.",
  "options.not-name-value":
    "Les options s'écrivent name:value, par exemple from:2025-01-01 (reçu : « {token} »).",
  "options.given-twice": "L'option `{option}` est donnée deux fois.",
  "options.no-command": "Saisissez une commande, par exemple /captives ou /timeline from:2025-01-01.",
};
