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
  "home.kind.reminders": "rappels d'échéances",
  "home.kind.updates": "mises à jour (nouveaux événements de la chronologie et nouveaux chiffres)",
  "home.kind.all": "rappels d'échéances et mises à jour",
  "home.kind.leads": "un récapitulatif des nouvelles pistes (canal de la rédaction)",
  "home.kind.events":
    "les événements programmés de ce serveur (un par échéance à venir, déplacé ou annulé avec elle)",
  "home.leads.own": "(rappel {leads} avant chaque échéance)",
  "home.leads.deadlines": "(aux délais de rappel propres à chaque échéance)",
  "home.every-story": "toutes les histoires",
  "home.more-parts":
    "… {count, plural, one {# autre partie non affichée} other {# autres parties non affichées}} : {command} les affiche toutes.",
  "home.more-sections":
    "… {count, plural, one {# autre section non affichée} other {# autres sections non affichées}}.",
};
