/**
 * The edit forms' pages: each form's fields (labelled, with their values and errors) and the version
 * of the file the form was opened at.
 */
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import type { Session } from "./auth.js";
import { correctsValue, FORMS, type Form, type FormName } from "./edits.js";
import { feedFields } from "./feed-edits.js";
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
): Html {
  const form = formHtml(session, story, name, values, errors, version);
  return html`<h1>${FORMS[name].title}</h1>
    <p dir="auto">${story.story.title}</p>
    ${around.alert ?? ""}
    ${around.beside ? html`<div class="beside"><div>${form}</div>${around.beside}</div>` : form}`;
}

/** The form itself (after the figure chooser, for a figure's value). */
function formHtml(
  session: Session,
  story: Story,
  name: FormName,
  values: Form,
  errors: Record<string, string>,
  version: string,
): Html {
  const draft = typeof values.lead === "string" && values.lead !== "";
  // A draft's entry cites the new source it adds, so it asks for no other.
  const fields = formFields(story, name, values).filter(
    (f) => !draft || (f.name !== "sourceId" && f.name !== "sourceIds"),
  );
  const figure = name === "figure-value" ? figureOf(story, values.figure) : undefined;
  return html`${figure ? figureChooser(story, figure, draft ? String(values.lead) : undefined) : ""}
    ${errors._story ? html`<div class="error" role="alert"><p>The story would not be valid:</p><pre>${errors._story}</pre></div>` : ""}
    ${Object.keys(errors).filter((k) => k !== "_story").length ? html`<p class="error" role="alert">Please correct the fields marked below.</p>` : ""}
    <form method="post" action="/desk/stories/${story.story.id}/edit/${name}" class="form">
      <input type="hidden" name="_csrf" value="${session.csrf}" />
      <input type="hidden" name="version" value="${version}" />
      ${draft ? draftSource(values, errors) : ""}
      ${figure ? chosenFigure(figure, errors.figure) : ""}
      ${fields.map((f) => fieldHtml(f, errors[f.name]))}
      ${
        name === "figure-value" || name === "feed" || name === "feed-remove"
          ? ""
          : html`<div class="field"><label><input type="checkbox" name="correction" ${values.correction === "on" ? "checked" : ""} /> This corrects a mistake (a correction, not a development)</label></div>`
      }
      <button type="submit" name="action" value="check">Check what changes</button>
    </form>`;
}

/** Makes a field of a form with the value the form holds for it. */
type FieldMaker = (name: string, label: string, extra?: Partial<Field>) => Field;

function formFields(story: Story, name: FormName, v: Form): Field[] {
  const val = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  const f: FieldMaker = (name, label, extra = {}) => ({
    name,
    label,
    ...(val(name) !== undefined ? { value: val(name) } : {}),
    ...extra,
  });
  const sources = story.sources.map((s) => ({ value: s.id, label: `${s.id} — ${s.title}` }));
  const ids = (items: readonly { id: string }[], labelOf: (x: { id: string }) => string = (x) => x.id) =>
    items.map((x) => ({ value: x.id, label: labelOf(x) }));
  const sourceHint = {
    hint: `Source ids, separated by commas: ${story.sources.map((s) => s.id).join(", ")}`,
  };
  switch (name) {
    case "figure-value":
      return figureValueFields(figureOf(story, val("figure")), f, sources);
    case "deadline-status":
      return [
        f("deadline", "Deadline", { type: "select", choices: ids(story.deadlines) }),
        f("status", "Status", { type: "select", choices: [...FORM_STATUSES] }),
        f("from", "From (a date or an instant with its offset)", { required: true }),
        f("note", "Note", { type: "textarea" }),
        f("attribution", "According to"),
        f("sourceIds", "Sources", sourceHint),
        evidence(f, "From the first source listed above; none listed: from the deadline's first source."),
      ];
    case "deadline-move":
      return [
        f("deadline", "Deadline", { type: "select", choices: ids(story.deadlines) }),
        f("at", "Moved on (a date or an instant)", { required: true }),
        f("due", "New due date or instant", { required: true }),
        f("kind", "Kind", {
          type: "select",
          choices: ["extended", "postponed", "brought-forward"].map((k) => ({ value: k, label: k })),
        }),
        f("attribution", "According to", { required: true }),
        f("sourceIds", "Sources", sourceHint),
        evidence(f, FIRST_SOURCE),
        f("note", "Note"),
      ];
    case "event":
      return [
        f("id", "Id (lower-case words with dashes)", { required: true }),
        f("when", "When (a date or an instant)", { required: true }),
        f("title", "Title", { required: true }),
        f("description", "Description", { type: "textarea" }),
        f("attribution", "According to"),
        f("tags", "Tags, separated by commas"),
        f("sourceIds", "Sources", sourceHint),
        evidence(f, FIRST_SOURCE),
      ];
    case "claim":
      return [
        f("id", "Id", { required: true }),
        f("when", "When", { required: true }),
        f("by", "Who said it, as the source names them", { required: true }),
        f("partyIds", "Parties (several: a joint statement)", {
          hint: `Party ids: ${story.parties.map((p) => p.id).join(", ")}`,
        }),
        f("personIds", "People", { hint: `Person ids: ${story.people.map((p) => p.id).join(", ")}` }),
        f("text", "What was said (a close paraphrase)", { type: "textarea", required: true }),
        f("quote", "Their words, only where the source quotes them", { type: "textarea" }),
        f("sourceIds", "Sources", sourceHint),
        evidence(
          f,
          `${FIRST_SOURCE} Their words above count as evidence when the source quotes them word for word.`,
        ),
      ];
    case "source":
      return [
        f("id", "Id", { required: true }),
        f("title", "Title", { required: true }),
        f("publisher", "Publisher"),
        f("url", "Address (https://…)"),
        f("published", "Published: a date (YYYY-MM-DD)", { required: true }),
        f("publishedTime", "Time of publication, if the page gives one (HH:MM, 24-hour)", {
          hint: "With a time, the source is known from that instant; with a date only, from that day (what happened that very day: from its end).",
        }),
        f("publishedZone", "Time zone of that time", {
          hint: `An IANA zone, like Europe/London or UTC; empty: the story's, ${story.story.timeZone}.`,
        }),
      ];
    case "feed":
    case "feed-remove":
      return feedFields(story, name, f);
    case "person-role":
      return [
        f("person", "Person", { type: "select", choices: ids(story.people) }),
        f("role", "New role, as the source describes it", { required: true }),
        f("from", "From", { required: true }),
        f("sourceIds", "Sources", sourceHint),
        evidence(f, "From the first source listed above; none listed: from the person's first source."),
      ];
  }
}

export const EVIDENCE_LABEL =
  "Evidence (a short quote from the source, word for word, at most 300 characters)";

const FIRST_SOURCE = "From the first source listed above.";

/**
 * The evidence of the entry a form writes. Required, but checked by the story's validation (not the
 * browser), so a missing or too long quote is refused with validate's own path and message.
 */
function evidence(f: FieldMaker, hint: string): Field {
  return f("evidence", EVIDENCE_LABEL, { type: "textarea", required: true, hint });
}

const FORM_STATUSES = ["scheduled", "met", "missed", "extended", "postponed", "disputed", "cancelled"].map(
  (s) => ({
    value: s,
    label: s,
  }),
);

type Figure = Story["figures"][number];

/** The figure a form names, or the story's first. */
export function figureOf(story: Story, id: unknown): Figure | undefined {
  return story.figures.find((x) => x.id === id) ?? story.figures[0];
}

/**
 * Picking the figure is a step of its own (a GET form, no script): the page then lists that figure's
 * values to correct, so a correction can only target a value of the figure it is saved to.
 */
function figureChooser(story: Story, figure: Figure, lead: string | undefined): Html {
  return html`<form method="get" action="/desk/stories/${story.story.id}/edit/figure-value" class="chooser" aria-label="Choose the figure">
    ${lead ? html`<input type="hidden" name="lead" value="${lead}" />` : ""}
    <label for="pick-figure">Figure</label>
    <select id="pick-figure" name="figure">
      ${story.figures.map((x) => html`<option value="${x.id}" ${x.id === figure.id ? "selected" : ""}>${x.label}</option>`)}
    </select>
    <button type="submit">Show this figure</button>
  </form>`;
}

/** The figure the form adds to or corrects, named in the form and sent with it. */
function chosenFigure(figure: Figure, error: string | undefined): Html {
  return html`<div class="field">
    <input type="hidden" name="figure" value="${figure.id}" />
    <p id="chosen-figure">Adding to or correcting <strong dir="auto">${figure.label}</strong> (<code>${figure.id}</code>)</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ""}
  </div>`;
}

/** The value fields; "Corrects a wrong value" lists the values of the chosen figure only. */
function figureValueFields(figure: Figure | undefined, f: FieldMaker, sources: Field["choices"]): Field[] {
  return [
    f("value", "Value", { type: "number", required: true }),
    f("qualifier", "Qualifier", {
      type: "select",
      choices: ["exactly", "more-than", "fewer-than", "about", "at-least", "up-to"].map((q) => ({
        value: q,
        label: q,
      })),
    }),
    f("asOf", "As of (YYYY-MM-DD)", { required: true }),
    f("attribution", "According to", { required: true }),
    f("sourceId", "Source", { type: "select", choices: sources ?? [] }),
    evidence(f, "From the source chosen above."),
    f("note", "Note"),
    f("corrects", "Corrects a wrong value (a correction: channels that got it are told once)", {
      type: "select",
      choices: [
        { value: "", label: "No: a new value (a development)" },
        ...(figure?.values ?? []).map((x, i) => ({
          value: correctsValue(figure?.id ?? "", i),
          label: `${x.value} as of ${x.asOf}, according to ${x.attribution}`,
        })),
      ],
    }),
  ];
}

/**
 * The new source a draft from a lead adds (filled from the lead; the curator may correct it), saved
 * with the entry, which cites it.
 */
function draftSource(values: Form, errors: Record<string, string>): Html {
  const f = (field: string, label: string, extra: Partial<Field> = {}): Field => ({
    name: field,
    label,
    ...(typeof values[field] === "string" ? { value: values[field] as string } : {}),
    ...extra,
  });
  return html`<fieldset class="draft-source">
    <legend>The new source, from the lead (the entry below cites it)</legend>
    <input type="hidden" name="lead" value="${String(values.lead)}" />
    ${[
      f(SOURCE_FIELDS.id, "Source id", { required: true }),
      f(SOURCE_FIELDS.title, "Source title", { required: true }),
      f(SOURCE_FIELDS.publisher, "Source publisher"),
      f(SOURCE_FIELDS.url, "Source address"),
      f(SOURCE_FIELDS.published, "Source published (a date, or the instant with its offset)", {
        required: true,
      }),
    ].map((field) => fieldHtml(field, errors[field.name]))}
  </fieldset>`;
}
