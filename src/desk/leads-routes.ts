/**
 * The desk's leads routes: a story's leads newest first, by state (new, used, dismissed, all), paged;
 * and "Dismiss" (no reason asked), recorded as the curator's decision on the lead and as a line of the
 * story's edit record. A lead another curator decided meanwhile is not dismissed again: the page says
 * who decided it. Drafts from a lead open the edit forms (edit-routes.ts).
 */
import { Hono } from "hono";
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import type { Lead, LeadStore } from "../feeds/lead.js";
import { ENGLISH, type Words } from "../language/words.js";
import { notFound } from "./chrome.js";
import { type DeskOptions, type Env, type PageRenderer, storyOf, wordsOf } from "./context.js";
import type { FormName } from "./edits.js";
import { type DraftForm, isDraftForm, isOpen } from "./lead-draft.js";
import { leadList, leadsPath, leadTabOf, leadTabs, staleLead, tabCount } from "./leads-views.js";
import type { Html } from "./pages.js";
import { pages, storyNav } from "./review-views.js";

export const LEADS_PER_PAGE = 25;

/** The leads pages, as routes the desk mounts (`app.route`). */
export function leadRoutes(options: DeskOptions, page: PageRenderer): Hono<Env> {
  const { data, clock, store } = options;
  const app = new Hono<Env>();

  app.get("/desk/stories/:id/leads", async (c) => {
    const story = storyOf(data.dataset, c);
    if (!story) return notFound(c, page);
    const w = wordsOf(c);
    const id = story.story.id;
    const tab = leadTabOf(c.req.query("state"));
    const counts = await store.leadCounts(id);
    const pageCount = Math.max(1, Math.ceil(tabCount(counts, tab) / LEADS_PER_PAGE));
    const pageNo = Math.min(pageCount, Math.max(1, Number(c.req.query("page") ?? "1") || 1));
    const leads = await store.leads({
      story: id,
      state: tab === "all" ? undefined : tab,
      limit: LEADS_PER_PAGE,
      offset: (pageNo - 1) * LEADS_PER_PAGE,
    });
    const cx = { story, csrf: c.get("session").csrf, tab, page: pageNo, words: w };
    return page(
      c,
      w.t("desk-leads.page-title", { title: story.story.title }),
      html`<h1>${w.t("desk-leads.title")}</h1>
        ${storyNav(id, clock.now(), counts.new, w)}
        <p>${w.t("desk-leads.intro")}</p>
        ${leadTabs(id, tab, counts, w)}
        ${leadList(leads, cx)}
        ${pages((n) => leadsPath(id, tab, n), pageNo, pageCount, w)}`,
    );
  });

  app.post("/desk/stories/:id/leads/:lead/dismiss", async (c) => {
    const story = storyOf(data.dataset, c);
    const lead = await store.lead(Number(c.req.param("lead")));
    if (!story || !lead || lead.story !== story.story.id) return notFound(c, page, "lead");
    const w = wordsOf(c);
    const user = c.get("session").user;
    const now = clock.now();
    if (!(await store.decideLead(lead.id, { state: "dismissed" }, user, now))) {
      const fresh = (await store.lead(lead.id)) ?? lead;
      return page(c, w.t("desk-leads.stale.title"), staleLead(fresh, story, w), 409);
    }
    await store.recordChanges(
      [
        {
          story: story.story.id,
          path: `leads.${lead.id}`,
          kind: "development",
          old: JSON.stringify(`new: ${lead.outlet}: ${lead.title}`),
          new: JSON.stringify("dismissed"),
          by: user,
        },
      ],
      now,
    );
    options.log.info({ user, story: story.story.id, lead: lead.id }, "lead dismissed");
    const body = await c.req.parseBody();
    const back = leadTabOf(typeof body.state === "string" ? body.state : undefined);
    return c.redirect(leadsPath(story.story.id, back, Number(body.page) || 1), 303);
  });
  return app;
}

/** The lead a draft names, still open and of this story; else the page saying why not. */
export async function openLead(
  store: LeadStore,
  story: Story,
  name: FormName,
  id: number,
  w: Words = ENGLISH,
): Promise<
  { ok: true; lead: Lead; form: DraftForm } | { ok: false; title: string; body: Html; status: 404 | 409 }
> {
  const lead = await store.lead(id);
  if (!lead || lead.story !== story.story.id || !isDraftForm(name)) {
    const body = html`<p>${w.t("desk.not-found.lead")}</p>`;
    return { ok: false, title: w.t("desk.not-found.title"), body, status: 404 };
  }
  if (!isOpen(lead)) {
    return { ok: false, title: w.t("desk-leads.stale.title"), body: staleLead(lead, story, w), status: 409 };
  }
  return { ok: true, lead, form: name };
}

/**
 * Marks a lead used for the entry just saved. Someone may have decided it between the check and the
 * save: the entry stays saved, and the log says so.
 */
export async function useLead(
  options: DeskOptions,
  lead: Lead,
  usedFor: string,
  user: string,
): Promise<void> {
  const used = await options.store.decideLead(lead.id, { state: "used", usedFor }, user, options.clock.now());
  if (!used) options.log.warn({ user, lead: lead.id, usedFor }, "lead was decided by someone else meanwhile");
  else options.log.info({ user, story: lead.story, lead: lead.id, usedFor }, "lead used");
}
