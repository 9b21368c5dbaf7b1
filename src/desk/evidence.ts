/**
 * The evidence behind a statement, as the desk shows it beside the statement: the quote, word for
 * word, and the source it is from (the statement's first: docs/decisions/0017-known-from-per-statement.md),
 * with its title, publisher, publication and id, and a link when its address is http: or https:.
 * Every text goes through hono's `html` template, which escapes it.
 */
import { html } from "hono/html";
import type { IndexedSource, Story } from "../dataset/dataset.js";
import { statementsOf } from "../dataset/statements.js";
import { ENGLISH, type Words } from "../language/words.js";
import { isWithin } from "./edit-text.js";
import { type Html, isWebAddress } from "./pages.js";

/** A source's publication as written: its date, or its instant with the offset the page gave. */
export function publishedText(source: IndexedSource): string {
  const when = source.publication.when;
  return when.precision === "instant" ? when.iso : when.date;
}

/** The quote and its source; nothing for a statement that cites no source or quotes none. */
export function evidenceHtml(
  story: Story,
  evidence: string | undefined,
  sourceIds: readonly string[] | undefined,
  w: Words = ENGLISH,
): Html {
  const id = sourceIds?.[0];
  if (!evidence || !id) return html``;
  const source = story.sourcesById.get(id);
  const url = isWebAddress(source?.url) ? source?.url : undefined;
  return html`<figure class="evidence">
    <blockquote dir="auto"${url ? html` cite="${url}"` : ""}>${evidence}</blockquote>
    <figcaption>— ${
      source
        ? html`<cite dir="auto">${source.title}</cite>${source.publisher ? html`, <span dir="auto">${source.publisher}</span>` : ""}, ${publishedText(source)}`
        : ""
    } (<code>${id}</code>)${url ? html` <a href="${url}" rel="noreferrer noopener">${w.t("desk.link")}</a>` : ""}</figcaption>
  </figure>`;
}

/** The statements an edit writes at `at`, each with its evidence: what the check page shows. */
export function entryEvidence(story: Story, at: string, w: Words = ENGLISH): Html {
  const statements = statementsOf(story).filter((s) => isWithin(s.path, at) && s.sourceIds.length > 0);
  if (statements.length === 0) return html``;
  return html`<h2 id="evidence-title">${w.t("desk.evidence.title")}</h2>
    <ul aria-labelledby="evidence-title">${statements.map(
      (s) => html`<li><code>${s.path}</code>${evidenceHtml(story, s.evidence, s.sourceIds, w)}</li>`,
    )}</ul>`;
}
