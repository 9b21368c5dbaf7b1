import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "describe.option.story": "L'histoire sur laquelle répondre (par défaut : celle du jeu de données)",
  "describe.option.private": "Vous seul voyez la réponse",

  "describe.phase": "La phase du cessez-le-feu en vigueur, son nombre de jours, son calendrier et ses termes",
  "describe.phase.phase": "L'identifiant d'une phase, comme phase-two (par défaut : la phase en cours)",

  "describe.captives": "Combien d'otages restent, combien seraient en vie, et les derniers échanges",

  "describe.timeline":
    "Les événements du cessez-le-feu dans l'ordre, filtrés par dates et étiquette, page par page",
  "describe.timeline.from": "Première date affichée, comme 2025-01-01",
  "describe.timeline.to": "Dernière date affichée, comme 2025-03-01",
  "describe.timeline.tag": "Seulement les événements portant cette étiquette, comme phase-one",
  "describe.timeline.page": "Numéro de page (par défaut 1)",

  "describe.deadlines": "Les échéances à venir et passées de l'accord, avec leur statut",
  "describe.deadlines.show": "Quelles échéances (par défaut : à venir, puis passées)",
  "describe.deadlines.show.upcoming": "à venir",
  "describe.deadlines.show.past": "passées",
  "describe.deadlines.show.all": "toutes",
  "describe.deadlines.status": "Seulement les échéances ayant ce statut",
  "describe.deadlines.status.scheduled": "prévue",
  "describe.deadlines.status.met": "respectée",
  "describe.deadlines.status.missed": "manquée",
  "describe.deadlines.status.extended": "prolongée",
  "describe.deadlines.status.postponed": "reportée",
  "describe.deadlines.status.disputed": "contestée",
  "describe.deadlines.status.cancelled": "annulée",
  "describe.deadlines.deadline":
    "L'identifiant d'une échéance, pour voir son historique : ses dates et statuts",

  "describe.calendar": "S'abonner aux échéances et fins de phase d'une histoire dans votre agenda",

  "describe.figures": "Les chiffres clés (otages, prisonniers, victimes, déplacés) et qui les avance",
  "describe.figures.category": "Seulement les chiffres de cette catégorie",
  "describe.figures.category.captives": "otages",
  "describe.figures.category.prisoners": "prisonniers",
  "describe.figures.category.casualties": "victimes",
  "describe.figures.category.displacement": "déplacements",
  "describe.figures.category.other": "autres",
  "describe.figures.figure": "L'identifiant d'un chiffre, pour voir tout son historique",

  "describe.parties": "Les parties, médiateurs et personnes impliqués, tels que les sources les décrivent",

  "describe.claims": "Ce que chaque camp et les médiateurs ont déclaré, attribué et daté",
  "describe.claims.party": "Seulement les déclarations de cette partie, comme israel ou hamas",

  "describe.sources": "D'où viennent les informations du bot, et les citations derrière une réponse",
  "describe.sources.of":
    "Une autre question, comme captives : la citation derrière chaque point de sa réponse",
  "describe.sources.with": "Les options de cette question, en chaîne de requête (page=2&from=2025-01-01)",

  "describe.subscribe": "Publier dans ce canal les rappels d'échéances et/ou les actualités",
  "describe.subscribe.kind":
    "Ce que reçoit le canal (par défaut : all) ; events : les événements programmés du serveur",
  "describe.subscribe.kind.reminders": "rappels",
  "describe.subscribe.kind.updates": "actualités",
  "describe.subscribe.kind.all": "tout",
  "describe.subscribe.kind.events": "événements",
  "describe.subscribe.lead":
    "Quand rappeler avant chaque échéance, comme 1d,2h (par défaut : celui de l'échéance)",
  "describe.subscribe.story":
    "Quelle histoire : son identifiant, ou all (par défaut : l'histoire par défaut)",
  "describe.subscribe.threads":
    "Alertes de chaque échéance dans un fil : on, also-channel (aussi ici), off (par défaut)",
  "describe.subscribe.threads.off": "désactivé",
  "describe.subscribe.threads.on": "activé",
  "describe.subscribe.threads.also-channel": "aussi dans le canal",
  "describe.subscribe.language":
    "La langue des alertes de ce canal (par défaut : celle du canal ou du serveur)",
  "describe.subscribe.language.en": "anglais — English",
  "describe.subscribe.language.ar": "arabe — العربية",
  "describe.subscribe.language.he": "hébreu — עברית",
  "describe.subscribe.language.fr": "Français",

  "describe.unsubscribe": "Ne plus publier de rappels ni d'actualités dans ce canal",
  "describe.unsubscribe.story": "Arrêter seulement les alertes de cette histoire (par défaut : toutes)",

  "describe.subscriptions": "Ce que reçoit ce canal, ses prochaines alertes et ses derniers envois",

  "describe.curators":
    "Faire de ce canal celui des éditeurs d'une histoire : ses nouvelles pistes, jamais pour les lecteurs",
  "describe.curators.action":
    "set : en faire le canal des éditeurs ; off : arrêter ; show : afficher (par défaut : show)",
  "describe.curators.action.set": "définir",
  "describe.curators.action.off": "arrêter",
  "describe.curators.action.show": "afficher",
  "describe.curators.story": "Quelle histoire (par défaut : l'histoire par défaut)",

  "describe.language":
    "La langue dans laquelle le bot vous répond : la choisir, ou voir laquelle et pourquoi",
  "describe.language.language": "Votre langue (reset : revenir à celle de votre application ou du serveur)",
  "describe.language.language.en": "anglais — English",
  "describe.language.language.ar": "arabe — العربية",
  "describe.language.language.he": "hébreu — עברית",
  "describe.language.language.fr": "Français",
  "describe.language.language.reset": "réinitialiser",

  "describe.help": "Ce que le bot peut vous dire et comment le lui demander",
};
