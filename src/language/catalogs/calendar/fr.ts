import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "calendar.title": "Calendrier : {story}",
  "calendar.summary":
    "Abonnez-vous aux échéances et aux fins de phase de {story} dans votre application d'agenda : {count} connues à ce jour, et le flux suit chaque nouvelle date, chaque report et chaque annulation.",
  "calendar.field.feed": "Adresse du flux",
  "calendar.field.webcal": "Pour s'abonner en un clic",
  "calendar.field.how": "Comment faire",
  "calendar.how.google":
    "Google Agenda : Autres agendas, +, À partir de l'URL, puis collez l'adresse du flux.",
  "calendar.how.apple":
    "Calendrier d'Apple : Fichier, Nouvel abonnement à un calendrier, ou ouvrez l'adresse webcal.",
  "calendar.how.outlook":
    "Outlook : Ajouter un calendrier, S'abonner à partir du web, puis collez l'adresse du flux.",
  "calendar.add": "Ajouter au calendrier",
};
