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
import { type DeskOptions, type Env, type PageRenderer, storyOf } from "./context.js";
import type { FormName } from "./edits.js";
import { type DraftForm, isDraftForm, isOpen } from "./lead-draft.js";
import { leadList, leadsPath, leadTabOf, leadTabs, staleLead, tabCount } from "./leads-views.js";
import type { Html } from "./pages.js";
import { storyNav } from "./review-views.js";

export const LEADS_PER_PAGE = 25;

/** The leads pages, as routes the desk mounts (`app.route`). */
export function leadRoutes(options: DeskOptions, page: PageRenderer): Hono<Env> {
  const { data, clock, store } = options;
  const app = new Hono<Env>();

  app.get("/desk/stories/:id/leads", async (c) => {
    const story = storyOf(data.dataset, c);
    if (!story) return page(c, "Not found", html`<p>No such story.</p>`, 404);
    const id = story.story.id;
    const tab = leadTabOf(c.req.query("state"));
    const counts = await store.leadCounts(id);
    const pages = Math.max(1, Math.ceil(tabCount(counts, tab) / LEADS_PER_PAGE));
    const pageNo = Math.min(pages, Math.max(1, Number(c.req.query("page") ?? "1") || 1));
    const leads = await store.leads({
      story: id,
      state: tab === "all" ? undefined : tab,
      limit: LEADS_PER_PAGE,
      offset: (pageNo - 1) * LEADS_PER_PAGE,
    });
    const cx = { story, csrf: c.get("session").csrf, tab, page: pageNo };
    return page(
      c,
      `Leads: ${story.story.title}`,
      html`<h1>Leads</h1>
        ${storyNav(id, clock.now(), counts.new)}
        <p>What the story's feeds brought in, newest first. Nothing here reaches readers: start a draft
          from a lead to check and save an entry citing it, or dismiss it.</p>
        ${leadTabs(id, tab, counts)}
        ${leadList(leads, cx)}
        ${pageLinks(id, tab, pageNo, pages)}`,
    );
  });

  app.post("/desk/stories/:id/leads/:lead/dismiss", async (c) => {
    const story = storyOf(data.dataset, c);
    const lead = await store.lead(Number(c.req.param("lead")));
    if (!story || !lead || lead.story !== story.story.id) {
      return page(c, "Not found", html`<p>No such lead in this story.</p>`, 404);
    }
    const user = c.get("session").user;
    const now = clock.now();
    if (!(await store.decideLead(lead.id, { state: "dismissed" }, user, now))) {
      const fresh = (await store.lead(lead.id)) ?? lead;
      return page(c, "Lead already decided", staleLead(fresh, story), 409);
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

function pageLinks(story: string, tab: string, current: number, pages: number) {
  if (pages <= 1) return html``;
  const at = (n: number) => leadsPath(story, leadTabOf(tab), n);
  return html`<nav aria-label="Pages">
    ${current > 1 ? html`<a href="${at(current - 1)}">Previous</a>` : ""}
    Page ${current} of ${pages}
    ${current < pages ? html`<a href="${at(current + 1)}">Next</a>` : ""}
  </nav>`;
}

/** The lead a draft names, still open and of this story; else the page saying why not. */
export async function openLead(
  store: LeadStore,
  story: Story,
  name: FormName,
  id: number,
): Promise<
  { ok: true; lead: Lead; form: DraftForm } | { ok: false; title: string; body: Html; status: 404 | 409 }
> {
  const lead = await store.lead(id);
  if (!lead || lead.story !== story.story.id || !isDraftForm(name)) {
    return { ok: false, title: "Not found", body: html`<p>No such lead in this story.</p>`, status: 404 };
  }
  if (!isOpen(lead)) {
    return { ok: false, title: "Lead already decided", body: staleLead(lead, story), status: 409 };
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
