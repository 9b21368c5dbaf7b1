/**
 * The desk's edit routes: a form opened on the file's current version, "Check what changes" (the
 * fields that change, what channels will receive, the reply as readers will see it) and "Save"
 * (written only when the whole story validates and the file has not changed since the form was opened).
 */
import { resolve } from "node:path";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { registry } from "../../commands/index.js";
import { runCommand } from "../command-engine/run.js";
import { type Dataset, indexStory, type Story } from "../dataset/dataset.js";
import { assemble, type DataError, formatDataError, parseStoryText } from "../dataset/load.js";
import type { Lead } from "../feeds/lead.js";
import type { Words } from "../language/words.js";
import { pendingNotices } from "./audience.js";
import { notFound } from "./chrome.js";
import { conflictAlert, currentValues, keptEntries } from "./conflict.js";
import { contextAt, type DeskOptions, type Env, type PageRenderer, storyOf, wordsOf } from "./context.js";
import { datasetChanges } from "./edit-record.js";
import { isWithin } from "./edit-text.js";
import {
  type Applied,
  EditError,
  FORMS,
  type Form,
  type FormName,
  isFormName,
  readText,
  versionOf,
  writeAtomically,
} from "./edits.js";
import { entryEvidence } from "./evidence.js";
import { feedPresets } from "./feed-edits.js";
import { formPage, formTitle } from "./form-page.js";
import { type DraftForm, draftValues, entryPath, leadIdOf, readDraft } from "./lead-draft.js";
import { openLead, useLead } from "./leads-routes.js";
import type { Html } from "./pages.js";
import { replyPreviews } from "./preview.js";
import { rememberSaved } from "./saved-banner.js";

/** The edit forms and their check and save, as routes the desk mounts (`app.route`). */
export function editRoutes(options: DeskOptions, page: PageRenderer): Hono<Env> {
  const { data } = options;
  const app = new Hono<Env>();

  app.get("/desk/stories/:id/edit/:form", async (c) => {
    const story = storyOf(data.dataset, c);
    const name = c.req.param("form");
    if (!story || !isFormName(name)) return notFound(c, page, "form");
    const w = wordsOf(c);
    const text = await readText(resolve(story.file));
    let values = { ...presets(c.req.query()), ...feedPresets(story, c.req.query()) };
    const leadId = leadIdOf(c.req.query());
    if (leadId !== undefined) {
      const found = await openLead(options.store, story, name, leadId, w);
      if (!found.ok) return page(c, found.title, found.body, found.status);
      values = { ...values, ...draftValues(found.lead, story, found.form) };
    }
    const form = formPage(c.get("session"), story, name, values, {}, versionOf(text), {}, w);
    return page(c, formTitle(name, w), form);
  });

  app.post("/desk/stories/:id/edit/:form", async (c) => {
    const story = storyOf(data.dataset, c);
    const name = c.req.param("form");
    if (!story || !isFormName(name)) return notFound(c, page, "form");
    const w = wordsOf(c);
    const form = (await c.req.parseBody()) as Form;
    const leadId = leadIdOf(form);
    const found = leadId === undefined ? undefined : await openLead(options.store, story, name, leadId, w);
    if (found && !found.ok) return page(c, found.title, found.body, found.status);
    const current = await readText(resolve(story.file));
    if (form.version !== versionOf(current)) {
      // The form's lists (figures, their values, deadlines) as the file is now, when it loads.
      await data.reload();
      const fresh = data.dataset.byId.get(story.story.id) ?? story;
      const kept = keptEntries(form, w);
      const around = { alert: conflictAlert(fresh, w), beside: currentValues(fresh, name, form, current, w) };
      const body = formPage(
        c.get("session"),
        fresh,
        name,
        kept.values,
        kept.errors,
        versionOf(current),
        around,
        w,
      );
      return page(c, w.t("desk-forms.not-saved", { title: formTitle(name, w) }), body, 409);
    }
    const draft = found?.ok ? found.form : undefined;
    const edit = editOf(data.dataset, story, { name, draft }, form, current, options.clock.now(), w);
    if (!edit.ok) {
      const body = formPage(c.get("session"), story, name, form, edit.errors, versionOf(current), {}, w);
      return page(c, formTitle(name, w), body, 400);
    }
    if (form.action !== "save") {
      const body = await checkPage(c, options, story, name, form, edit);
      return page(c, w.t("desk-forms.check-title", { title: formTitle(name, w) }), body);
    }
    return save(c, options, story, name, edit, found?.ok ? found.lead : undefined);
  });
  return app;
}

/** An edit read from a form and applied to the file's text, with the dataset it would make. */
interface Edit {
  ok: true;
  /** The file's text before the edit. */
  current: string;
  /** The file's text after it. */
  next: string;
  /** The path of the entry it writes (`figures[0].values[6]`). */
  at: string;
  dataset: Dataset;
  correction: boolean;
  now: Date;
}

/**
 * Reads a form, applies it to the file's text and validates the story as the loader would. When the
 * story is refused, every error shows (validate's own path and message); those of the entry's
 * evidence show at the evidence field too.
 */
function editOf(
  dataset: Dataset,
  story: Story,
  { name, draft }: { name: FormName; draft: DraftForm | undefined },
  form: Form,
  current: string,
  now: Date,
  words: Words,
): Edit | { ok: false; errors: Record<string, string> } {
  const context = { now, timeZone: story.story.timeZone, words };
  // A draft from a lead adds its new source too, which the entry cites.
  const parsed = draft ? readDraft(draft, form, context) : FORMS[name].read(form, context);
  if (!parsed.ok) return parsed;
  let applied: Applied;
  try {
    applied = parsed.apply(current, story);
  } catch (err) {
    if (!(err instanceof EditError)) throw err;
    return { ok: false, errors: err.fields };
  }
  const checked = validateEdit(dataset, story, applied.text);
  if (!checked.ok) {
    const evidence = checked.errors.filter(
      (e) => isWithin(e.path, applied.at) && e.path.endsWith(".evidence"),
    );
    const errors: Record<string, string> = { _story: checked.errors.map(formatDataError).join("\n") };
    if (evidence.length) errors.evidence = evidence.map((e) => `${e.path}: ${e.message}`).join("; ");
    return { ok: false, errors };
  }
  const correction = form.correction === "on" || (typeof form.corrects === "string" && form.corrects !== "");
  return { ok: true, current, next: applied.text, at: applied.at, dataset: checked.dataset, correction, now };
}

/** What the edit changes, what channels will receive because of it and the reply as it will read. */
async function checkPage(
  c: Context<Env>,
  options: DeskOptions,
  story: Story,
  name: FormName,
  form: Form,
  edit: Edit,
): Promise<Html> {
  const session = c.get("session");
  const w = wordsOf(c);
  const pending = await pendingNotices(options.store, story, edit.dataset, edit.now, w);
  const changes = datasetChanges(options.data.dataset, edit.dataset);
  const context = contextAt(edit.dataset, edit.now, options.settings, w);
  return html`<h1>${w.t("desk-forms.check-heading")}</h1>
    <h2 id="changes">${w.t("desk-forms.what-changes")}</h2>
    <ul aria-labelledby="changes">${changes.map((ch) => html`<li><code>${ch.path}</code>: ${ch.old ?? "—"} → <span dir="auto">${ch.new ?? "—"}</span></li>`)}</ul>
    <h2>${w.t("desk-forms.will-receive")}</h2>
    ${
      pending.length
        ? pending.map(
            (
              p,
            ) => html`<div class="notice pending"><strong>${p.title}</strong>: <span dir="auto">${p.text}</span>
              <br /><small>${p.counts}</small></div>`,
          )
        : html`<p>${w.t("desk-forms.nothing-sent")}</p>`
    }
    <form method="post" action="/desk/stories/${story.story.id}/edit/${name}">
      ${Object.entries(publicFields(form)).map(([k, v]) => html`<input type="hidden" name="${k}" value="${String(v)}" />`)}
      <input type="hidden" name="_csrf" value="${session.csrf}" />
      <input type="hidden" name="version" value="${versionOf(edit.current)}" />
      <button type="submit" name="action" value="save">${w.t(edit.correction ? "desk-forms.save-correction" : "desk-forms.save")}</button>
    </form>
    ${entryEvidence(edit.dataset.byId.get(story.story.id) ?? story, edit.at, w)}
    <h2>${w.t("desk-forms.readers-see")}</h2>
    ${replyPreviews(runCommand(registry, previewCommand(name), { story: story.story.id }, context), w)}`;
}

/** Writes the edited file (the change recorded as the user's), reloads the dataset and goes to the story. */
async function save(
  c: Context<Env>,
  options: DeskOptions,
  story: Story,
  name: FormName,
  edit: Edit,
  lead: Lead | undefined,
): Promise<Response> {
  const session = c.get("session");
  options.recorder.expect(story.story.id, {
    by: session.user,
    kind: edit.correction ? "correction" : "development",
  });
  const changes = datasetChanges(options.data.dataset, edit.dataset);
  await writeAtomically(resolve(story.file), edit.next);
  const served = await options.data.reload();
  if (lead) {
    const saved = edit.dataset.byId.get(story.story.id) ?? story;
    await useLead(options, lead, entryPath(edit.at, saved), session.user);
  }
  rememberSaved(session, {
    what: formTitle(name, wordsOf(c)),
    file: story.file,
    changes,
    correction: edit.correction,
    served,
  });
  options.log.info({ user: session.user, story: story.story.id, form: name }, "desk edit saved");
  // A feed's form goes back to the story's feeds; every other to the story's review.
  const back = name === "feed" || name === "feed-remove" ? "/feeds" : "";
  return c.redirect(`/desk/stories/${story.story.id}${back}?saved=1`, 303);
}

/**
 * What a link may choose before the form opens: the figure, deadline or person it is about
 * (`?figure=captives-remaining`). Only the form's own choices are ever selected.
 */
function presets(query: Record<string, string>): Form {
  return Object.fromEntries(
    ["figure", "deadline", "person"].filter((k) => typeof query[k] === "string").map((k) => [k, query[k]]),
  );
}

/** The command whose reply an edit changes most visibly. */
function previewCommand(form: FormName): string {
  const commands: Record<FormName, string> = {
    "figure-value": "figures",
    "deadline-status": "deadlines",
    "deadline-move": "deadlines",
    event: "timeline",
    claim: "claims",
    source: "sources",
    "person-role": "parties",
    feed: "sources",
    "feed-remove": "sources",
  };
  return commands[form];
}

/** A form's fields without the session token, for echoing back. */
function publicFields(form: Form): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(form).filter(([k]) => k !== "_csrf" && k !== "version" && k !== "action"),
  );
}

/** The edited story validated as the loader does, beside the other stories. */
export function validateEdit(
  dataset: Dataset,
  story: Story,
  text: string,
): { ok: true; dataset: Dataset } | { ok: false; errors: DataError[] } {
  const parsed = parseStoryText(story.file, text);
  if (!parsed.data || parsed.errors.length) return { ok: false, errors: parsed.errors };
  const others = dataset.stories.filter((s) => s !== story);
  const result = assemble([...others, indexStory(story.file, parsed.data)], []);
  return result.ok ? { ok: true, dataset: result.dataset } : { ok: false, errors: result.errors };
}
