/**
 * Moving between stories: every page of the desk carries a story switcher (a labelled select and a
 * button, no script, so it works with a keyboard alone), which opens the same view (review, preview,
 * record, leads, feeds or a form) of the story chosen. Only ids of the loaded dataset are ever opened.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import type { Dataset } from "../dataset/dataset.js";
import { notFound } from "./chrome.js";
import { type Env, type PageRenderer, wordsOf } from "./context.js";
import { isFormName } from "./edits.js";
import type { Html } from "./pages.js";

/**
 * Where a page is: its story and its view ("", "preview", "record", "leads", "feeds", "edit/event"),
 * from its path.
 */
export function placeOf(path: string): { story: string; view: string } | undefined {
  const match = /^\/desk\/stories\/([^/]+)(?:\/(preview|record|leads|feeds|edit\/[a-z-]+))?$/.exec(path);
  if (!match?.[1]) return undefined;
  return { story: match[1], view: match[2] ?? "" };
}

/** The view to open on the story switched to: one the desk has, else the review. */
function viewPath(view: string | undefined): string {
  if (view === "preview" || view === "record" || view === "leads" || view === "feeds") return `/${view}`;
  const form = /^edit\/([a-z-]+)$/.exec(view ?? "")?.[1];
  return form && isFormName(form) ? `/edit/${form}` : "";
}

/** The switcher, with the page's story chosen (none on the list of stories). */
export function storySwitcher(dataset: Dataset, c: Context<Env>): Html {
  const place = placeOf(c.req.path);
  const at = c.req.query("at");
  const w = wordsOf(c);
  return html`<form method="get" action="/desk/switch" class="switcher" aria-label="${w.t("desk.switcher.label")}">
    <label for="story-switch">${w.t("desk.switcher.go-to")}</label>
    <select id="story-switch" name="story">
      ${place ? "" : html`<option value="" selected>${w.t("desk.switcher.choose")}</option>`}
      ${dataset.stories.map(
        (s) =>
          html`<option value="${s.story.id}" ${s.story.id === place?.story ? "selected" : ""}>${s.story.title}</option>`,
      )}
    </select>
    ${place?.view ? html`<input type="hidden" name="view" value="${place.view}" />` : ""}
    ${at && Number.isFinite(Date.parse(at)) ? html`<input type="hidden" name="at" value="${at}" />` : ""}
    <button type="submit">${w.t("desk.switcher.open")}</button>
  </form>`;
}

/** GET /desk/switch?story=…&view=…: the same view of the story chosen. */
export function switcherRoute(dataset: () => Dataset, page: PageRenderer): Hono<Env> {
  const app = new Hono<Env>();
  app.get("/desk/switch", (c) => {
    const id = c.req.query("story") ?? "";
    if (id === "") return c.redirect("/desk/", 303);
    const story = dataset().byId.get(id);
    if (!story) return notFound(c, page);
    const view = viewPath(c.req.query("view"));
    const at = c.req.query("at");
    const keepsAt = (view === "" || view === "/preview") && at && Number.isFinite(Date.parse(at));
    const query = keepsAt ? `?at=${encodeURIComponent(at)}` : "";
    return c.redirect(`/desk/stories/${encodeURIComponent(story.story.id)}${view}${query}`, 303);
  });
  return app;
}
