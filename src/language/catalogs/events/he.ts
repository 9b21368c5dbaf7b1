import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "events.due.instant": "{phrase} ב־{when}.",
  "events.due.date": "{phrase} ב־{date}.",
  "events.moved": "המועד הוזז ({kind}), לפי {by}.",
  "events.status": "מצב: {status}.",
  "events.status.by": "מצב: {status}, לפי {by}.",
  "events.source": "מקור: {source}",
  "events.state.scheduled": "מתוכנן",
  "events.state.met": "קוים",
  "events.state.missed": "לא קוים במועד",
  "events.state.extended": "הוארך",
  "events.state.postponed": "נדחה",
  "events.state.disputed": "שנוי במחלוקת",
  "events.state.cancelled": "בוטל",
  "events.kind.extended": "הארכה",
  "events.kind.postponed": "דחייה",
  "events.kind.brought-forward": "הקדמה",
};
