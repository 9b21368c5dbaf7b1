/**
 * The parts of the leads page: the tabs of the lead states (with their counts) and each lead as the
 * feed gave it, escaped like every text of the desk: outlet, title (a link to the article, opened
 * apart and without a referrer, http and https only), published and found instants in the story's
 * zone, matched keywords, summary and state; an open lead's "Start a draft" buttons and "Dismiss";
 * a used lead's link to its saved entry. A lead someone else decided shows who and when instead.
 */
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import { LEAD_STATES, type Lead, type LeadState } from "../feeds/lead.js";
import { ENGLISH, type Words } from "../language/words.js";
import { rich, term } from "./language.js";
import { DRAFT_FORMS, type DraftForm, entryAnchor } from "./lead-draft.js";
import { type Html, isWebAddress } from "./pages.js";

/** A tab of the leads page: one state, or every lead. */
export type LeadTab = LeadState | "all";
export const LEAD_TABS: readonly LeadTab[] = [...LEAD_STATES, "all"];

export function leadTabOf(value: string | undefined): LeadTab {
  return LEAD_TABS.find((t) => t === value) ?? "new";
}

/** What each draft button says ("Event", "Figure value", …). */
export function draftLabel(form: DraftForm, w: Words = ENGLISH): string {
  return w.t(`desk-leads.draft.${form}` as const);
}

/** The address of the leads page of a story, on a tab and page. */
export function leadsPath(story: string, tab: LeadTab, page = 1): string {
  return `/desk/stories/${story}/leads?state=${tab}${page > 1 ? `&page=${page}` : ""}`;
}

/** How many leads a tab holds. */
export function tabCount(counts: Record<LeadState, number>, tab: LeadTab): number {
  return tab === "all" ? LEAD_STATES.reduce((n, s) => n + counts[s], 0) : counts[tab];
}

/** The tabs, the current one marked. */
export function leadTabs(
  story: string,
  current: LeadTab,
  counts: Record<LeadState, number>,
  w: Words = ENGLISH,
): Html {
  return html`<nav class="tabs" aria-label="${w.t("desk-leads.tabs")}">
    ${LEAD_TABS.map(
      (t) =>
        html`<a href="${leadsPath(story, t)}" ${t === current ? html`aria-current="page"` : ""}>${w.t(`desk-leads.tab.${t}` as const, { count: tabCount(counts, t) })}</a>`,
    )}
  </nav>`;
}

/** What a lead row needs besides the lead: the story, the session's token, where to come back to. */
export interface LeadRowContext {
  story: Story;
  csrf: string;
  tab: LeadTab;
  page: number;
  /** The curator's words (English when not given). */
  words?: Words;
}

/** The leads of a page, newest first as the store gives them. */
export function leadList(leads: readonly Lead[], cx: LeadRowContext): Html {
  const w = cx.words ?? ENGLISH;
  if (leads.length === 0) return html`<p>${w.t("desk-leads.none")}</p>`;
  return html`<ol class="leads" aria-label="${w.t("desk-leads.title")}">${leads.map((lead) => leadRow(lead, cx, w))}</ol>`;
}

function leadRow(lead: Lead, cx: LeadRowContext, w: Words): Html {
  const zone = cx.story.story.timeZone;
  const titleId = `lead-${lead.id}-title`;
  const published = lead.publishedAt ? w.instant(lead.publishedAt, zone) : w.t("desk-leads.no-date");
  const matched = lead.matched.length ? lead.matched.join(", ") : w.t("desk-leads.no-keywords");
  return html`<li class="lead" id="lead-${lead.id}" aria-labelledby="${titleId}">
    <p><span class="outlet" dir="auto">${lead.outlet}</span>: ${articleLink(lead, titleId)}</p>
    <p class="meta">${w.t("desk-leads.published", { at: published })}
      · ${w.t("desk-leads.found", { at: w.instant(lead.foundAt, zone) })}
      · ${w.t("desk-leads.matched", { words: matched })}
      · <span class="state">${term(w, "desk-terms.lead-state", lead.state)}</span></p>
    ${lead.summary ? html`<p class="summary" dir="auto">${lead.summary}</p>` : ""}
    ${lead.state === "new" ? openActions(lead, cx, w) : decision(lead, cx.story, w)}
  </li>`;
}

/** The article's title, a link only when the address is http or https. */
function articleLink(lead: Lead, id: string): Html {
  return isWebAddress(lead.link)
    ? html`<a id="${id}" href="${lead.link}" rel="noopener noreferrer nofollow" target="_blank" dir="auto">${lead.title}</a>`
    : html`<span id="${id}" dir="auto">${lead.title}</span>`;
}

/** Start a draft of each kind (a GET of the edit form, no script), or dismiss the lead (a POST). */
function openActions(lead: Lead, cx: LeadRowContext, w: Words): Html {
  const id = cx.story.story.id;
  return html`<div class="lead-actions" role="group" aria-label="${w.t("desk-leads.start-draft")}">
      <span>${w.t("desk-leads.start-draft-colon")}</span>
      ${DRAFT_FORMS.map(
        (form) => html`<form method="get" action="/desk/stories/${id}/edit/${form}" class="inline">
          <input type="hidden" name="lead" value="${String(lead.id)}" />
          <button type="submit">${draftLabel(form, w)}</button>
        </form>`,
      )}
    </div>
    <form method="post" action="/desk/stories/${id}/leads/${String(lead.id)}/dismiss" class="inline">
      <input type="hidden" name="_csrf" value="${cx.csrf}" />
      <input type="hidden" name="state" value="${cx.tab}" />
      <input type="hidden" name="page" value="${String(cx.page)}" />
      <button type="submit">${w.t("desk-leads.dismiss")}</button>
    </form>`;
}

/** Who used or dismissed a lead, when, and for a used one the entry it became. */
function decision(lead: Lead, story: Story, w: Words): Html {
  const by = lead.decidedBy ?? w.t("desk-leads.someone");
  const who = lead.decidedAt
    ? w.t("desk-leads.who-when", { who: by, at: w.instant(lead.decidedAt, story.story.timeZone) })
    : by;
  if (lead.state === "dismissed")
    return html`<p class="decided">${w.t("desk-leads.dismissed-by", { who })}</p>`;
  const entry = lead.usedFor ?? "";
  const link = html`<a href="/desk/stories/${story.story.id}#${entryAnchor(entry)}" class="used-for"><code>${entry}</code></a>`;
  return html`<p class="decided">${rich(w, "desk-leads.used-by", { who, entry: link })}</p>`;
}

/** Why a draft or a dismissal cannot go on: another curator decided the lead in the meantime. */
export function staleLead(lead: Lead, story: Story, w: Words = ENGLISH): Html {
  const closed = html`<strong>${w.t("desk-leads.stale.closed")}</strong>`;
  return html`<div class="conflict" role="alert">
    <p>${rich(w, "desk-leads.stale.text", { closed })}</p>
    <p dir="auto">${lead.outlet}: ${lead.title}</p>
    ${decision(lead, story, w)}
    <p><a href="${leadsPath(story.story.id, "new")}">${w.t("desk-leads.stale.back")}</a></p>
  </div>`;
}
