import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const he: Translation<typeof en> = {
  "data.collection.story": "הסיפור",
  "data.collection.parties": "הצדדים",
  "data.collection.people": "אנשים",
  "data.collection.phases": "שלבים",
  "data.collection.figures": "נתונים",
  "data.collection.events": "אירועים",
  "data.collection.deadlines": "מועדים",
  "data.field.title": "כותרת",
  "data.field.summary": "תקציר",
  "data.field.text": "טקסט",
  "data.field.name": "שם",
  "data.field.description": "תיאור",
  "data.field.role": "תפקיד",
  "data.field.note": "הערה",
  "data.field.attribution": "מי אומר זאת",
  "data.field.statusNote": "הערה על המצב",
  "data.field.label": "תווית",
  "data.field.unit": "יחידה",
  "data.field.unitOne": "יחידה ביחיד",
  "data.field.derived": "כיצד חושב",
  "data.field.whenNote": "הערה על התאריך",
  "data.field.phrase": "משפט התזכורת",
};
