/**
 * The parts of the review pages: the story's tabs, a pager, and the story as readers got it at an
 * instant (phases, deadlines, figures, statements, parties and people, sources).
 */
import { html } from "hono/html";
import type { StoryAt } from "../dataset/asof.js";
import { type FigureValue, PARTY_ROLES } from "../dataset/schema.js";
import { formatInstant } from "../time/calendar.js";
import type { Clock } from "../time/clock.js";
import { evidenceHtml, publishedText } from "./evidence.js";
import { type Html, isWebAddress } from "./pages.js";

/** The instant a page's `at` names, or now. */
export function instantOf(text: string | undefined, clock: Clock): Date {
  const t = text ? Date.parse(text) : Number.NaN;
  return Number.isFinite(t) ? new Date(t) : clock.now();
}

/** The story's tabs; `newLeads`: how many leads of its feeds wait for a curator. */
export function storyNav(id: string, at: Date, newLeads: number): Html {
  const q = `?at=${encodeURIComponent(at.toISOString())}`;
  return html`<nav class="tabs" aria-label="Story">
    <a href="/desk/stories/${id}${q}">Review</a>
    <a href="/desk/stories/${id}/preview${q}">Preview replies</a>
    <a href="/desk/stories/${id}/record">Record</a>
    <a href="/desk/stories/${id}/leads">Leads (${newLeads} new)</a>
    <a href="/desk/stories/${id}/feeds">Feeds</a>
    <a href="/desk/stories/${id}/translations">Translations</a>
    <a href="/desk/stories/${id}/edit/figure-value">Figure value</a>
    <a href="/desk/stories/${id}/edit/deadline-status">Deadline status</a>
    <a href="/desk/stories/${id}/edit/deadline-move">Move a deadline</a>
    <a href="/desk/stories/${id}/edit/event">Event</a>
    <a href="/desk/stories/${id}/edit/claim">Statement</a>
    <a href="/desk/stories/${id}/edit/source">Source</a>
    <a href="/desk/stories/${id}/edit/person-role">Person's role</a>
  </nav>`;
}

export function pager(base: string, current: number, pages: number): Html {
  if (pages <= 1) return html``;
  return html`<nav aria-label="Pages">
    ${current > 1 ? html`<a href="${base}&page=${current - 1}">Previous</a>` : ""}
    Page ${current} of ${pages}
    ${current < pages ? html`<a href="${base}&page=${current + 1}">Next</a>` : ""}
  </nav>`;
}

/**
 * Phases, deadlines (with their histories), figures (with theirs), statements, parties, sources: each
 * statement with its evidence beside it.
 */
export function reviewSections(view: StoryAt): Html {
  return html`${phasesHtml(view)}${deadlinesHtml(view)}${figuresHtml(view)}
    <h2>Statements</h2>
    <ul>${view
      .claims()
      .map(
        (cl) =>
          html`<li id="claims.${cl.id}"><span dir="auto">${cl.by} (${String(cl.when)}): ${cl.text}</span>${evidenceHtml(view.story, cl.evidence ?? cl.quote, cl.sourceIds)}</li>`,
      )}</ul>
    <h2>Parties and people</h2>
    <ul>${view
      .parties()
      .map(
        (p) =>
          html`<li><span dir="auto">${p.party.name}: ${p.roles.filter((r) => PARTY_ROLES.includes(r)).join(", ")}</span>${evidenceOf(view, p.change)}</li>`,
      )}
      ${view.people().map((p) => html`<li><span dir="auto">${p.person.name}, ${p.role}</span>${evidenceOf(view, p.change)}</li>`)}</ul>
    <h2>Sources</h2>
    <ul>${view.sources().map((s) => html`<li dir="auto">${s.title} — ${s.publisher ?? ""}, ${publishedText(s)}${isWebAddress(s.url) ? html` <a href="${s.url}" rel="noreferrer noopener">link</a>` : ""}</li>`)}</ul>`;
}

/** The evidence of an entry of a history (a status, a role) or of anything citing sources. */
function evidenceOf(view: StoryAt, entry: { evidence?: string | undefined; sourceIds: readonly string[] }) {
  return evidenceHtml(view.story, entry.evidence, entry.sourceIds);
}

/** From when an entry holds, in the story's zone. */
function fromText(view: StoryAt, ms: number): string {
  return Number.isFinite(ms) ? formatInstant(new Date(ms), view.timeZone) : "from the start";
}

function phasesHtml(view: StoryAt): Html {
  return html`<h2>Phases</h2>
    <ul>${view.phases().map(
      (
        p,
      ) => html`<li><span dir="auto"><strong>${p.phase.name}</strong>: ${p.status}${p.statusChange?.note ? html` — ${p.statusChange.note}` : ""}</span>
        ${evidenceOf(view, p.phase)}
        <ul>${p.track.statuses
          .visibleAt(view.t)
          .map(
            (s) =>
              html`<li><span dir="auto">${fromText(view, s.from)}: ${s.value}${s.attribution ? html` (according to ${s.attribution})` : ""}</span>${evidenceOf(view, s)}</li>`,
          )}</ul></li>`,
    )}</ul>`;
}

function deadlinesHtml(view: StoryAt): Html {
  return html`<h2>Deadlines</h2>
    <ul>${view.deadlines().map(
      (
        d,
      ) => html`<li id="deadlines.${d.deadline.id}"><span dir="auto"><strong>${d.deadline.title}</strong> (<code>${d.deadline.id}</code>): due ${d.deadline.due}${d.version.move ? html` → ${d.version.move.due}` : ""}, ${d.status}</span>
        ${evidenceOf(view, d.deadline)}
        <ul>${d.track.statuses
          .visibleAt(view.t)
          .map(
            (s) =>
              html`<li><span dir="auto">status ${s.value} from ${fromText(view, s.from)}${s.note ? html`: ${s.note}` : ""}</span>${evidenceOf(view, s)}</li>`,
          )}
          ${d.track.dues
            .visibleAt(view.t)
            .slice(1)
            .map((v) =>
              v.move
                ? html`<li><span dir="auto">moved to ${v.move.due} on ${v.move.at} (${v.move.kind}, according to ${v.move.attribution})</span>${evidenceOf(view, v.move)}</li>`
                : "",
            )}</ul></li>`,
    )}</ul>`;
}

function figuresHtml(view: StoryAt): Html {
  return html`<h2>Figures</h2>
    <ul>${view.story.tracks.figures.map((track) => {
      const values = view.figureHistory(track);
      return values.length
        ? html`<li><span dir="auto"><strong>${track.figure.label}</strong> (<code>${track.figure.id}</code>)</span>
            <ol>${values.map(
              (v) =>
                html`<li id="figures.${track.figure.id}.values[${fileIndex(track.figure.values, v)}]"><span dir="auto">${v.value} (${v.qualifier}) as of ${v.asOf}, according to ${v.attribution}${v.corrected ? html` — corrected on ${v.corrected.on}, was ${v.corrected.was}` : ""}</span>${evidenceHtml(view.story, v.evidence, [v.sourceId])}</li>`,
            )}</ol></li>`
        : "";
    })}</ul>`;
}

/** Where a value shown is in its figure's list in the file (its anchor, for links to a saved entry). */
function fileIndex(values: readonly FigureValue[], v: FigureValue): number {
  return values.findIndex(
    (x) =>
      x.asOf === v.asOf &&
      x.sourceId === v.sourceId &&
      x.attribution === v.attribution &&
      x.evidence === v.evidence,
  );
}
