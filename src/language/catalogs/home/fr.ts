import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "home.lead": "Ce que répondent les commandes du bot en ce moment. Tapez /help pour toutes les commandes.",
  "home.channels.title": "Vos canaux",
  "home.channels.all":
    "Tous les canaux de cet espace de travail qui reçoivent des alertes (vous pouvez tous les gérer) :",
  "home.channels.mine":
    "Les canaux que vous avez abonnés (les administrateurs et propriétaires de l'espace de travail les voient tous ici) :",
  "home.channels.none-all": "Aucun canal de cet espace de travail ne reçoit d'alertes.",
  "home.channels.none-mine":
    "Aucun canal que vous avez abonné ne reçoit d'alertes. Tapez /subscribe dans un canal pour y recevoir les rappels d'échéances et les mises à jour.",
  "home.channels.command": "/subscriptions (dans chaque canal)",
  "home.gets": "{kind} sur {story}, depuis le {since}",
  "home.gets.leads": "{kind} sur {story} {leads}, depuis le {since}",
  "home.more-parts":
    "… {count, plural, one {# autre partie non affichée} other {# autres parties non affichées}} : {command} les affiche toutes.",
  "home.more-sections":
    "… {count, plural, one {# autre section non affichée} other {# autres sections non affichées}}.",
};
