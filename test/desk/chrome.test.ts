/**
 * Every page of a logged-in curator: the desk's layout with the story switcher, the log-out button
 * carrying the session's CSRF token, and, once after a save, the banner confirming it.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import { Sessions } from "../../src/desk/auth.js";
import { pageRenderer } from "../../src/desk/chrome.js";
import type { Env } from "../../src/desk/context.js";
import { rememberSaved } from "../../src/desk/saved-banner.js";
import { ManualClock } from "../../src/time/clock.js";
import { shippedData } from "../support/index.js";

const session = new Sessions(new ManualClock("2025-03-02T08:00:00Z")).create("ana");
const app = new Hono<Env>();
app.use("*", async (c, next) => {
  c.set("session", session);
  await next();
});
const page = pageRenderer(() => shippedData());
app.get("/desk/stories/:id", (c) => page(c, "Review", html`<h1>Review</h1>`));
app.get("/desk/missing", (c) => page(c, "Not found", html`<p>No such story.</p>`, 404));

describe("a curator's page", () => {
  it("has the layout, the switcher on the page's story, and the log-out form with the CSRF token", async () => {
    const res = await app.request("/desk/stories/gaza-2025");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("<title>Review — ceasefire-bot desk</title>");
    expect(body).toMatch(/<option value="gaza-2025" selected>/);
    expect(body).toContain(`<input type="hidden" name="_csrf" value="${session.csrf}" />`);
    expect(body).toContain("<span>ana</span>");
  });

  it("has the status it is given", async () => {
    expect((await app.request("/desk/missing")).status).toBe(404);
  });

  it("confirms a save once, on the next page", async () => {
    rememberSaved(session, {
      what: "Add an event",
      file: "gaza-2025.json",
      changes: [],
      correction: false,
      served: true,
    });
    expect(await (await app.request("/desk/stories/gaza-2025")).text()).toContain(
      "<strong>Saved</strong>: Add an event",
    );
    expect(await (await app.request("/desk/stories/gaza-2025")).text()).not.toContain(
      "<strong>Saved</strong>",
    );
  });
});
