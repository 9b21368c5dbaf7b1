import { defineArea } from "../../catalog.js";
import { ar } from "./ar.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import { he } from "./he.js";

export const calendarFeed = defineArea({ en, ar, he, fr });
