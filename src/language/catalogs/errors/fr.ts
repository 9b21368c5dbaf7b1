import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "errors.none": "aucun",
  "errors.internal.title": "Une erreur s'est produite",
  "errors.internal.text":
    "Le bot a échoué de notre côté. L'erreur a été consignée ; veuillez réessayer plus tard.",
  "errors.restarting.title": "Le bot redémarre",
  "errors.restarting.text":
    "Il n'accepte pas de nouvelles commandes pour le moment. Veuillez réessayer dans quelques secondes.",
  "errors.unknown-command.title": "Commande inconnue",
  "errors.unknown-command.text": "La commande `{command}` n'existe pas. Essayez {known}.",
  "errors.unreadable-command.title": "Impossible de lire cette commande",
  "errors.invalid-option.title": "Option non valide pour {command}",
  "errors.unknown-value.story.title": "Dossier inconnu",
  "errors.unknown-value.story.text": "Il n'existe pas de dossier `{value}`. Dossiers : {known}.",
  "errors.unknown-value.story.text-as-of":
    "Il n'existe pas de dossier `{value}` au {asOf}. Dossiers : {known}.",
  "errors.unknown-value.tag.title": "Étiquette inconnue",
  "errors.unknown-value.tag.text": "Il n'existe pas d'étiquette `{value}`. Étiquettes : {known}.",
  "errors.unknown-value.tag.text-as-of":
    "Il n'existe pas d'étiquette `{value}` au {asOf}. Étiquettes : {known}.",
  "errors.unknown-value.phase.title": "Phase inconnue",
  "errors.unknown-value.phase.text": "Il n'existe pas de phase `{value}`. Phases : {known}.",
  "errors.unknown-value.phase.text-as-of": "Il n'existe pas de phase `{value}` au {asOf}. Phases : {known}.",
  "errors.unknown-value.figure.title": "Chiffre inconnu",
  "errors.unknown-value.figure.text": "Il n'existe pas de chiffre `{value}`. Chiffres : {known}.",
  "errors.unknown-value.figure.text-as-of":
    "Il n'existe pas de chiffre `{value}` au {asOf}. Chiffres : {known}.",
  "errors.unknown-value.party.title": "Partie inconnue",
  "errors.unknown-value.party.text": "Il n'existe pas de partie `{value}`. Parties : {known}.",
  "errors.unknown-value.party.text-as-of":
    "Il n'existe pas de partie `{value}` au {asOf}. Parties : {known}.",
  "errors.unknown-value.deadline.title": "Échéance inconnue",
  "errors.unknown-value.deadline.text": "Il n'existe pas d'échéance `{value}`. Échéances : {known}.",
  "errors.unknown-value.deadline.text-as-of":
    "Il n'existe pas d'échéance `{value}` au {asOf}. Échéances : {known}.",
  "errors.no-data.phases.title": "Aucune phase",
  "errors.no-data.phases.text": "Le dossier « {story} » ne comporte encore aucune phase.",
  "errors.no-data.phases.text-as-of": "Le dossier « {story} » ne comporte aucune phase au {asOf}.",
  "errors.no-data.captive-figures.title": "Aucun chiffre sur les otages ou les prisonniers",
  "errors.no-data.captive-figures.text":
    "Le dossier « {story} » ne comporte encore aucun chiffre sur les otages ou les prisonniers.",
  "errors.no-data.captive-figures.text-as-of":
    "Le dossier « {story} » ne comporte aucun chiffre sur les otages ou les prisonniers au {asOf}.",
  "errors.no-data.figures.title": "Aucun chiffre",
  "errors.no-data.figures.text": "Le dossier « {story} » ne comporte encore aucun chiffre.",
  "errors.no-data.figures.text-as-of": "Le dossier « {story} » ne comporte aucun chiffre au {asOf}.",
  "errors.no-data.figures-in-category.title": "Aucun chiffre dans la catégorie {category}",
  "errors.no-data.figures-in-category.text":
    "Le dossier « {story} » ne comporte encore aucun chiffre dans la catégorie {category}.",
  "errors.no-data.figures-in-category.text-as-of":
    "Le dossier « {story} » ne comporte aucun chiffre dans la catégorie {category} au {asOf}.",
  "errors.readers-channel.title": "Ce salon est celui des lecteurs",
  "errors.readers-channel.text":
    "Ce salon reçoit les alertes destinées aux lecteurs sur {story} ; il ne peut donc pas être le salon des éditeurs de ce dossier : les pistes sont réservées aux éditeurs. Choisissez un autre salon, ou utilisez d'abord /unsubscribe ici.",
  "errors.curators-channel.title": "Ce salon est celui des éditeurs",
  "errors.curators-channel.text":
    "Ce salon est celui des éditeurs de {story} et reçoit son récapitulatif des nouvelles pistes ; il ne peut donc pas être aussi un salon de lecteurs pour ce dossier. Abonnez un autre salon, ou utilisez d'abord /curators action:off ici.",
  "errors.no-scheduled-events.title": "Pas d'événements programmés ici",
  "errors.no-scheduled-events.text":
    "kind:events aligne les événements programmés d'un serveur sur les échéances, et cet espace de travail n'a pas d'événements programmés. Utilisez plutôt kind:reminders ici.",
  "errors.events-permission.title": "Il manque au bot la permission Manage Events",
  "errors.events-permission.text":
    "Pour gérer les événements programmés de ce serveur, le bot a besoin de la permission Manage Events (ou Create Events) sur ce serveur. Accordez-la au rôle du bot dans Server Settings → Roles, puis relancez /subscribe kind:events.",
  "errors.threads-in-thread.title": "Les fils ont besoin d'un salon",
  "errors.threads-in-thread.text":
    "Ceci est un fil, et un fil ne peut pas contenir ses propres fils. Utilisez /subscribe threads:on dans le salon lui-même, ou dans une publication d'un forum pour donner à chaque dossier sa propre publication ; ici, /subscribe sans threads publie chaque alerte dans ce fil.",
  "errors.not-allowed.title": "Non autorisé",
  "errors.not-allowed.text":
    "Seules les personnes qui peuvent gérer ce salon peuvent utiliser {command} ici : les gestionnaires du salon, les administrateurs et propriétaires de l'espace de travail, et les administrateurs configurés du bot. Adressez-vous à l'un d'eux.",
  "errors.needs-channel.title": "{command} fonctionne dans un salon",
  "errors.needs-channel.text":
    "{command} porte sur le salon où la commande est saisie : utilisez-la dans un salon où se trouve le bot, ou dans le bot en console (ceasefire-bot start).",
  "errors.no-store.title": "Non disponible",
  "errors.no-store.text": "{command} a besoin du stockage du bot, qui n'est pas configuré ici.",
  "errors.calendar-unpublished.title": "Le calendrier n'est pas publié",
  "errors.calendar-unpublished.text":
    "L'opérateur de ce bot n'a pas publié ses flux de calendrier (l'adresse publique du bot n'est pas configurée) : il n'y a donc pas encore de lien auquel s'abonner. Demandez-lui de définir PUBLIC_URL.",
  "errors.stale-button.title": "Ce bouton ne fonctionne plus",
  "errors.stale-button.text":
    "Il appartient à une ancienne version du bot. Relancez la commande pour obtenir un nouveau message.",
};
