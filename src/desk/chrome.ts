/**
 * Every page of a logged-in curator: the desk's layout in the curator's language with the story
 * switcher, the language menu, the log-out button and, once after a save, the banner confirming it.
 */
import type { Context } from "hono";
import { html } from "hono/html";
import type { Dataset } from "../dataset/dataset.js";
import { type Env, type PageRenderer, wordsOf } from "./context.js";
import { layout } from "./pages.js";
import { savedBanner } from "./saved-banner.js";
import { storySwitcher } from "./story-switcher.js";

export function pageRenderer(dataset: () => Dataset): PageRenderer {
  return (c, title, body, status = 200) => {
    const session = c.get("session");
    const words = wordsOf(c);
    const chrome = {
      user: session.user,
      csrf: session.csrf,
      switcher: storySwitcher(dataset(), c),
      banner: savedBanner(session, words),
    };
    const path = c.req.url.slice(new URL(c.req.url).origin.length);
    return c.html(layout(title, body, chrome, { words, path }), status);
  };
}

/** The page of what the desk does not have: a story, a lead of the story, a form. */
export function notFound(
  c: Context<Env>,
  page: PageRenderer,
  what: "story" | "lead" | "form" = "story",
): Response | Promise<Response> {
  const w = wordsOf(c);
  return page(c, w.t("desk.not-found.title"), html`<p>${w.t(`desk.not-found.${what}` as const)}</p>`, 404);
}
