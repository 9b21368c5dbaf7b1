/**
 * A save refused because the file changed on disk since the form was opened: the form comes back with
 * the curator's entries, on the file's new version, and beside it what the file holds now for the
 * item the form edits, so the curator can compare and apply the edit again.
 */
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import { formatDataError, parseStoryText } from "../dataset/load.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { Form, FormName } from "./edits.js";
import { rich } from "./language.js";
import type { Html } from "./pages.js";

/** The alert above the form. */
export function conflictAlert(story: Story, w: Words = ENGLISH): Html {
  return html`<div class="conflict" role="alert">
    <h2>${w.t("desk.conflict.title")}</h2>
    <p>${rich(w, "desk.conflict.text", { file: html`<code>${story.file}</code>`, check: w.t("desk-forms.check") })}</p>
  </div>`;
}

/**
 * The form's entries to show again. A value picked to correct is dropped (with a word at its field):
 * the file's values may have moved, so the curator picks it again from the list as it is now.
 */
export function keptEntries(
  form: Form,
  w: Words = ENGLISH,
): { values: Form; errors: Record<string, string> } {
  if (typeof form.corrects !== "string" || form.corrects === "") return { values: form, errors: {} };
  return {
    values: { ...form, corrects: "" },
    errors: { corrects: w.t("desk.conflict.choose-again") },
  };
}

/** What the file holds now for the item the form edits. */
export function currentValues(
  story: Story,
  name: FormName,
  form: Form,
  current: string,
  w: Words = ENGLISH,
): Html {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(current) as Record<string, unknown>;
  } catch {
    const errors = parseStoryText(story.file, current).errors;
    return aside(
      html`<p class="error">${w.t("desk.conflict.no-load")}</p>
      <ul>${errors.map((e) => html`<li class="error" dir="auto">${formatDataError(e)}</li>`)}</ul>`,
      w,
    );
  }
  const { list, key } = ITEM_OF[name];
  const what = ITEM_OF[name].what;
  const items = Array.isArray(raw[list]) ? (raw[list] as Record<string, unknown>[]) : [];
  const id = typeof form[key] === "string" ? (form[key] as string) : "";
  const item = items.find((x) => x?.id === id);
  if (item) {
    return aside(
      html`<h3><code>${list}</code> › <code>${id}</code></h3>
      <pre class="raw" dir="auto">${JSON.stringify(item, null, 2)}</pre>`,
      w,
    );
  }
  const last = items.slice(-3);
  return aside(
    html`<p>${rich(w, `desk.conflict.no-item.${what}` as const, { id: html`<code>${id}</code>` })}</p>
    ${
      last.length
        ? html`<h3>${w.t(`desk.conflict.last.${what}` as const, { count: last.length })}</h3>
          <pre class="raw" dir="auto">${JSON.stringify(last, null, 2)}</pre>`
        : ""
    }`,
    w,
  );
}

/** Which list of the file each form edits, and the form field naming the item in it. */
type Item = "figure" | "deadline" | "event" | "statement" | "source" | "person" | "feed";

const ITEM_OF: Record<FormName, { list: string; key: string; what: Item }> = {
  "figure-value": { list: "figures", key: "figure", what: "figure" },
  "deadline-status": { list: "deadlines", key: "deadline", what: "deadline" },
  "deadline-move": { list: "deadlines", key: "deadline", what: "deadline" },
  event: { list: "events", key: "id", what: "event" },
  claim: { list: "claims", key: "id", what: "statement" },
  source: { list: "sources", key: "id", what: "source" },
  "person-role": { list: "people", key: "person", what: "person" },
  feed: { list: "feeds", key: "id", what: "feed" },
  "feed-remove": { list: "feeds", key: "feed", what: "feed" },
};

function aside(body: Html, w: Words): Html {
  return html`<aside class="current" aria-labelledby="current-title">
    <h2 id="current-title">${w.t("desk.conflict.in-file")}</h2>
    ${body}
  </aside>`;
}
