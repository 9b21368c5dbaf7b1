/**
 * The desk's feeds page: the news feeds a story watches, each with its state from the store and the
 * reason its last fetch was refused or failed; links to add, change or remove a feed through the
 * edit forms' check-then-save flow (feed-edits.ts).
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { notFound } from "./chrome.js";
import { type DeskOptions, type Env, type PageRenderer, storyOf, wordsOf } from "./context.js";
import { feedsTable } from "./feeds-views.js";
import { storyNav } from "./review-views.js";

/** The feeds page, as a route the desk mounts (`app.route`). */
export function feedRoutes(options: DeskOptions, page: PageRenderer): Hono<Env> {
  const { data, clock, store } = options;
  const app = new Hono<Env>();
  app.get("/desk/stories/:id/feeds", async (c) => {
    const story = storyOf(data.dataset, c);
    if (!story) return notFound(c, page);
    const w = wordsOf(c);
    const id = story.story.id;
    const [states, counts] = await Promise.all([store.feedStates(id), store.leadCounts(id)]);
    return page(
      c,
      w.t("desk-leads.feeds.page-title", { title: story.story.title }),
      html`<h1>${w.t("desk-leads.feeds.title")}</h1>
        ${storyNav(id, clock.now(), counts.new, w)}
        <p>${w.t("desk-leads.feeds.intro", { zone: story.story.timeZone })}</p>
        ${feedsTable(story, states, w)}
        <p><a href="/desk/stories/${id}/edit/feed">${w.t("desk-leads.feeds.add")}</a></p>`,
    );
  });
  return app;
}
