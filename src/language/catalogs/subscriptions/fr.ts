import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "subscriptions.kind.reminders": "rappels d'échéances",
  "subscriptions.kind.updates": "mises à jour (nouveaux événements de la chronologie et nouveaux chiffres)",
  "subscriptions.kind.all": "rappels d'échéances et mises à jour",
  "subscriptions.kind.leads": "un récapitulatif des nouvelles pistes (canal de la rédaction)",
  "subscriptions.kind.events":
    "les événements programmés de ce serveur (un par échéance à venir, déplacé ou annulé avec elle)",
  "subscriptions.leads.own": "(rappel {leads} avant chaque échéance)",
  "subscriptions.leads.deadlines": "(aux délais de rappel propres à chaque échéance)",
  "subscriptions.every-story": "toutes les histoires",
  "subscriptions.lead.too-far":
    "Le délai de rappel {lead} dépasse {days, plural, one {# jour} other {# jours}}.",
  "subscriptions.lead.unreadable":
    "« {lead} » n'est pas un délai de rappel : donnez un nombre suivi de d, h ou m, comme 1d,2h,30m.",
  "subscriptions.lead.none": "Donnez au moins un délai de rappel, comme lead:1d,2h.",
  "subscriptions.lead.too-many":
    "Au plus {max, plural, one {# délai de rappel} other {# délais de rappel}} par canal.",
  "subscriptions.title.subscribed": "Abonnement activé",
  "subscriptions.title.changed": "Abonnement modifié",
  "subscriptions.now-gets": "Ce canal reçoit désormais : {kind}, sur {story}.",
  "subscriptions.now-gets.leads": "Ce canal reçoit désormais : {kind}, sur {story} {leads}.",
  "subscriptions.now-gets.threads": "Ce canal reçoit désormais : {kind}, sur {story} ; {threads}.",
  "subscriptions.now-gets.leads-threads":
    "Ce canal reçoit désormais : {kind}, sur {story} {leads} ; {threads}.",
  "subscriptions.next": "Prochains rappels",
  "subscriptions.next.story": "Prochains rappels : {story}",
  "subscriptions.next.none":
    "Aucun rappel {days, plural, one {dans le prochain jour} other {dans les # prochains jours}}.",
  "subscriptions.title.unsubscribed": "Abonnement arrêté",
  "subscriptions.stopped": "Ce canal ne reçoit plus ni rappels ni mises à jour.",
  "subscriptions.stopped.story": "Ce canal ne reçoit plus ni rappels ni mises à jour sur {story}.",
  "subscriptions.stopped.events": "Les événements programmés du serveur pour ses échéances sont supprimés.",
  "subscriptions.title.not-subscribed": "Pas d'abonnement",
  "subscriptions.was-not": "Ce canal n'était pas abonné.",
  "subscriptions.title.list": "Alertes de ce canal",
  "subscriptions.gets": "Ce canal reçoit : {kind}, sur {story}, depuis le {since}.",
  "subscriptions.gets.leads": "Ce canal reçoit : {kind}, sur {story} {leads}, depuis le {since}.",
  "subscriptions.not":
    "Ce canal n'est pas abonné. Utilisez /subscribe pour y recevoir les rappels d'échéances et les mises à jour.",
  "subscriptions.not.stopped":
    "Ce canal n'est pas abonné (arrêté : {reason}). Utilisez /subscribe pour vous abonner de nouveau.",
  "subscriptions.last-deliveries": "Derniers envois",
  "subscriptions.outcome.claimed": "en cours d'envoi",
  "subscriptions.outcome.sent": "envoyé",
  "subscriptions.outcome.sent_late": "envoyé en retard",
  "subscriptions.outcome.skipped": "ignoré",
  "subscriptions.outcome.failed": "échec",
  "subscriptions.threads.on":
    "les alertes de chaque échéance, et les nouvelles de chaque mois, dans un fil à part",
  "subscriptions.threads.also-channel":
    "les alertes de chaque échéance, et les nouvelles de chaque mois, dans un fil à part, affichées aussi dans le canal",
  "subscriptions.threads.forum": "un post par histoire dans ce forum",
  "subscriptions.threads.line.off": "Fils : off (toutes les alertes dans le canal).",
  "subscriptions.threads.line": "Fils : {mode} ({text}).",
  "subscriptions.events.paused":
    "Événements programmés en pause : {reason}, depuis le {since} ; le bot réessaiera le {retry} (ou tout de suite après /subscribe kind:events).",
  "subscriptions.curators.title": "Canal de la rédaction",
  "subscriptions.curators.title.set": "Canal de la rédaction défini",
  "subscriptions.curators.title.off": "Canal de la rédaction désactivé",
  "subscriptions.curators.title.not": "Pas un canal de la rédaction",
  "subscriptions.curators.is":
    "Ce canal est le canal de la rédaction de {story} : il reçoit un bref récapitulatif des nouvelles pistes de l'histoire trouvées depuis le {since}, au plus une fois par intervalle de récapitulatif. Les pistes ne vont jamais dans les canaux des lecteurs.",
  "subscriptions.curators.not":
    "Ce canal n'est pas le canal de la rédaction de {story}. Un gestionnaire du canal peut en faire un avec /curators action:set.",
  "subscriptions.curators.off": "Ce canal ne reçoit plus de récapitulatifs des nouvelles pistes sur {story}.",
  "subscriptions.language": "Ses alertes sont écrites en {language}.",
  "subscriptions.reason.unsubscribed": "désabonné par {user}",
  "subscriptions.reason.gone": "disparu : {detail}",
  "subscriptions.reason.missed":
    "manqué de {late} h, plus que le délai de grâce de {grace} h (le bot ne tournait pas)",
  "subscriptions.reason.unconfirmed":
    "non confirmé et manqué de {late} h, plus que le délai de grâce de {grace} h",
};
