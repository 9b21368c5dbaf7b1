import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "events.due.instant": "{phrase} le {when}.",
  "events.due.date": "{phrase} le {date}.",
  "events.moved": "Déplacé ({kind}), selon {by}.",
  "events.status": "Statut : {status}.",
  "events.status.by": "Statut : {status}, selon {by}.",
  "events.source": "Source : {source}",
  "events.state.scheduled": "prévu",
  "events.state.met": "respecté",
  "events.state.missed": "non respecté",
  "events.state.extended": "prolongé",
  "events.state.postponed": "reporté",
  "events.state.disputed": "contesté",
  "events.state.cancelled": "annulé",
  "events.kind.extended": "prolongation",
  "events.kind.postponed": "report",
  "events.kind.brought-forward": "avancée",
};
