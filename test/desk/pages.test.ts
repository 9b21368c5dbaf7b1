/**
 * The desk's pages: the layout every page shares (its title, the stylesheet, and for a curator the
 * story switcher, a log-out form carrying the CSRF token, and a banner), the log-in page, which
 * addresses may be links, form fields with their hints and errors, and the errors of a broken file
 * beside the items they name. Every text is escaped.
 */
import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import { CSS, fieldHtml, fileErrorsHtml, isWebAddress, layout, loginPage } from "../../src/desk/pages.js";

const render = async (h: unknown) => String(await h);

describe("a page's layout", () => {
  it("titles the page and links the desk's stylesheet", async () => {
    const page = await render(layout("Review", html`<h1>Review</h1>`));
    expect(page).toContain("<title>Review — ceasefire-bot desk</title>");
    expect(page).toContain('<link rel="stylesheet" href="/desk/assets/desk.css" />');
    expect(page).toContain('<main id="main"><h1>Review</h1></main>');
    expect(page).not.toContain("Log out");
  });

  it("gives a curator the switcher, a banner, and a log-out form with the session's CSRF token", async () => {
    const page = await render(
      layout("Review", html`<h1>Review</h1>`, {
        user: "ana",
        csrf: "tok",
        switcher: html`<form class="switcher"></form>`,
        banner: html`<div class="saved"></div>`,
      }),
    );
    expect(page).toContain('<form class="switcher"></form>');
    expect(page).toContain('<input type="hidden" name="_csrf" value="tok" />');
    expect(page).toContain('<span>ana</span> <button type="submit">Log out</button>');
    expect(page).toContain('<main id="main"><div class="saved"></div><h1>Review</h1></main>');
  });

  it("escapes its title and the curator's name", async () => {
    const page = await render(layout("<b>", html``, { user: "<i>", csrf: "t" }));
    expect(page).toContain("<title>&lt;b&gt; — ceasefire-bot desk</title>");
    expect(page).toContain("<span>&lt;i&gt;</span>");
  });
});

describe("the log-in page", () => {
  it("asks for a user and a password, and says what went wrong, as an alert", async () => {
    const page = await render(loginPage("Wrong user or password."));
    expect(page).toContain('<form method="post" action="/desk/login" class="form">');
    expect(page).toContain('autocomplete="current-password"');
    expect(page).toContain('<p class="error" role="alert">Wrong user or password.</p>');
    expect(await render(loginPage())).not.toContain('role="alert"');
  });
});

describe("an address", () => {
  it("may be a link when it is http: or https:, never javascript:, data: or file:", () => {
    expect(isWebAddress("https://www.aljazeera.com/news")).toBe(true);
    expect(isWebAddress("HTTP://example.org/")).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,x",
      "file:///etc/passwd",
      "not a url",
      undefined,
    ])
      expect(isWebAddress(url), String(url)).toBe(false);
  });
});

describe("a form field", () => {
  it("is a labelled input with its value, its hint and its error, described by both", async () => {
    const out = await render(
      fieldHtml(
        { name: "value", label: "Value", value: "58", type: "number", hint: "A count.", required: true },
        "Too small",
      ),
    );
    expect(out).toContain('<label for="f-value">Value</label>');
    expect(out).toContain('value="58"');
    expect(out).toContain('type="number" step="any"');
    expect(out).toContain('aria-describedby="f-value-hint f-value-error"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('<small id="f-value-hint">A count.</small>');
    expect(out).toContain('<p class="error" id="f-value-error">Too small</p>');
    expect(out).toContain('class="field has-error"');
  });

  it("is a select with the current choice selected, or a text area", async () => {
    const select = await render(
      fieldHtml({
        name: "figure",
        label: "Figure",
        type: "select",
        value: "b",
        choices: [
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ],
      }),
    );
    expect(select).toContain('<option value="b" selected>B</option>');
    expect(select).toContain('<option value="a" >A</option>');
    const area = await render(
      fieldHtml({ name: "evidence", label: "Quote", type: "textarea", value: "<q>" }),
    );
    expect(area).toContain('<textarea id="f-evidence" name="evidence" dir="auto"');
    expect(area).toContain(">&lt;q&gt;</textarea>");
  });
});

describe("a broken file's errors", () => {
  it("are grouped by the item they name, beside the item as written", async () => {
    const out = await render(
      fileErrorsHtml(
        "gaza-2025.json",
        [
          { file: "gaza-2025.json", path: "events[3].title", message: "is required (string)" },
          { file: "gaza-2025.json", path: "events[3].when", message: "must be a calendar date YYYY-MM-DD" },
          { file: "gaza-2025.json", path: "", message: "invalid JSON" },
        ],
        new Map([["events[3]", { id: "talks" }]]),
      ),
    );
    expect(out).toContain("The file on disk has 3 errors");
    expect(out).toContain("gaza-2025.json is not loaded: readers still get the last good data");
    expect(out).toContain("<h3><code>events[3]</code></h3>");
    expect(out).toContain("&quot;id&quot;: &quot;talks&quot;"); // the item as written, escaped
    expect(out).toContain('<li class="error"><code>events[3].title</code>: is required (string)</li>');
    expect(out).toContain("<h3><code>(file)</code></h3>");
  });

  it("are nothing when the file loads", async () => {
    expect(await render(fileErrorsHtml("gaza-2025.json", [], new Map()))).toBe("");
  });
});

describe("the stylesheet", () => {
  it("is one the pages link, with no remote resources", () => {
    expect(CSS.length).toBeGreaterThan(0);
    expect(CSS).not.toMatch(/url\(\s*["']?https?:/);
    expect(CSS).not.toContain("@import");
  });
});
