/**
 * The curator desk: a small web app served by the bot (hono on Node's HTTP server) to review a story
 * as of any instant, preview every reply on every platform, edit the story through forms, see what
 * subscribed channels will get because of an edit before saving it, and read the record of changes.
 * See docs/decisions/0013-curator-desk.md.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { html } from "hono/html";
import { secureHeaders } from "hono/secure-headers";
import { registry } from "../../commands/index.js";
import { dueAlerts } from "../alerts/scheduler.js";
import { runCommand } from "../command/run.js";
import { type StoryAt, storyAt } from "../dataset/asof.js";
import type { Story } from "../dataset/dataset.js";
import { type DataError, parseStoryText } from "../dataset/load.js";
import { PARTY_ROLES } from "../dataset/schema.js";
import { formatInstant } from "../time/calendar.js";
import type { Clock } from "../time/clock.js";
import { countsText } from "./audience.js";
import { csrfMatches, Sessions } from "./auth.js";
import { pageRenderer } from "./chrome.js";
import { contextAt, type DeskOptions, type Env, storyOf as storyOfUrl } from "./context.js";
import { editRoutes } from "./edit-routes.js";
import { readText } from "./edits.js";
import { loginRoutes, SESSION_COOKIE } from "./login.js";
import { CSS, fileErrorsHtml, type Html, isWebAddress } from "./pages.js";
import { replyPreviews } from "./preview.js";
import { switcherRoute } from "./story-switcher.js";

export type { DeskOptions } from "./context.js";

const EVENTS_PER_PAGE = 50;
/** How far ahead the review lists the alerts due. */
const UPCOMING_MS = 7 * 86_400_000;

export function createDesk(options: DeskOptions): Hono<Env> {
  const { data, store, clock } = options;
  const sessions = new Sessions(clock);
  const app = new Hono<Env>();

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: "DENY",
    }),
  );
  app.get("/desk/assets/desk.css", (c) => c.body(CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));
  loginRoutes(app, options, sessions);

  // Everything else needs a session; every write also the session's CSRF token.
  app.use("/desk/*", async (c, next) => {
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (!session) {
      return c.req.method === "GET" ? c.redirect("/desk/login", 303) : c.text("Log in first.", 401);
    }
    if (c.req.method !== "GET") {
      const body = await c.req.parseBody();
      if (!csrfMatches(session, body._csrf)) return c.text("Missing or wrong CSRF token.", 403);
    }
    c.set("session", session);
    await next();
  });
  app.get("/desk", (c) => c.redirect("/desk/", 303));

  app.post("/desk/logout", (c) => {
    sessions.destroy(c.get("session").id);
    deleteCookie(c, SESSION_COOKIE, { path: "/desk" });
    return c.redirect("/desk/login", 303);
  });

  const page = pageRenderer(() => data.dataset);
  switcherRoute(app, () => data.dataset, page);

  const storyOf = (c: Context<Env>): Story | undefined => storyOfUrl(data.dataset, c);

  app.get("/desk/", async (c) => {
    const stories = data.dataset.stories;
    const checks = await Promise.all(stories.map(async (s) => ({ s, errors: await fileErrors(s) })));
    return page(
      c,
      "Stories",
      html`<h1>Stories</h1>
        <ul>${checks.map(
          ({
            s,
            errors,
          }) => html`<li><a href="/desk/stories/${s.story.id}">${s.story.title}</a> (<code>${s.file}</code>)
            ${errors.length ? html`<span class="error">${errors.length} error(s) in the file on disk</span>` : ""}</li>`,
        )}</ul>`,
    );
  });

  app.get("/desk/stories/:id", async (c) => {
    const story = storyOf(c);
    if (!story) return page(c, "Not found", html`<p>No such story.</p>`, 404);
    const at = instantOf(c.req.query("at"), clock);
    const view = storyAt(story, at);
    const pageNo = Math.max(1, Number(c.req.query("page") ?? "1") || 1);
    const errors = await fileErrors(story);
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
    const total = view.events()?.count(view.t) ?? 0;
    const events =
      view.events()?.slice(view.t, 0, total, (pageNo - 1) * EVENTS_PER_PAGE, EVENTS_PER_PAGE) ?? [];
    return page(
      c,
      story.story.title,
      html`<h1 dir="auto">${story.story.title}</h1>
        ${storyNav(id, at)}
        <form method="get" class="inline" aria-label="Show as of an instant">
          <label for="at">As of</label> <input id="at" name="at" value="${at.toISOString()}" />
          <button type="submit">Show</button>
        </form>
        <p dir="auto">${view.summary() ?? ""}</p>
        ${fileErrorsHtml(story.file, errors, raw)}
        <h2>Upcoming alerts (next 7 days)</h2>
        ${
          upcoming.length
            ? html`<table><tr><th>When (${tz})</th><th>What</th><th>Channels</th></tr>${upcoming.map(
                (u) =>
                  html`<tr><td>${formatInstant(u.alert.at, tz)}</td><td dir="auto">${u.alert.text}</td><td>${countsText(u.channels)}</td></tr>`,
              )}</table>`
            : html`<p>None.</p>`
        }
        <h2>Last deliveries</h2>
        ${
          deliveries.length
            ? html`<table><tr><th>Due</th><th>What</th><th>Channel</th><th>Outcome</th></tr>${deliveries.map(
                (d) =>
                  html`<tr><td>${formatInstant(d.dueAt, tz)}</td><td dir="auto">${d.summary}</td><td>${d.platform} ${d.channelId}</td><td class="${d.state === "failed" ? "error" : ""}">${d.state}${d.reason ? html`: ${d.reason}` : ""}</td></tr>`,
              )}</table>`
            : html`<p>None yet.</p>`
        }
        ${reviewSections(view)}
        <h2>Events (${total})</h2>
        <ul>${events.map((e) => html`<li dir="auto">${e.day} — <strong>${e.title}</strong>${e.description ? html`: ${e.description}` : ""}</li>`)}</ul>
        ${pager(`/desk/stories/${id}?at=${encodeURIComponent(at.toISOString())}`, pageNo, Math.ceil(total / EVENTS_PER_PAGE))}`,
    );
  });

  app.get("/desk/stories/:id/preview", (c) => {
    const story = storyOf(c);
    if (!story) return page(c, "Not found", html`<p>No such story.</p>`, 404);
    const at = instantOf(c.req.query("at"), clock);
    const context = contextAt(data.dataset, at, options.settings);
    const questions = registry.list.filter((cmd) => cmd.kind !== "channel");
    return page(
      c,
      `Preview: ${story.story.title}`,
      html`<h1>Preview</h1>${storyNav(story.story.id, at)}
        <p>Every reply as readers get it at ${at.toISOString()}.</p>
        ${questions.map(
          (cmd) =>
            html`<section><h2>/${cmd.name}</h2>${replyPreviews(runCommand(registry, cmd.name, { story: story.story.id }, context))}</section>`,
        )}`,
    );
  });

  app.get("/desk/stories/:id/record", async (c) => {
    const story = storyOf(c);
    if (!story) return page(c, "Not found", html`<p>No such story.</p>`, 404);
    const changes = await store.changes(story.story.id, 200);
    const tz = story.story.timeZone;
    return page(
      c,
      `Record: ${story.story.title}`,
      html`<h1>Record of changes</h1>${storyNav(story.story.id, clock.now())}
        ${
          changes.length
            ? html`<table><tr><th>When</th><th>What</th><th>Was</th><th>Is</th><th>Kind</th><th>By</th></tr>${changes.map(
                (ch) =>
                  html`<tr><td>${formatInstant(ch.at, tz)}</td><td><code>${ch.path}</code></td><td dir="auto">${ch.old ?? "—"}</td><td dir="auto">${ch.new ?? "—"}</td><td>${ch.kind}</td><td>${ch.by ?? "edit of the file"}</td></tr>`,
              )}</table>`
            : html`<p>No change recorded yet.</p>`
        }`,
    );
  });

  /**
   * The errors of a story's file as it is on disk now (the dataset holds the last good one), checked
   * again only when the file's modification time or size changed.
   */
  const checked = new Map<string, { mtimeMs: number; size: number; errors: DataError[] }>();
  async function fileErrors(story: Story): Promise<DataError[]> {
    const file = resolve(story.file);
    try {
      const { mtimeMs, size } = await stat(file);
      const known = checked.get(file);
      if (known && known.mtimeMs === mtimeMs && known.size === size) return known.errors;
      const errors = parseStoryText(story.file, await readText(file)).errors;
      checked.set(file, { mtimeMs, size, errors });
      return errors;
    } catch (err) {
      return [{ file: story.file, path: "", message: `cannot read: ${(err as Error).message}` }];
    }
  }

  /** The file's items as written (`figures[3]` → its JSON), to show beside their errors. */
  async function rawItems(story: Story): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    try {
      const raw = JSON.parse(await readText(resolve(story.file))) as Record<string, unknown>;
      for (const [key, value] of Object.entries(raw)) {
        if (!Array.isArray(value)) continue;
        value.forEach((item, i) => {
          out.set(`${key}[${i}]`, item);
        });
      }
    } catch {
      // Invalid JSON: the error itself says where.
    }
    return out;
  }

  editRoutes(app, options, page);
  return app;
}

function instantOf(text: string | undefined, clock: Clock): Date {
  const t = text ? Date.parse(text) : Number.NaN;
  return Number.isFinite(t) ? new Date(t) : clock.now();
}

function storyNav(id: string, at: Date): Html {
  const q = `?at=${encodeURIComponent(at.toISOString())}`;
  return html`<nav class="tabs" aria-label="Story">
    <a href="/desk/stories/${id}${q}">Review</a>
    <a href="/desk/stories/${id}/preview${q}">Preview replies</a>
    <a href="/desk/stories/${id}/record">Record</a>
    <a href="/desk/stories/${id}/edit/figure-value">Figure value</a>
    <a href="/desk/stories/${id}/edit/deadline-status">Deadline status</a>
    <a href="/desk/stories/${id}/edit/deadline-move">Move a deadline</a>
    <a href="/desk/stories/${id}/edit/event">Event</a>
    <a href="/desk/stories/${id}/edit/claim">Statement</a>
    <a href="/desk/stories/${id}/edit/source">Source</a>
    <a href="/desk/stories/${id}/edit/person-role">Person's role</a>
  </nav>`;
}

function pager(base: string, current: number, pages: number): Html {
  if (pages <= 1) return html``;
  return html`<nav aria-label="Pages">
    ${current > 1 ? html`<a href="${base}&page=${current - 1}">Previous</a>` : ""}
    Page ${current} of ${pages}
    ${current < pages ? html`<a href="${base}&page=${current + 1}">Next</a>` : ""}
  </nav>`;
}

/** Phases, deadlines (with their histories), figures (with theirs), statements, parties, sources. */
function reviewSections(view: StoryAt): Html {
  const tz = view.timeZone;
  const when = (ms: number) => (Number.isFinite(ms) ? formatInstant(new Date(ms), tz) : "from the start");
  return html`
    <h2>Phases</h2>
    <ul>${view.phases().map(
      (
        p,
      ) => html`<li dir="auto"><strong>${p.phase.name}</strong>: ${p.status}${p.statusChange?.note ? html` — ${p.statusChange.note}` : ""}
        <ul>${p.track.statuses.visibleAt(view.t).map((s) => html`<li>${when(s.from)}: ${s.value}${s.attribution ? html` (according to ${s.attribution})` : ""}</li>`)}</ul></li>`,
    )}</ul>
    <h2>Deadlines</h2>
    <ul>${view.deadlines().map(
      (
        d,
      ) => html`<li dir="auto"><strong>${d.deadline.title}</strong> (<code>${d.deadline.id}</code>): due ${d.deadline.due}${d.version.move ? html` → ${d.version.move.due}` : ""}, ${d.status}
        <ul>${d.track.statuses.visibleAt(view.t).map((s) => html`<li>status ${s.value} from ${when(s.from)}${s.note ? html`: ${s.note}` : ""}</li>`)}
          ${
            d.previous.length
              ? d.track.dues
                  .visibleAt(view.t)
                  .slice(1)
                  .map(
                    (v) =>
                      html`<li>moved to ${v.move?.due} on ${v.move?.at} (${v.move?.kind}, according to ${v.move?.attribution})</li>`,
                  )
              : ""
          }</ul></li>`,
    )}</ul>
    <h2>Figures</h2>
    <ul>${view.story.tracks.figures.map((track) => {
      const values = view.figureHistory(track);
      return values.length
        ? html`<li dir="auto"><strong>${track.figure.label}</strong> (<code>${track.figure.id}</code>)
            <ol>${values.map((v) => html`<li>${v.value} (${v.qualifier}) as of ${v.asOf}, according to ${v.attribution}${v.corrected ? html` — corrected on ${v.corrected.on}, was ${v.corrected.was}` : ""}</li>`)}</ol></li>`
        : "";
    })}</ul>
    <h2>Statements</h2>
    <ul>${view.claims().map((cl) => html`<li dir="auto">${cl.by} (${String(cl.when)}): ${cl.text}</li>`)}</ul>
    <h2>Parties and people</h2>
    <ul>${view.parties().map((p) => html`<li dir="auto">${p.party.name}: ${p.roles.filter((r) => PARTY_ROLES.includes(r)).join(", ")}</li>`)}
      ${view.people().map((p) => html`<li dir="auto">${p.person.name}, ${p.role}</li>`)}</ul>
    <h2>Sources</h2>
    <ul>${view.sources().map((s) => html`<li dir="auto">${s.title} — ${s.publisher ?? ""}, ${s.published}${isWebAddress(s.url) ? html` <a href="${s.url}" rel="noreferrer noopener">link</a>` : ""}</li>`)}</ul>`;
}

export interface RunningDesk {
  port(): number;
  close(): Promise<void>;
}

/** Serves the desk on host:port (127.0.0.1 unless told otherwise). */
export async function startDesk(options: DeskOptions & { port: number; host: string }): Promise<RunningDesk> {
  const app = createDesk(options);
  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => ready(s));
  });
  return {
    port: () => {
      const address = server.address();
      return typeof address === "object" && address ? address.port : options.port;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
