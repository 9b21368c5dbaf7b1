/**
 * The whole catalog: every area's messages merged per language. An area is added here by one line;
 * its keys carry its prefix, so areas never collide (test/language/catalogs.test.ts checks).
 */
import { alerts } from "./alerts/index.js";
import { calendar } from "./calendar/index.js";
import { calendarFeed } from "./calendar-feed/index.js";
import { captives } from "./captives/index.js";
import { claims } from "./claims/index.js";
import { common } from "./common/index.js";
import { data } from "./data/index.js";
import { deadlines } from "./deadlines/index.js";
import { describe } from "./describe/index.js";
import { desk } from "./desk/index.js";
import { deskForms } from "./desk-forms/index.js";
import { deskLeads } from "./desk-leads/index.js";
import { deskTerms } from "./desk-terms/index.js";
import { digest } from "./digest/index.js";
import { errors } from "./errors/index.js";
import { events } from "./events/index.js";
import { figures } from "./figures/index.js";
import { help } from "./help/index.js";
import { home } from "./home/index.js";
import { language } from "./language/index.js";
import { options } from "./options/index.js";
import { parties } from "./parties/index.js";
import { phase } from "./phase/index.js";
import { phrases } from "./phrases/index.js";
import { pictures } from "./pictures/index.js";
import { render } from "./render/index.js";
import { sources } from "./sources/index.js";
import { subscriptions } from "./subscriptions/index.js";
import { threads } from "./threads/index.js";
import { timeline } from "./timeline/index.js";
import { translations } from "./translations/index.js";

const AREAS = [
  alerts,
  calendar,
  calendarFeed,
  captives,
  claims,
  common,
  data,
  deadlines,
  describe,
  desk,
  deskForms,
  deskLeads,
  deskTerms,
  digest,
  errors,
  events,
  figures,
  help,
  home,
  language,
  options,
  parties,
  phase,
  phrases,
  pictures,
  render,
  sources,
  subscriptions,
  threads,
  timeline,
  translations,
] as const;

type AreaKeys<A> = A extends { en: infer E } ? keyof E : never;

/** Every message key of the catalog. */
export type MessageKey = AreaKeys<(typeof AREAS)[number]> & string;

export type Catalog = Readonly<Record<MessageKey, string>>;

function merged(language: "en" | "ar" | "he" | "fr"): Catalog {
  return Object.assign({}, ...AREAS.map((area) => area[language])) as Catalog;
}

export const CATALOGS = { en: merged("en"), ar: merged("ar"), he: merged("he"), fr: merged("fr") } as const;

/** The areas, for the tests that check each one. */
export const CATALOG_AREAS: readonly { readonly en: object }[] = AREAS;
