/**
 * Leads as the intake hands them to the store, and as the store gives them back, for the desk's
 * tests: an article of a story's feed with everything a lead carries, any field replaced.
 */
import type { Lead, NewLead } from "../../src/feeds/lead.js";

/** A new lead of the shipped story: a Reuters article of 2 March 2025, 09:40 UTC. */
export function newLead(fields: Partial<NewLead> = {}): NewLead {
  return {
    story: "gaza-2025",
    feedId: "reuters-world",
    outlet: "Reuters",
    title: "Talks on phase two stall in Cairo",
    link: "https://www.reuters.com/world/middle-east/talks-stall-2025-03-02/",
    publishedAt: new Date("2025-03-02T09:40:00Z"),
    summary: "Delegations left Cairo without an agreement on the second phase.",
    matched: ["ceasefire"],
    ...fields,
  };
}

/** A lead as the store gives it back: still new unless told otherwise. */
export function storedLead(fields: Partial<Lead> = {}): Lead {
  return {
    ...newLead(),
    id: 1,
    foundAt: new Date("2025-03-02T09:45:00Z"),
    state: "new",
    usedFor: undefined,
    decidedBy: undefined,
    decidedAt: undefined,
    ...fields,
  };
}
