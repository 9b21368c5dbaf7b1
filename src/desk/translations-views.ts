/**
 * The desk's translations page, as HTML: per language (Arabic, Hebrew, French) how many of the story's
 * texts have no translation, the list of those (each beside its English, with a link to translate it)
 * and of those translated (to change one); and the form that edits one translation beside its English,
 * its input running right to left for Arabic and Hebrew. Written in the curator's words (`Words`).
 */
import { html } from "hono/html";
import type { MessageKey } from "../language/catalogs/index.js";
import { direction, type Language } from "../language/languages.js";
import type { Words } from "../language/words.js";
import type { Html } from "./pages.js";

/** A text of the story as the page lists it. */
export interface TextRow {
  path: string;
  field: string;
  english: string;
  /** Its translation in the page's language, if the file has one. */
  translation?: string | undefined;
}

export interface TranslationsView {
  storyId: string;
  /** The language the list is of. */
  language: Exclude<Language, "en">;
  /** Missing texts per language, for the language links. */
  counts: Readonly<Record<Exclude<Language, "en">, number>>;
  rows: readonly TextRow[];
}

/** A language's name in the curator's words: "Arabic", "العربية", "ערבית", "arabe". */
export function languageName(words: Words, language: Language): string {
  return words.t(`common.language.${language}` as MessageKey);
}

/** A text's field in the curator's words: "name", "reminder sentence". */
function fieldName(words: Words, field: string): string {
  return words.t(`data.field.${field}` as MessageKey);
}

export function editAddress(storyId: string, language: string, path: string): string {
  return `/desk/stories/${storyId}/translations/edit?language=${language}&path=${encodeURIComponent(path)}`;
}

function rowHtml(words: Words, view: TranslationsView, row: TextRow): Html {
  const dir = direction(view.language);
  return html`<tr>
    <td><code>${row.path}</code></td>
    <td lang="en" dir="ltr">${row.english}</td>
    ${row.translation !== undefined ? html`<td lang="${view.language}" dir="${dir}">${row.translation}</td>` : ""}
    <td><a href="${editAddress(view.storyId, view.language, row.path)}">${words.t(
      row.translation === undefined ? "translations.translate" : "translations.change",
    )}</a></td>
  </tr>`;
}

function table(words: Words, view: TranslationsView, rows: readonly TextRow[], translated: boolean): Html {
  return html`<table>
    <tr><th>${words.t("translations.column.text")}</th><th>${words.t("translations.column.english")}</th>${
      translated ? html`<th>${words.t("translations.column.translation")}</th>` : ""
    }<th></th></tr>
    ${rows.map((row) => rowHtml(words, view, row))}
  </table>`;
}

/** The page's body: the language links with their counts, what is missing, what is translated. */
export function translationsBody(words: Words, view: TranslationsView, nav: Html): Html {
  const name = languageName(words, view.language);
  const missing = view.rows.filter((r) => r.translation === undefined);
  const translated = view.rows.filter((r) => r.translation !== undefined);
  const languages = Object.entries(view.counts) as [Exclude<Language, "en">, number][];
  return html`<div lang="${words.language}" dir="${words.dir}">
    <h1>${words.t("translations.title")}</h1>
    ${nav}
    <p>${words.t("translations.intro")}</p>
    <nav class="tabs" aria-label="${words.t("translations.languages")}">
      ${languages.map(
        ([language, count]) =>
          html`<a href="/desk/stories/${view.storyId}/translations?language=${language}" ${
            language === view.language ? html`aria-current="page"` : ""
          }>${words.t("translations.language-count", { language: languageName(words, language), count })}</a>`,
      )}
    </nav>
    <h2 id="missing">${words.t("translations.missing-heading", { language: name })}</h2>
    ${missing.length ? table(words, view, missing, false) : html`<p class="ok">${words.t("translations.none-missing")}</p>`}
    <details>
      <summary>${words.t("translations.translated-heading", { count: translated.length })}</summary>
      ${translated.length ? table(words, view, translated, true) : ""}
    </details>
  </div>`;
}

export interface TranslationForm {
  storyId: string;
  language: Exclude<Language, "en">;
  row: TextRow;
  csrf: string;
  version: string;
  /** What the curator typed (kept when the form comes back with an error). */
  value?: string | undefined;
  /** Errors to show above the form: the one of the field, or the story's validation. */
  errors?: readonly string[];
  /** A notice above the form (the file changed since it was opened). */
  alert?: string | undefined;
}

/** The form that edits one translation, the English beside it. */
export function translationFormBody(words: Words, form: TranslationForm): Html {
  const dir = direction(form.language);
  const language = languageName(words, form.language);
  const label = words.t("translations.field-label", { field: fieldName(words, form.row.field), language });
  const errors = form.errors ?? [];
  return html`<div lang="${words.language}" dir="${words.dir}">
    <h1>${words.t("translations.edit-title", { language })}</h1>
    <p><a href="/desk/stories/${form.storyId}/translations?language=${form.language}">${words.t("translations.back")}</a></p>
    ${form.alert ? html`<p class="conflict" role="alert">${form.alert}</p>` : ""}
    ${errors.length ? html`<ul class="error" role="alert">${errors.map((e) => html`<li dir="auto">${e}</li>`)}</ul>` : ""}
    <div class="beside">
      <section class="current" aria-labelledby="english">
        <h2 id="english">${words.t("translations.column.english")}</h2>
        <p><code>${form.row.path}</code></p>
        <blockquote lang="en" dir="ltr">${form.row.english}</blockquote>
      </section>
      <form method="post" action="/desk/stories/${form.storyId}/translations/edit" class="form">
        <input type="hidden" name="_csrf" value="${form.csrf}" />
        <input type="hidden" name="version" value="${form.version}" />
        <input type="hidden" name="language" value="${form.language}" />
        <input type="hidden" name="path" value="${form.row.path}" />
        <div class="field${errors.length ? " has-error" : ""}">
          <label for="f-translation">${label}</label>
          <textarea id="f-translation" name="translation" lang="${form.language}" dir="${dir}" required>${
            form.value ?? form.row.translation ?? ""
          }</textarea>
        </div>
        <button type="submit" name="action" value="save">${words.t("translations.save")}</button>
      </form>
    </div>
  </div>`;
}
