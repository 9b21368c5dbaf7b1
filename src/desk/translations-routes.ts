/**
 * The desk's translations page: per language, the story's texts with no translation and those with
 * one, read from the file as it is on disk; and the form that writes one translation into the file
 * beside its English (`translations.<language>.<field>` of the item), through the desk's save path:
 * the file's version checked, the whole story validated as the loader does, the edit recorded as the
 * curator's, the data reloaded (docs/decisions/0032-translations-in-the-data.md).
 */
import { resolve } from "node:path";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import type { Dataset, Story } from "../dataset/dataset.js";
import { formatDataError } from "../dataset/load.js";
import {
  storyTexts,
  type TextAt,
  TRANSLATED_LANGUAGES,
  type TranslatedLanguage,
  translationOf,
} from "../dataset/schema-translations.js";
import type { Words } from "../language/words.js";
import { type DeskOptions, type Env, type PageRenderer, type Status, storyOf, wordsOf } from "./context.js";
import { datasetChanges } from "./edit-record.js";
import { validateEdit } from "./edit-routes.js";
import { edit, quote, readText, versionOf, writeAtomically } from "./edit-text.js";
import { storyNav } from "./review-views.js";
import { rememberSaved } from "./saved-banner.js";
import { type TextRow, translationFormBody, translationsBody } from "./translations-views.js";

function isTranslated(value: unknown): value is TranslatedLanguage {
  return (TRANSLATED_LANGUAGES as readonly unknown[]).includes(value);
}

/** "phases[2].status[0].note" → ["phases", 2, "status", 0, "note"]: where jsonc-parser edits. */
export function jsonPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ""),
  );
}

/** The texts of a file's text, as the file is on disk (not as the bot last loaded it). */
function textsOf(text: string): TextAt[] {
  return [...storyTexts(JSON.parse(text) as object)];
}

function rowOf(text: TextAt, language: TranslatedLanguage): TextRow {
  return {
    path: text.path,
    field: text.field,
    english: text.english,
    translation: translationOf(text, language),
  };
}

/** The translations page and its form, as routes the desk mounts (`app.route`). */
export function translationRoutes(options: DeskOptions, page: PageRenderer): Hono<Env> {
  const { data, clock, store } = options;
  const app = new Hono<Env>();

  const notFound = (c: Context<Env>, words: Words) => {
    const message = words.t("translations.not-found");
    return page(c, message, html`<p>${message}</p>`, 404);
  };

  app.get("/desk/stories/:id/translations", async (c) => {
    const words = wordsOf(c);
    const story = storyOf(data.dataset, c);
    const asked = c.req.query("language") ?? "ar";
    if (!story || !isTranslated(asked)) return notFound(c, words);
    const texts = textsOf(await readText(resolve(story.file)));
    const counts = Object.fromEntries(
      TRANSLATED_LANGUAGES.map((l) => [l, texts.filter((t) => translationOf(t, l) === undefined).length]),
    ) as Record<TranslatedLanguage, number>;
    const id = story.story.id;
    const leads = await store.leadCounts(id);
    const view = { storyId: id, language: asked, counts, rows: texts.map((t) => rowOf(t, asked)) };
    const title = words.t("translations.page-title", { story: story.story.title });
    return page(c, title, translationsBody(words, view, storyNav(id, clock.now(), leads.new)));
  });

  app.get("/desk/stories/:id/translations/edit", async (c) => {
    const words = wordsOf(c);
    const story = storyOf(data.dataset, c);
    const language = c.req.query("language");
    if (!story || !isTranslated(language)) return notFound(c, words);
    const text = await readText(resolve(story.file));
    const found = textsOf(text).find((t) => t.path === c.req.query("path"));
    if (!found) return notFound(c, words);
    const form = {
      storyId: story.story.id,
      language,
      row: rowOf(found, language),
      csrf: c.get("session").csrf,
    };
    return page(
      c,
      words.t("translations.title"),
      translationFormBody(words, { ...form, version: versionOf(text) }),
    );
  });

  app.post("/desk/stories/:id/translations/edit", async (c) => {
    const words = wordsOf(c);
    const story = storyOf(data.dataset, c);
    const body = await c.req.parseBody();
    const language = body.language;
    if (!story || !isTranslated(language)) return notFound(c, words);
    const current = await readText(resolve(story.file));
    const found = textsOf(current).find((t) => t.path === body.path);
    if (!found) return notFound(c, words);
    const value = quote(body.translation);
    const form = {
      storyId: story.story.id,
      language,
      row: rowOf(found, language),
      csrf: c.get("session").csrf,
      version: versionOf(current),
      value: typeof body.translation === "string" ? body.translation : undefined,
    };
    const again = (status: Status, extra: { errors?: string[]; alert?: string }) =>
      page(c, words.t("translations.title"), translationFormBody(words, { ...form, ...extra }), status);
    if (body.version !== versionOf(current)) return again(409, { alert: words.t("translations.conflict") });
    if (value === undefined) return again(400, { errors: [words.t("translations.required")] });
    const next = edit(
      current,
      [...jsonPath(found.path).slice(0, -1), "translations", language, found.field],
      value,
    );
    const checked = validateEdit(data.dataset, story, next);
    if (!checked.ok) {
      return again(400, {
        errors: [words.t("translations.refused"), ...checked.errors.map(formatDataError)],
      });
    }
    const what = savedWhat(words, language, found.path);
    return save(c, options, story, { next, dataset: checked.dataset, what, language });
  });
  return app;
}

function savedWhat(words: Words, language: TranslatedLanguage, path: string): string {
  return words.t("translations.saved-what", { language: words.t(`common.language.${language}`), path });
}

/** Writes the file (the change recorded as the curator's), reloads the data, back to the language's list. */
async function save(
  c: Context<Env>,
  options: DeskOptions,
  story: Story,
  edit: { next: string; dataset: Dataset; what: string; language: TranslatedLanguage },
): Promise<Response> {
  const session = c.get("session");
  const id = story.story.id;
  options.recorder.expect(id, { by: session.user, kind: "development" });
  const changes = datasetChanges(options.data.dataset, edit.dataset);
  await writeAtomically(resolve(story.file), edit.next);
  const served = await options.data.reload();
  rememberSaved(session, { what: edit.what, file: story.file, changes, correction: false, served });
  options.log.info({ user: session.user, story: id, form: "translation" }, "desk edit saved");
  return c.redirect(`/desk/stories/${id}/translations?language=${edit.language}&saved=1`, 303);
}
