/**
 * The desk's review routes: the list of stories, a story as of any instant (with its upcoming alerts
 * and last deliveries), every reply previewed on every platform, and the edit record.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { registry } from "../../commands/index.js";
import { dueAlerts } from "../alerts/recipients.js";
import { runCommand } from "../command-engine/run.js";
import { type StoryAt, storyAt } from "../dataset/asof.js";
import type { Words } from "../language/words.js";
import { countsText } from "./audience.js";
import { notFound } from "./chrome.js";
import { contextAt, type DeskOptions, type Env, type PageRenderer, storyOf, wordsOf } from "./context.js";
import { evidenceHtml } from "./evidence.js";
import { FileChecks, rawItems } from "./file-checks.js";
import { term } from "./language.js";
import { fileErrorsHtml, type Html } from "./pages.js";
import { replyPreviews } from "./preview.js";
import { instantOf, pager, reviewSections, storyNav } from "./review-views.js";

const EVENTS_PER_PAGE = 50;
/** How far ahead the review lists the alerts due. */
const UPCOMING_MS = 7 * 86_400_000;

/** What the review pages read. */
interface Review extends Pick<DeskOptions, "data" | "store" | "clock"> {
  options: DeskOptions;
  page: PageRenderer;
  files: FileChecks;
}

/** The review pages, as routes the desk mounts (`app.route`). */
export function reviewRoutes(options: DeskOptions, page: PageRenderer): Hono<Env> {
  const { data, store, clock } = options;
  const desk: Review = { data, store, clock, options, page, files: new FileChecks() };
  const app = new Hono<Env>();
  app.get("/desk/", (c) => storiesPage(desk, c));
  app.get("/desk/stories/:id", (c) => reviewPage(desk, c));
  app.get("/desk/stories/:id/preview", (c) => previewPage(desk, c));
  app.get("/desk/stories/:id/record", (c) => recordPage(desk, c));
  return app;
}

/** The list of stories, with the errors of each file on disk. */
async function storiesPage(desk: Review, c: Context<Env>): Promise<Response> {
  const { data, page, files } = desk;
  const stories = data.dataset.stories;
  const checks = await Promise.all(stories.map(async (s) => ({ s, errors: await files.errors(s) })));
  const w = wordsOf(c);
  return page(
    c,
    w.t("desk.stories.title"),
    html`<h1>${w.t("desk.stories.title")}</h1>
    <ul>${checks.map(
      ({
        s,
        errors,
      }) => html`<li><a href="/desk/stories/${s.story.id}" dir="auto">${s.story.title}</a> (<code>${s.file}</code>)
        ${errors.length ? html`<span class="error">${w.t("desk.stories.errors", { count: errors.length })}</span>` : ""}</li>`,
    )}</ul>`,
  );
}

/** A story as readers got it at an instant, its upcoming alerts and last deliveries. */
async function reviewPage(desk: Review, c: Context<Env>): Promise<Response> {
  const { data, store, clock, options, page, files } = desk;
  const story = storyOf(data.dataset, c);
  if (!story) return notFound(c, page);
  const w = wordsOf(c);
  const at = instantOf(c.req.query("at"), clock);
  const view = storyAt(story, at);
  const pageNo = Math.max(1, Number(c.req.query("page") ?? "1") || 1);
  const errors = await files.errors(story);
  const raw = errors.length ? await rawItems(story) : new Map<string, unknown>();
  const subs = await store.activeSubscriptions();
  const now = clock.now();
  const upcoming = dueAlerts(
    data.dataset,
    subs,
    { from: now, to: new Date(now.getTime() + UPCOMING_MS) },
    options.settings.reminderHour,
  ).filter((a) => a.alert.storyId === story.story.id);
  const id = story.story.id;
  const deliveries = await store.deliveriesOf([`${id}:`, `update:${id}:`, `correction:${id}:`], 20);
  const tz = story.story.timeZone;
  const timeline = view.events();
  const total = timeline?.count(view.t) ?? 0;
  // Positions of the whole timeline: an event reported later than it happened sits among the
  // visible ones, so the visible ones reach past position `total`.
  const skip = (pageNo - 1) * EVENTS_PER_PAGE;
  const events = timeline?.slice(view.t, 0, timeline.length, skip, EVENTS_PER_PAGE) ?? [];
  return page(
    c,
    story.story.title,
    html`<h1 dir="auto">${story.story.title}</h1>
    ${storyNav(id, at, (await store.leadCounts(id)).new, w)}
    <form method="get" class="inline" aria-label="${w.t("desk.review.as-of-form")}">
      <label for="at">${w.t("desk.review.as-of")}</label> <input id="at" name="at" dir="ltr" value="${at.toISOString()}" />
      <button type="submit">${w.t("desk.review.show")}</button>
    </form>
    ${summaryHtml(view, w)}
    ${fileErrorsHtml(story.file, errors, raw, w)}
    <h2>${w.t("desk.review.upcoming")}</h2>
    ${
      upcoming.length
        ? html`<table><tr><th>${w.t("desk.review.when-in", { zone: tz })}</th><th>${w.t("desk.review.what")}</th><th>${w.t("desk.review.channels")}</th></tr>${upcoming.map(
            (u) =>
              html`<tr><td>${w.instant(u.alert.at, tz)}</td><td dir="auto">${u.alert.text}</td><td>${countsText(u.channels, w)}</td></tr>`,
          )}</table>`
        : html`<p>${w.t("desk.review.none")}</p>`
    }
    <h2>${w.t("desk.review.deliveries")}</h2>
    ${
      deliveries.length
        ? html`<table><tr><th>${w.t("desk.review.due")}</th><th>${w.t("desk.review.what")}</th><th>${w.t("desk.review.channel")}</th><th>${w.t("desk.review.outcome")}</th></tr>${deliveries.map(
            (d) =>
              html`<tr><td>${w.instant(d.dueAt, tz)}</td><td dir="auto">${d.summary}</td><td dir="ltr">${d.platform} ${d.channelId}</td><td class="${d.state === "failed" ? "error" : ""}">${term(w, "desk-terms.delivery-state", d.state)}${d.reason ? html`: <span dir="auto">${d.reason}</span>` : ""}</td></tr>`,
          )}</table>`
        : html`<p>${w.t("desk.review.none-yet")}</p>`
    }
    ${reviewSections(view, w)}
    <h2>${w.t("desk.review.events", { count: total })}</h2>
    <ul>${events.map((e) => {
      // The wording readers got at this instant: the first report's or a later update's.
      const v = view.eventVersion(e);
      return html`<li id="events.${e.id}"><span dir="auto">${e.day} — <strong>${v.title}</strong>${v.description ? html`: ${v.description}` : ""}</span>${evidenceHtml(story, v.evidence, v.sourceIds, w)}</li>`;
    })}</ul>
    ${pager(`/desk/stories/${id}?at=${encodeURIComponent(at.toISOString())}`, pageNo, Math.ceil(total / EVENTS_PER_PAGE), w)}`,
  );
}

/** The story's summary at the instant, with the evidence of a summary entry. */
function summaryHtml(view: StoryAt, w: Words): Html {
  const entry = view.story.tracks.summary.at(view.t);
  return html`<p dir="auto">${entry?.value ?? ""}</p>${entry ? evidenceHtml(view.story, entry.evidence, entry.sourceIds, w) : ""}`;
}

/** Every reply as readers get it at an instant, as each platform shows it. */
async function previewPage(desk: Review, c: Context<Env>): Promise<Response> {
  const { data, store, clock, options, page } = desk;
  const story = storyOf(data.dataset, c);
  if (!story) return notFound(c, page);
  const w = wordsOf(c);
  const at = instantOf(c.req.query("at"), clock);
  const newLeads = (await store.leadCounts(story.story.id)).new;
  const context = contextAt(data.dataset, at, options.settings, w);
  const questions = registry.list.filter((cmd) => cmd.kind !== "channel");
  return page(
    c,
    w.t("desk.preview.page-title", { title: story.story.title }),
    html`<h1>${w.t("desk.preview.title")}</h1>${storyNav(story.story.id, at, newLeads, w)}
    <p>${w.t("desk.preview.intro", { at: at.toISOString() })}</p>
    ${questions.map(
      (cmd) =>
        html`<section><h2 dir="ltr">/${cmd.name}</h2>${replyPreviews(runCommand(registry, cmd.name, { story: story.story.id }, context), w)}</section>`,
    )}`,
  );
}

/** The record of the story's changes. */
async function recordPage(desk: Review, c: Context<Env>): Promise<Response> {
  const { data, store, clock, page } = desk;
  const story = storyOf(data.dataset, c);
  if (!story) return notFound(c, page);
  const w = wordsOf(c);
  const changes = await store.changes(story.story.id, 200);
  const newLeads = (await store.leadCounts(story.story.id)).new;
  const tz = story.story.timeZone;
  return page(
    c,
    w.t("desk.record.page-title", { title: story.story.title }),
    html`<h1>${w.t("desk.record.title")}</h1>${storyNav(story.story.id, clock.now(), newLeads, w)}
    ${
      changes.length
        ? html`<table><tr><th>${w.t("desk.record.when")}</th><th>${w.t("desk.review.what")}</th><th>${w.t("desk.record.was")}</th><th>${w.t("desk.record.is")}</th><th>${w.t("desk.record.kind")}</th><th>${w.t("desk.record.by")}</th></tr>${changes.map(
            (ch) =>
              html`<tr><td>${w.instant(ch.at, tz)}</td><td><code>${ch.path}</code></td><td dir="auto">${ch.old ?? "—"}</td><td dir="auto">${ch.new ?? "—"}</td><td>${term(w, "desk-terms.change-kind", ch.kind)}</td><td dir="auto">${ch.by ?? w.t("desk.record.by-file")}</td></tr>`,
          )}</table>`
        : html`<p>${w.t("desk.record.none")}</p>`
    }`,
  );
}
