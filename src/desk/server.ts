/**
 * The curator desk: a small web app served by the bot (hono on Node's HTTP server) to review a story
 * as of any instant, preview every reply on every platform, edit the story through forms, see what
 * subscribed channels will get because of an edit before saving it, and read the edit record.
 * This module puts it together (security headers, log-in, sessions, the routes of review-routes.ts,
 * edit-routes.ts and story-switcher.ts) and serves it. See docs/decisions/0013-curator-desk.md.
 */
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { csrfMatches, Sessions } from "./auth.js";
import { pageRenderer } from "./chrome.js";
import { type DeskOptions, type Env, wordsOf } from "./context.js";
import { editRoutes } from "./edit-routes.js";
import { feedRoutes } from "./feeds-routes.js";
import { deskLanguage, languageRoute } from "./language.js";
import { leadRoutes } from "./leads-routes.js";
import { loginRoutes, SESSION_COOKIE } from "./login.js";
import { CSS } from "./pages.js";
import { reviewRoutes } from "./review-routes.js";
import { switcherRoute } from "./story-switcher.js";
import { translationRoutes } from "./translations-routes.js";

export type { DeskOptions } from "./context.js";

export function createDesk(options: DeskOptions): Hono<Env> {
  const { data, clock } = options;
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
  // Every page in the curator's language: chosen from the menu, else the browser's, else English.
  app.use("/desk/*", deskLanguage());
  languageRoute(app, options.secureCookies);
  loginRoutes(app, options, sessions);

  // Everything else needs a session; every write also the session's CSRF token.
  app.use("/desk/*", async (c, next) => {
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (!session) {
      return c.req.method === "GET"
        ? c.redirect("/desk/login", 303)
        : c.text(wordsOf(c).t("desk.log-in-first"), 401);
    }
    if (c.req.method !== "GET") {
      const body = await c.req.parseBody();
      if (!csrfMatches(session, body._csrf)) return c.text(wordsOf(c).t("desk.csrf-refused"), 403);
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
  // Behind the session check above: the story switcher, the review pages, the edit forms, the leads, the feeds.
  app.route(
    "/",
    switcherRoute(() => data.dataset, page),
  );
  app.route("/", reviewRoutes(options, page));
  app.route("/", editRoutes(options, page));
  app.route("/", leadRoutes(options, page));
  app.route("/", feedRoutes(options, page));
  app.route("/", translationRoutes(options, page));
  return app;
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
