/**
 * A save refused because the file changed on disk since the form was opened: the form comes back with
 * the curator's entries, on the file's new version, and beside it what the file holds now for the
 * item the form edits, so the curator can compare and apply the edit again.
 */
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import { formatDataError, parseStoryText } from "../dataset/load.js";
import type { Form, FormName } from "./edits.js";
import type { Html } from "./pages.js";

/** The alert above the form. */
export function conflictAlert(story: Story): Html {
  return html`<div class="conflict" role="alert">
    <h2>Not saved: the file changed on disk</h2>
    <p>Someone saved <code>${story.file}</code> after you opened this form. Nothing was written. Your
    entries are kept in the form; what the file holds now is beside it. "Check what changes" applies
    your edit to the file as it is now.</p>
  </div>`;
}

/**
 * The form's entries to show again. A value picked to correct is dropped (with a word at its field):
 * the file's values may have moved, so the curator picks it again from the list as it is now.
 */
export function keptEntries(form: Form): { values: Form; errors: Record<string, string> } {
  if (typeof form.corrects !== "string" || form.corrects === "") return { values: form, errors: {} };
  return {
    values: { ...form, corrects: "" },
    errors: { corrects: "The file changed since you chose it: choose the value to correct again." },
  };
}

/** What the file holds now for the item the form edits. */
export function currentValues(story: Story, name: FormName, form: Form, current: string): Html {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(current) as Record<string, unknown>;
  } catch {
    const errors = parseStoryText(story.file, current).errors;
    return aside(html`<p class="error">The file does not load now:</p>
      <ul>${errors.map((e) => html`<li class="error">${formatDataError(e)}</li>`)}</ul>`);
  }
  const { list, key, what } = ITEM_OF[name];
  const items = Array.isArray(raw[list]) ? (raw[list] as Record<string, unknown>[]) : [];
  const id = typeof form[key] === "string" ? (form[key] as string) : "";
  const item = items.find((x) => x?.id === id);
  if (item) {
    return aside(html`<h3><code>${list}</code> › <code>${id}</code></h3>
      <pre class="raw" dir="auto">${JSON.stringify(item, null, 2)}</pre>`);
  }
  const last = items.slice(-3);
  return aside(html`<p>No ${what} has the id <code>${id}</code> in the file now.</p>
    ${
      last.length
        ? html`<h3>The last ${last.length} ${what}${last.length === 1 ? "" : "s"} of the file</h3>
          <pre class="raw" dir="auto">${JSON.stringify(last, null, 2)}</pre>`
        : ""
    }`);
}

/** Which list of the file each form edits, and the form field naming the item in it. */
const ITEM_OF: Record<FormName, { list: string; key: string; what: string }> = {
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

function aside(body: Html): Html {
  return html`<aside class="current" aria-labelledby="current-title">
    <h2 id="current-title">In the file now</h2>
    ${body}
  </aside>`;
}
