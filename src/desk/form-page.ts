/**
 * The edit forms' pages: each form's fields (labelled, with their values and errors) and the version
 * of the file the form was opened at.
 */
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import type { MessageKey, Words } from "../language/words.js";
import { ENGLISH } from "../language/words.js";
import type { Session } from "./auth.js";
import { correctsValue, type Form, type FormName } from "./edits.js";
import { feedFields } from "./feed-edits.js";
import { rich, term } from "./language.js";
import { SOURCE_FIELDS } from "./lead-draft.js";
import { type Field, fieldHtml, type Html } from "./pages.js";

/**
 * A form page: the form's fields with their values and errors, the version it was opened at; after a
 * refused save, an alert above it and the file's current values beside it.
 */
export function formPage(
  session: Session,
  story: Story,
  name: FormName,
  values: Form,
  errors: Record<string, string>,
  version: string,
  around: { alert?: Html; beside?: Html } = {},
  w: Words = ENGLISH,
): Html {
  const form = formHtml(session, story, name, values, errors, version, w);
  return html`<h1>${formTitle(name, w)}</h1>
    <p dir="auto">${story.story.title}</p>
    ${around.alert ?? ""}
    ${around.beside ? html`<div class="beside"><div>${form}</div>${around.beside}</div>` : form}`;
}

/** A form's title in the curator's words ("Add a figure value"). */
export function formTitle(name: FormName, w: Words = ENGLISH): string {
  return w.t(`desk-forms.title.${name}` as const);
}

/** The form itself (after the figure chooser, for a figure's value). */
function formHtml(
  session: Session,
  story: Story,
  name: FormName,
  values: Form,
  errors: Record<string, string>,
  version: string,
  w: Words,
): Html {
  const draft = typeof values.lead === "string" && values.lead !== "";
  // A draft's entry cites the new source it adds, so it asks for no other.
  const fields = formFields(story, name, values, w).filter(
    (f) => !draft || (f.name !== "sourceId" && f.name !== "sourceIds"),
  );
  const figure = name === "figure-value" ? figureOf(story, values.figure) : undefined;
  return html`${figure ? figureChooser(story, figure, draft ? String(values.lead) : undefined, w) : ""}
    ${errors._story ? html`<div class="error" role="alert"><p>${w.t("desk-forms.invalid-story")}</p><pre>${errors._story}</pre></div>` : ""}
    ${Object.keys(errors).filter((k) => k !== "_story").length ? html`<p class="error" role="alert">${w.t("desk-forms.correct-fields")}</p>` : ""}
    <form method="post" action="/desk/stories/${story.story.id}/edit/${name}" class="form">
      <input type="hidden" name="_csrf" value="${session.csrf}" />
      <input type="hidden" name="version" value="${version}" />
      ${draft ? draftSource(values, errors, w) : ""}
      ${figure ? chosenFigure(figure, errors.figure, w) : ""}
      ${fields.map((f) => fieldHtml(f, errors[f.name]))}
      ${
        name === "figure-value" || name === "feed" || name === "feed-remove"
          ? ""
          : html`<div class="field"><label><input type="checkbox" name="correction" ${values.correction === "on" ? "checked" : ""} /> ${w.t("desk-forms.is-correction")}</label></div>`
      }
      <button type="submit" name="action" value="check">${w.t("desk-forms.check")}</button>
    </form>`;
}

/** Makes a field of a form with the value the form holds for it. */
type FieldMaker = (name: string, label: string, extra?: Partial<Field>) => Field;

/** Codes of the data as a select offers them: the code sent, its word shown. */
function codes(w: Words, group: string, list: readonly string[]): { value: string; label: string }[] {
  return list.map((value) => ({ value, label: term(w, group, value) }));
}

function formFields(story: Story, name: FormName, v: Form, w: Words): Field[] {
  const val = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  const f: FieldMaker = (name, label, extra = {}) => ({
    name,
    label,
    ...(val(name) !== undefined ? { value: val(name) } : {}),
    ...extra,
  });
  const l = (key: string) => w.t(`desk-forms.label.${key}` as MessageKey);
  const sources = story.sources.map((s) => ({ value: s.id, label: `${s.id} — ${s.title}` }));
  const ids = (items: readonly { id: string }[], labelOf: (x: { id: string }) => string = (x) => x.id) =>
    items.map((x) => ({ value: x.id, label: labelOf(x) }));
  const sourceHint = {
    hint: w.t("desk-forms.hint.source-ids", { ids: story.sources.map((s) => s.id).join(", ") }),
  };
  const firstSource = w.t("desk-forms.hint.first-source");
  switch (name) {
    case "figure-value":
      return figureValueFields(figureOf(story, val("figure")), f, sources, w);
    case "deadline-status":
      return [
        f("deadline", l("deadline"), { type: "select", choices: ids(story.deadlines) }),
        f("status", l("status"), {
          type: "select",
          choices: codes(w, "desk-terms.deadline-status", FORM_STATUSES),
        }),
        f("from", l("from-instant"), { required: true }),
        f("note", l("note"), { type: "textarea" }),
        f("attribution", l("according-to")),
        f("sourceIds", l("sources"), sourceHint),
        evidence(f, w.t("desk-forms.hint.deadline-source"), w),
      ];
    case "deadline-move":
      return [
        f("deadline", l("deadline"), { type: "select", choices: ids(story.deadlines) }),
        f("at", l("moved-on"), { required: true }),
        f("due", l("new-due"), { required: true }),
        f("kind", l("kind"), { type: "select", choices: codes(w, "desk-terms.move-kind", MOVE_KINDS) }),
        f("attribution", l("according-to"), { required: true }),
        f("sourceIds", l("sources"), sourceHint),
        evidence(f, firstSource, w),
        f("note", l("note")),
      ];
    case "event":
      return [
        f("id", l("id-dashes"), { required: true }),
        f("when", l("when-instant"), { required: true }),
        f("title", l("title"), { required: true }),
        f("description", l("description"), { type: "textarea" }),
        f("attribution", l("according-to")),
        f("tags", l("tags")),
        f("sourceIds", l("sources"), sourceHint),
        evidence(f, firstSource, w),
      ];
    case "claim":
      return [
        f("id", l("id"), { required: true }),
        f("when", l("when"), { required: true }),
        f("by", l("by"), { required: true }),
        f("partyIds", l("parties"), {
          hint: w.t("desk-forms.hint.party-ids", { ids: story.parties.map((p) => p.id).join(", ") }),
        }),
        f("personIds", l("people"), {
          hint: w.t("desk-forms.hint.person-ids", { ids: story.people.map((p) => p.id).join(", ") }),
        }),
        f("text", l("said"), { type: "textarea", required: true }),
        f("quote", l("quote"), { type: "textarea" }),
        f("sourceIds", l("sources"), sourceHint),
        evidence(f, w.t("desk-forms.hint.claim-evidence"), w),
      ];
    case "source":
      return [
        f("id", l("id"), { required: true }),
        f("title", l("title"), { required: true }),
        f("publisher", l("publisher")),
        f("url", l("address")),
        f("published", l("published"), { required: true }),
        f("publishedTime", l("published-time"), { hint: w.t("desk-forms.hint.published-time") }),
        f("publishedZone", l("published-zone"), {
          hint: w.t("desk-forms.hint.published-zone", { zone: story.story.timeZone }),
        }),
      ];
    case "feed":
    case "feed-remove":
      return feedFields(story, name, f, w);
    case "person-role":
      return [
        f("person", l("person"), { type: "select", choices: ids(story.people) }),
        f("role", l("role"), { required: true }),
        f("from", l("from"), { required: true }),
        f("sourceIds", l("sources"), sourceHint),
        evidence(f, w.t("desk-forms.hint.person-source"), w),
      ];
  }
}

export const EVIDENCE_LABEL =
  "Evidence (a short quote from the source, word for word, at most 300 characters)";

/**
 * The evidence of the entry a form writes. Required, but checked by the story's validation (not the
 * browser), so a missing or too long quote is refused with validate's own path and message.
 */
function evidence(f: FieldMaker, hint: string, w: Words): Field {
  return f("evidence", w.t("desk-forms.label.evidence"), { type: "textarea", required: true, hint });
}

const FORM_STATUSES = ["scheduled", "met", "missed", "extended", "postponed", "disputed", "cancelled"];
const MOVE_KINDS = ["extended", "postponed", "brought-forward"];
const QUALIFIERS = ["exactly", "more-than", "fewer-than", "about", "at-least", "up-to"];

type Figure = Story["figures"][number];

/** The figure a form names, or the story's first. */
export function figureOf(story: Story, id: unknown): Figure | undefined {
  return story.figures.find((x) => x.id === id) ?? story.figures[0];
}

/**
 * Picking the figure is a step of its own (a GET form, no script): the page then lists that figure's
 * values to correct, so a correction can only target a value of the figure it is saved to.
 */
function figureChooser(story: Story, figure: Figure, lead: string | undefined, w: Words): Html {
  return html`<form method="get" action="/desk/stories/${story.story.id}/edit/figure-value" class="chooser" aria-label="${w.t("desk-forms.figure.choose")}">
    ${lead ? html`<input type="hidden" name="lead" value="${lead}" />` : ""}
    <label for="pick-figure">${w.t("desk-forms.figure.label")}</label>
    <select id="pick-figure" name="figure">
      ${story.figures.map((x) => html`<option value="${x.id}" ${x.id === figure.id ? "selected" : ""}>${x.label}</option>`)}
    </select>
    <button type="submit">${w.t("desk-forms.figure.show")}</button>
  </form>`;
}

/** The figure the form adds to or corrects, named in the form and sent with it. */
function chosenFigure(figure: Figure, error: string | undefined, w: Words): Html {
  return html`<div class="field">
    <input type="hidden" name="figure" value="${figure.id}" />
    <p id="chosen-figure">${rich(w, "desk-forms.figure.chosen", { figure: html`<strong dir="auto">${figure.label}</strong>`, id: html`<code>${figure.id}</code>` })}</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ""}
  </div>`;
}

/** The value fields; "Corrects a wrong value" lists the values of the chosen figure only. */
function figureValueFields(
  figure: Figure | undefined,
  f: FieldMaker,
  sources: Field["choices"],
  w: Words,
): Field[] {
  const l = (key: string) => w.t(`desk-forms.label.${key}` as MessageKey);
  return [
    f("value", l("value"), { type: "number", required: true }),
    f("qualifier", l("qualifier"), { type: "select", choices: codes(w, "desk-terms.qualifier", QUALIFIERS) }),
    f("asOf", l("as-of"), { required: true }),
    f("attribution", l("according-to"), { required: true }),
    f("sourceId", l("source"), { type: "select", choices: sources ?? [] }),
    evidence(f, w.t("desk-forms.hint.chosen-source"), w),
    f("note", l("note")),
    f("corrects", l("corrects"), {
      type: "select",
      choices: [
        { value: "", label: w.t("desk-forms.corrects.none") },
        ...(figure?.values ?? []).map((x, i) => ({
          value: correctsValue(figure?.id ?? "", i),
          label: w.t("desk-forms.corrects.value", {
            value: String(x.value),
            asOf: x.asOf,
            who: x.attribution,
          }),
        })),
      ],
    }),
  ];
}

/**
 * The new source a draft from a lead adds (filled from the lead; the curator may correct it), saved
 * with the entry, which cites it.
 */
function draftSource(values: Form, errors: Record<string, string>, w: Words): Html {
  const f = (field: string, label: string, extra: Partial<Field> = {}): Field => ({
    name: field,
    label,
    ...(typeof values[field] === "string" ? { value: values[field] as string } : {}),
    ...extra,
  });
  const l = (key: string) => w.t(`desk-forms.draft.${key}` as MessageKey);
  return html`<fieldset class="draft-source">
    <legend>${l("legend")}</legend>
    <input type="hidden" name="lead" value="${String(values.lead)}" />
    ${[
      f(SOURCE_FIELDS.id, l("id"), { required: true }),
      f(SOURCE_FIELDS.title, l("title"), { required: true }),
      f(SOURCE_FIELDS.publisher, l("publisher")),
      f(SOURCE_FIELDS.url, l("address")),
      f(SOURCE_FIELDS.published, l("published"), { required: true }),
    ].map((field) => fieldHtml(field, errors[field.name]))}
  </fieldset>`;
}
