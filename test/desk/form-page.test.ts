/**
 * The edit forms' pages: each form's fields, labelled, with the values and errors the form holds, the
 * session's CSRF token and the version of the file it was opened at; a figure's value picked in a
 * step of its own, so a correction can only target a value of that figure; after a refused save, an
 * alert above the form and the file's current values beside it.
 */
import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import { Sessions } from "../../src/desk/auth.js";
import { EVIDENCE_LABEL, figureOf, formPage } from "../../src/desk/form-page.js";
import { draftValues, SOURCE_FIELDS } from "../../src/desk/lead-draft.js";
import { ManualClock } from "../../src/time/clock.js";
import { shippedData, storedLead } from "../support/index.js";

const story = shippedData().defaultStory;
const session = new Sessions(new ManualClock("2025-03-02T08:00:00Z")).create("ana");
const render = async (h: unknown) => String(await h);

describe("a form page", () => {
  it("titles the form, carries the CSRF token and the file's version, and asks to check first", async () => {
    const page = await render(formPage(session, story, "event", {}, {}, "v1"));
    expect(page).toContain("<h1>Add an event</h1>");
    expect(page).toContain(`<form method="post" action="/desk/stories/gaza-2025/edit/event" class="form">`);
    expect(page).toContain(`<input type="hidden" name="_csrf" value="${session.csrf}" />`);
    expect(page).toContain('<input type="hidden" name="version" value="v1" />');
    expect(page).toContain('<button type="submit" name="action" value="check">Check what changes</button>');
    expect(page).toContain(EVIDENCE_LABEL);
  });

  it("keeps the values given and shows each field's error, and the story's own errors", async () => {
    const page = await render(
      formPage(
        session,
        story,
        "event",
        { title: "Talks resume" },
        { when: "is required", _story: "events[3]: bad" },
        "v1",
      ),
    );
    expect(page).toContain('value="Talks resume"');
    expect(page).toContain('<p class="error" id="f-when-error">is required</p>');
    expect(page).toContain("Please correct the fields marked below.");
    expect(page).toContain("<p>The story would not be valid:</p><pre>events[3]: bad</pre>");
  });

  it("picks the figure first, and offers to correct only that figure's values", async () => {
    const figure = story.figures[1];
    if (!figure) throw new Error("the shipped story has one figure");
    const page = await render(formPage(session, story, "figure-value", { figure: figure.id }, {}, "v1"));
    expect(page).toContain(
      '<form method="get" action="/desk/stories/gaza-2025/edit/figure-value" class="chooser"',
    );
    expect(page).toContain(`<input type="hidden" name="figure" value="${figure.id}" />`);
    expect(page).toContain(`value="${figure.id}:0"`);
    expect(page).not.toContain(`value="${story.figures[0]?.id}:0"`);
    expect(page).not.toContain('name="correction"');
  });

  it("puts an alert above the form and the file's values beside it after a refused save", async () => {
    const page = await render(
      formPage(session, story, "event", {}, {}, "v2", {
        alert: html`<p role="alert">Changed</p>`,
        beside: html`<aside>now</aside>`,
      }),
    );
    expect(page).toMatch(/<p role="alert">Changed<\/p>\s*<div class="beside"><div>/);
    expect(page).toContain("<aside>now</aside></div>");
  });
});

describe("the figure a form names", () => {
  it("is the one of that id, else the story's first", () => {
    expect(figureOf(story, story.figures[2]?.id)?.id).toBe(story.figures[2]?.id);
    expect(figureOf(story, "no-such-figure")?.id).toBe(story.figures[0]?.id);
    expect(figureOf(story, undefined)?.id).toBe(story.figures[0]?.id);
  });
});

describe("a draft from a lead", () => {
  const draft = {
    ...draftValues(storedLead({ id: 4 }), story, "figure-value"),
    figure: "captives-remaining",
  };

  it("shows the new source from the lead above the entry, carries the lead, and asks for no other source", async () => {
    const page = await render(formPage(session, story, "figure-value", draft, {}, "v1"));
    expect(page).toContain("The new source, from the lead (the entry below cites it)");
    expect(page).toContain('<input type="hidden" name="lead" value="4" />');
    expect(page).toContain('value="reuters-2025-03-02"');
    expect(page).toContain('value="2025-03-02T11:40:00+02:00"');
    expect(page).not.toContain('name="sourceId"');
    expect(page).toContain(EVIDENCE_LABEL);
  });

  it("keeps the lead when another figure is chosen", async () => {
    const page = await render(formPage(session, story, "figure-value", draft, {}, "v1"));
    const chooser = page.slice(page.indexOf('aria-label="Choose the figure"'), page.indexOf("</form>"));
    expect(chooser).toContain('<input type="hidden" name="lead" value="4" />');
  });

  it("shows a refused source field's error at that field", async () => {
    const page = await render(
      formPage(session, story, "event", draft, { [SOURCE_FIELDS.url]: "must be an http(s) address" }, "v1"),
    );
    expect(page).toContain('<p class="error" id="f-source-url-error">must be an http(s) address</p>');
    expect(page).not.toContain('name="sourceIds"');
  });
});
