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
import { formatInstant } from "../time/calendar.js";
import { DRAFT_FORMS, type DraftForm, entryAnchor } from "./lead-draft.js";
import { type Html, isWebAddress } from "./pages.js";

/** A tab of the leads page: one state, or every lead. */
export type LeadTab = LeadState | "all";
export const LEAD_TABS: readonly LeadTab[] = [...LEAD_STATES, "all"];

export function leadTabOf(value: string | undefined): LeadTab {
  return LEAD_TABS.find((t) => t === value) ?? "new";
}

const TAB_LABELS: Record<LeadTab, string> = { new: "New", used: "Used", dismissed: "Dismissed", all: "All" };

/** What each draft button says. */
export const DRAFT_LABELS: Record<DraftForm, string> = {
  event: "Event",
  "figure-value": "Figure value",
  "deadline-status": "Deadline status",
  "deadline-move": "Move a deadline",
  claim: "Statement (claim)",
};

/** The address of the leads page of a story, on a tab and page. */
export function leadsPath(story: string, tab: LeadTab, page = 1): string {
  return `/desk/stories/${story}/leads?state=${tab}${page > 1 ? `&page=${page}` : ""}`;
}

/** How many leads a tab holds. */
export function tabCount(counts: Record<LeadState, number>, tab: LeadTab): number {
  return tab === "all" ? LEAD_STATES.reduce((n, s) => n + counts[s], 0) : counts[tab];
}

/** The tabs, the current one marked. */
export function leadTabs(story: string, current: LeadTab, counts: Record<LeadState, number>): Html {
  return html`<nav class="tabs" aria-label="Leads by state">
    ${LEAD_TABS.map(
      (t) =>
        html`<a href="${leadsPath(story, t)}" ${t === current ? html`aria-current="page"` : ""}>${TAB_LABELS[t]} (${tabCount(counts, t)})</a>`,
    )}
  </nav>`;
}

/** What a lead row needs besides the lead: the story, the session's token, where to come back to. */
export interface LeadRowContext {
  story: Story;
  csrf: string;
  tab: LeadTab;
  page: number;
}

/** The leads of a page, newest first as the store gives them. */
export function leadList(leads: readonly Lead[], cx: LeadRowContext): Html {
  if (leads.length === 0) return html`<p>No leads here.</p>`;
  return html`<ol class="leads" aria-label="Leads">${leads.map((lead) => leadRow(lead, cx))}</ol>`;
}

function leadRow(lead: Lead, cx: LeadRowContext): Html {
  const zone = cx.story.story.timeZone;
  const titleId = `lead-${lead.id}-title`;
  return html`<li class="lead" id="lead-${lead.id}" aria-labelledby="${titleId}">
    <p><span class="outlet" dir="auto">${lead.outlet}</span>: ${articleLink(lead, titleId)}</p>
    <p class="meta">Published ${lead.publishedAt ? formatInstant(lead.publishedAt, zone) : "(the feed does not say)"}
      · found ${formatInstant(lead.foundAt, zone)}
      · matched: ${lead.matched.length ? lead.matched.join(", ") : "(no keywords)"}
      · <span class="state">${lead.state}</span></p>
    ${lead.summary ? html`<p class="summary" dir="auto">${lead.summary}</p>` : ""}
    ${lead.state === "new" ? openActions(lead, cx) : decision(lead, cx.story)}
  </li>`;
}

/** The article's title, a link only when the address is http or https. */
function articleLink(lead: Lead, id: string): Html {
  return isWebAddress(lead.link)
    ? html`<a id="${id}" href="${lead.link}" rel="noopener noreferrer nofollow" target="_blank" dir="auto">${lead.title}</a>`
    : html`<span id="${id}" dir="auto">${lead.title}</span>`;
}

/** Start a draft of each kind (a GET of the edit form, no script), or dismiss the lead (a POST). */
function openActions(lead: Lead, cx: LeadRowContext): Html {
  const id = cx.story.story.id;
  return html`<div class="lead-actions" role="group" aria-label="Start a draft">
      <span>Start a draft:</span>
      ${DRAFT_FORMS.map(
        (form) => html`<form method="get" action="/desk/stories/${id}/edit/${form}" class="inline">
          <input type="hidden" name="lead" value="${String(lead.id)}" />
          <button type="submit">${DRAFT_LABELS[form]}</button>
        </form>`,
      )}
    </div>
    <form method="post" action="/desk/stories/${id}/leads/${String(lead.id)}/dismiss" class="inline">
      <input type="hidden" name="_csrf" value="${cx.csrf}" />
      <input type="hidden" name="state" value="${cx.tab}" />
      <input type="hidden" name="page" value="${String(cx.page)}" />
      <button type="submit">Dismiss</button>
    </form>`;
}

/** Who used or dismissed a lead, when, and for a used one the entry it became. */
function decision(lead: Lead, story: Story): Html {
  const who = `${lead.decidedBy ?? "someone"}${lead.decidedAt ? `, ${formatInstant(lead.decidedAt, story.story.timeZone)}` : ""}`;
  if (lead.state === "dismissed") return html`<p class="decided">Dismissed by ${who}.</p>`;
  const entry = lead.usedFor ?? "";
  return html`<p class="decided">Used by ${who} for
    <a href="/desk/stories/${story.story.id}#${entryAnchor(entry)}" class="used-for"><code>${entry}</code></a>.</p>`;
}

/** Why a draft or a dismissal cannot go on: another curator decided the lead in the meantime. */
export function staleLead(lead: Lead, story: Story): Html {
  return html`<div class="conflict" role="alert">
    <p><strong>This lead is no longer open</strong>: someone else decided it while you had it open.</p>
    <p dir="auto">${lead.outlet}: ${lead.title}</p>
    ${decision(lead, story)}
    <p><a href="${leadsPath(story.story.id, "new")}">Back to the new leads</a></p>
  </div>`;
}
