/**
 * The desk's pages, rendered on the server with hono's `html` template (every interpolated text is
 * escaped; nothing is inserted raw). Plain forms and links work without JavaScript; `dir="auto"` lets
 * right-to-left text show as it should.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { DataError } from "../dataset/load.js";
import { ENGLISH, type Words } from "../language/words.js";
import { languageMenu, rich } from "./language.js";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What a logged-in curator's pages have around their body. */
export interface Chrome {
  user: string;
  csrf: string;
  /** The story switcher. */
  switcher?: Html;
  /** A status banner at the top of the page (a save's confirmation). */
  banner?: Html;
}

/** Where a page is written for: the curator's words and the page's own address (for the language menu). */
export interface PageOf {
  words?: Words;
  path?: string;
}

export function layout(
  title: string,
  body: Html,
  chrome?: Chrome,
  { words = ENGLISH, path }: PageOf = {},
): Html {
  const w = words;
  return html`<!doctype html>
<html lang="${w.language}" dir="${w.dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${w.t("desk.page.title", { title })}</title>
    <link rel="stylesheet" href="/desk/assets/desk.css" />
  </head>
  <body>
    <header class="top">
      <a href="/desk" class="brand">${w.t("desk.brand")}</a>
      ${chrome?.switcher ?? ""}
      ${languageMenu(w, path ?? "/desk/")}
      ${
        chrome
          ? html`<form method="post" action="/desk/logout" class="inline">
              <input type="hidden" name="_csrf" value="${chrome.csrf}" />
              <span>${chrome.user}</span> <button type="submit">${w.t("desk.log-out")}</button>
            </form>`
          : ""
      }
    </header>
    <main id="main">${chrome?.banner ?? ""}${body}</main>
  </body>
</html>`;
}

export function loginPage(error?: string, words = ENGLISH): Html {
  const w = words;
  return layout(
    w.t("desk.login.title"),
    html`<h1>${w.t("desk.login.title")}</h1>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ""}
      <form method="post" action="/desk/login" class="form">
        <label for="user">${w.t("desk.login.user")}</label>
        <input id="user" name="user" dir="auto" autocomplete="username" required autofocus />
        <label for="password">${w.t("desk.login.password")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">${w.t("desk.login.submit")}</button>
      </form>`,
    undefined,
    { words: w, path: "/desk/login" },
  );
}

/** Whether an address may be a link: http: or https: only (never javascript:, data: or file:). */
export function isWebAddress(url: string | undefined): url is string {
  return url !== undefined && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

/** A form field: label, input (or select / textarea), its current value and its error. */
export interface Field {
  name: string;
  label: string;
  value?: string;
  type?: "text" | "number" | "textarea" | "select" | "checkbox";
  choices?: readonly { value: string; label: string }[];
  hint?: string;
  required?: boolean;
}

export function fieldHtml(f: Field, error?: string): Html {
  const id = `f-${f.name}`;
  const describedBy = [f.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const control =
    f.type === "select"
      ? html`<select id="${id}" name="${f.name}" aria-describedby="${describedBy}">
          ${(f.choices ?? []).map(
            (c) =>
              html`<option value="${c.value}" ${c.value === f.value ? "selected" : ""}>${c.label}</option>`,
          )}
        </select>`
      : f.type === "textarea"
        ? html`<textarea id="${id}" name="${f.name}" dir="auto" aria-describedby="${describedBy}" ${f.required ? html`aria-required="true"` : ""} ${error ? html`aria-invalid="true"` : ""}>${f.value ?? ""}</textarea>`
        : html`<input id="${id}" name="${f.name}" dir="auto" value="${f.value ?? ""}" ${f.type === "number" ? html`type="number" step="any"` : ""} ${f.required ? "required" : ""} aria-describedby="${describedBy}" ${error ? html`aria-invalid="true"` : ""} />`;
  return html`<div class="field${error ? " has-error" : ""}">
    <label for="${id}">${f.label}</label>
    ${control}
    ${f.hint ? html`<small id="${id}-hint">${f.hint}</small>` : ""}
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ""}
  </div>`;
}

/** The errors of the file on disk, next to the item (and field) each names. */
export function fileErrorsHtml(
  file: string,
  errors: readonly DataError[],
  items: Map<string, unknown>,
  words = ENGLISH,
): Html {
  if (errors.length === 0) return html``;
  const byItem = new Map<string, DataError[]>();
  for (const e of errors) {
    const item = /^([a-z]+\[\d+\])/.exec(e.path)?.[1] ?? "(file)";
    byItem.set(item, [...(byItem.get(item) ?? []), e]);
  }
  return html`<section class="file-errors" aria-labelledby="file-errors">
    <h2 id="file-errors">${words.t("desk.file-errors.title", { count: errors.length })}</h2>
    <p>${rich(words, "desk.file-errors.not-loaded", { file })}</p>
    ${[...byItem].map(
      ([item, list]) => html`<div class="error-item">
        <h3><code>${item}</code></h3>
        ${items.has(item) ? html`<pre class="raw" dir="auto">${JSON.stringify(items.get(item), null, 2)}</pre>` : ""}
        <ul>${list.map((e) => html`<li class="error"><code>${e.path || "(file)"}</code>: ${e.message}</li>`)}</ul>
      </div>`,
    )}
  </section>`;
}

export const CSS = `
:root { font-family: system-ui, sans-serif; color: #1f2328; background: #fff; }
body { margin: 0; }
.top { display: flex; flex-wrap: wrap; gap: .5rem; justify-content: space-between; align-items: center; padding-block: .5rem; padding-inline: 1rem; background: #24292f; color: #fff; }
.top a, .top span, .top label { color: #fff; }
.switcher, .language { display: flex; gap: .4rem; align-items: center; }
.switcher select { max-width: 24rem; font: inherit; }
.saved { border: 2px solid #1a7f37; background: #dafbe1; padding: .25rem 1rem; margin-bottom: 1rem; }
.brand { font-weight: 600; text-decoration: none; }
main { padding: 1rem; max-width: 72rem; margin-block: 0; margin-inline: auto; }
.inline { display: inline; }
.chooser { margin: .5rem 0 1rem; }
.form { display: grid; gap: .25rem; max-width: 36rem; }
.field { display: grid; gap: .2rem; margin-bottom: .6rem; }
.field input, .field select, .field textarea { font: inherit; padding: .3rem; }
.form, .field { grid-template-columns: minmax(0, 1fr); }
.field select { width: 100%; }
.field textarea { min-height: 4rem; }
.has-error input, .has-error select, .has-error textarea { border: 2px solid #cf222e; }
.error { color: #cf222e; }
.ok { color: #1a7f37; }
button { font: inherit; padding: .3rem .8rem; cursor: pointer; }
:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
nav.tabs a { margin-inline-end: 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #d0d7de; text-align: start; padding: .3rem; vertical-align: top; }
.file-errors { border: 2px solid #cf222e; padding: .5rem 1rem; margin-bottom: 1rem; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; padding: .5rem; }
.previews { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.embed { border-inline-start: 4px solid; background: #2b2d31; color: #dbdee1; padding: .5rem .75rem; border-radius: 4px; margin: .25rem 0; }
.embed-title { font-weight: 600; color: #fff; }
.embed-text, .slack-section, .slack-field { white-space: pre-wrap; }
.embed-field-name { font-weight: 600; margin-top: .4rem; }
.embed-footer { font-size: .8rem; margin-top: .5rem; white-space: pre-wrap; }
.discord { background: #313338; padding: .5rem; border-radius: 6px; }
.slack { border: 1px solid #d0d7de; padding: .5rem; border-radius: 6px; }
.slack-header { font-weight: 700; font-size: 1.1rem; }
.slack-context { font-size: .8rem; color: #57606a; }
.button { display: inline-block; border: 1px solid #8c959f; border-radius: 4px; padding: .1rem .5rem; margin: .2rem; }
.button.disabled { opacity: .5; }
.meta { font-size: .8rem; color: #8c959f; }
.notice { border-inline-start: 4px solid #0969da; padding: .25rem .75rem; margin: .5rem 0; background: #f6f8fa; }
.conflict { border: 2px solid #cf222e; padding: .25rem 1rem; margin-bottom: 1rem; }
.beside { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; align-items: start; }
.current pre { max-height: 30rem; overflow: auto; }
.evidence { margin: .2rem 0 .5rem; font-size: .9rem; color: #57606a; }
.evidence blockquote { margin: 0; padding-inline-start: .6rem; border-inline-start: 3px solid #d0d7de; white-space: pre-wrap; }
.evidence figcaption { margin-top: .1rem; }
.leads { list-style: none; padding: 0; }
.lead { border-bottom: 1px solid #d0d7de; padding: .5rem 0; }
.lead p { margin: .2rem 0; }
.lead .meta { font-size: .85rem; color: #57606a; }
.lead-actions { display: inline-flex; flex-wrap: wrap; gap: .3rem; align-items: center; margin-inline-end: 1rem; }
nav.tabs a[aria-current="page"] { font-weight: 600; }
.draft-source { border: 1px solid #d0d7de; margin-bottom: .8rem; }
.address { word-break: break-all; }
`;
