/**
 * The whole catalog: every area's messages merged per language. An area is added here by one line;
 * its keys carry its prefix, so areas never collide (test/language/catalogs.test.ts checks).
 */
import { common } from "./common/index.js";
import { desk } from "./desk/index.js";
import { deskForms } from "./desk-forms/index.js";
import { deskLeads } from "./desk-leads/index.js";
import { deskTerms } from "./desk-terms/index.js";

const AREAS = [common, desk, deskForms, deskLeads, deskTerms] as const;

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
