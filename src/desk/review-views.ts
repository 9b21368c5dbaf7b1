/**
 * The parts of the review pages: the story's tabs, a pager, and the story as readers got it at an
 * instant (phases, deadlines, figures, statements, parties and people, sources).
 */
import { html } from "hono/html";
import type { StoryAt } from "../dataset/asof.js";
import { type FigureValue, PARTY_ROLES } from "../dataset/schema.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { Clock } from "../time/clock.js";
import { evidenceHtml, publishedText } from "./evidence.js";
import { term } from "./language.js";
import { type Html, isWebAddress } from "./pages.js";

/** The instant a page's `at` names, or now. */
export function instantOf(text: string | undefined, clock: Clock): Date {
  const t = text ? Date.parse(text) : Number.NaN;
  return Number.isFinite(t) ? new Date(t) : clock.now();
}

/** The story's tabs; `newLeads`: how many leads of its feeds wait for a curator. */
export function storyNav(id: string, at: Date, newLeads: number, w: Words = ENGLISH): Html {
  const q = `?at=${encodeURIComponent(at.toISOString())}`;
  return html`<nav class="tabs" aria-label="${w.t("desk.nav.label")}">
    <a href="/desk/stories/${id}${q}">${w.t("desk.nav.review")}</a>
    <a href="/desk/stories/${id}/preview${q}">${w.t("desk.nav.preview")}</a>
    <a href="/desk/stories/${id}/record">${w.t("desk.nav.record")}</a>
    <a href="/desk/stories/${id}/leads">${w.t("desk.nav.leads", { count: newLeads })}</a>
    <a href="/desk/stories/${id}/feeds">${w.t("desk.nav.feeds")}</a>
    <a href="/desk/stories/${id}/translations">${w.t("desk.nav.translations")}</a>
    <a href="/desk/stories/${id}/edit/figure-value">${w.t("desk.nav.figure-value")}</a>
    <a href="/desk/stories/${id}/edit/deadline-status">${w.t("desk.nav.deadline-status")}</a>
    <a href="/desk/stories/${id}/edit/deadline-move">${w.t("desk.nav.deadline-move")}</a>
    <a href="/desk/stories/${id}/edit/event">${w.t("desk.nav.event")}</a>
    <a href="/desk/stories/${id}/edit/claim">${w.t("desk.nav.claim")}</a>
    <a href="/desk/stories/${id}/edit/source">${w.t("desk.nav.source")}</a>
    <a href="/desk/stories/${id}/edit/person-role">${w.t("desk.nav.person-role")}</a>
  </nav>`;
}

/** Links to the previous and next pages, and where the reader is ("Page 2 of 5"). */
export function pages(
  href: (page: number) => string,
  current: number,
  count: number,
  w: Words = ENGLISH,
): Html {
  if (count <= 1) return html``;
  return html`<nav aria-label="${w.t("desk.pager.label")}">
    ${current > 1 ? html`<a href="${href(current - 1)}">${w.t("desk.pager.previous")}</a>` : ""}
    ${w.t("desk.pager.page", { current, count })}
    ${current < count ? html`<a href="${href(current + 1)}">${w.t("desk.pager.next")}</a>` : ""}
  </nav>`;
}

export function pager(base: string, current: number, count: number, w: Words = ENGLISH): Html {
  if (count <= 1) return html``;
  return html`<nav aria-label="${w.t("desk.pager.label")}">
    ${current > 1 ? html`<a href="${base}&page=${current - 1}">${w.t("desk.pager.previous")}</a>` : ""}
    ${w.t("desk.pager.page", { current, count })}
    ${current < count ? html`<a href="${base}&page=${current + 1}">${w.t("desk.pager.next")}</a>` : ""}
  </nav>`;
}

/**
 * Phases, deadlines (with their histories), figures (with theirs), statements, parties, sources: each
 * statement with its evidence beside it.
 */
export function reviewSections(view: StoryAt, w: Words = ENGLISH): Html {
  const evidenceOf = (entry: { evidence?: string | undefined; sourceIds: readonly string[] }) =>
    evidenceHtml(view.story, entry.evidence, entry.sourceIds, w);
  return html`${phasesHtml(view, w)}${deadlinesHtml(view, w)}${figuresHtml(view, w)}
    <h2>${w.t("desk.review.statements")}</h2>
    <ul>${view
      .claims()
      .map(
        (cl) =>
          html`<li id="claims.${cl.id}"><span dir="auto">${cl.by} (${String(cl.when)}): ${cl.text}</span>${evidenceHtml(view.story, cl.evidence ?? cl.quote, cl.sourceIds, w)}</li>`,
      )}</ul>
    <h2>${w.t("desk.review.parties")}</h2>
    <ul>${view
      .parties()
      .map(
        (p) =>
          html`<li><span dir="auto">${p.party.name}: ${p.roles.filter((r) => PARTY_ROLES.includes(r)).join(", ")}</span>${evidenceOf(p.change)}</li>`,
      )}
      ${view.people().map((p) => html`<li><span dir="auto">${p.person.name}, ${p.role}</span>${evidenceOf(p.change)}</li>`)}</ul>
    <h2>${w.t("desk.review.sources")}</h2>
    <ul>${view.sources().map((s) => html`<li dir="auto">${s.title} — ${s.publisher ?? ""}, ${publishedText(s)}${isWebAddress(s.url) ? html` <a href="${s.url}" rel="noreferrer noopener">${w.t("desk.link")}</a>` : ""}</li>`)}</ul>`;
}

/** The evidence of an entry of a history (a status, a role) or of anything citing sources. */
function evidenceOf(
  view: StoryAt,
  entry: { evidence?: string | undefined; sourceIds: readonly string[] },
  w: Words,
) {
  return evidenceHtml(view.story, entry.evidence, entry.sourceIds, w);
}

/** From when an entry holds, in the story's zone. */
function fromText(view: StoryAt, ms: number, w: Words): string {
  return Number.isFinite(ms) ? w.instant(new Date(ms), view.timeZone) : w.t("desk.review.from-start");
}

function phasesHtml(view: StoryAt, w: Words): Html {
  return html`<h2>${w.t("desk.review.phases")}</h2>
    <ul>${view.phases().map(
      (
        p,
      ) => html`<li><span dir="auto"><strong>${p.phase.name}</strong>: ${term(w, "desk-terms.phase-status", p.status)}${p.statusChange?.note ? html` — ${p.statusChange.note}` : ""}</span>
        ${evidenceOf(view, p.phase, w)}
        <ul>${p.track.statuses
          .visibleAt(view.t)
          .map(
            (s) =>
              html`<li><span dir="auto">${fromText(view, s.from, w)}: ${term(w, "desk-terms.phase-status", s.value)}${s.attribution ? html` ${w.t("desk.review.according-to", { who: s.attribution })}` : ""}</span>${evidenceOf(view, s, w)}</li>`,
          )}</ul></li>`,
    )}</ul>`;
}

function deadlinesHtml(view: StoryAt, w: Words): Html {
  return html`<h2>${w.t("desk.review.deadlines")}</h2>
    <ul>${view.deadlines().map(
      (
        d,
      ) => html`<li id="deadlines.${d.deadline.id}"><span dir="auto"><strong>${d.deadline.title}</strong> (<code>${d.deadline.id}</code>): ${w.t("desk.review.due-on", { due: d.deadline.due })}${d.version.move ? html` → ${d.version.move.due}` : ""}, ${term(w, "desk-terms.deadline-status", d.status)}</span>
        ${evidenceOf(view, d.deadline, w)}
        <ul>${d.track.statuses
          .visibleAt(view.t)
          .map(
            (s) =>
              html`<li><span dir="auto">${w.t("desk.review.status-from", { status: term(w, "desk-terms.deadline-status", s.value), from: fromText(view, s.from, w) })}${s.note ? html`: ${s.note}` : ""}</span>${evidenceOf(view, s, w)}</li>`,
          )}
          ${d.track.dues
            .visibleAt(view.t)
            .slice(1)
            .map((v) =>
              v.move
                ? html`<li><span dir="auto">${w.t("desk.review.moved", { due: v.move.due, at: v.move.at, kind: term(w, "desk-terms.move-kind", v.move.kind), who: v.move.attribution })}</span>${evidenceOf(view, v.move, w)}</li>`
                : "",
            )}</ul></li>`,
    )}</ul>`;
}

function figuresHtml(view: StoryAt, w: Words): Html {
  return html`<h2>${w.t("desk.review.figures")}</h2>
    <ul>${view.story.tracks.figures.map((track) => {
      const values = view.figureHistory(track);
      return values.length
        ? html`<li><span dir="auto"><strong>${track.figure.label}</strong> (<code>${track.figure.id}</code>)</span>
            <ol>${values.map(
              (v) =>
                html`<li id="figures.${track.figure.id}.values[${fileIndex(track.figure.values, v)}]"><span dir="auto">${w.t("desk.review.figure-value", { value: String(v.value), qualifier: term(w, "desk-terms.qualifier", v.qualifier), asOf: v.asOf, who: v.attribution })}${v.corrected ? html` — ${w.t("desk.review.corrected", { on: v.corrected.on, was: String(v.corrected.was) })}` : ""}</span>${evidenceHtml(view.story, v.evidence, [v.sourceId], w)}</li>`,
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
