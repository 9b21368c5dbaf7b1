/**
 * The desk's language: the curator's choice from the menu (kept in the desk_lang cookie), else the
 * browser's Accept-Language by quality, else English; the menu on every page, going back to the
 * same page of the desk and never elsewhere; messages with markup in their parameters; the data's
 * codes in the curator's words.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import type { Env } from "../../src/desk/context.js";
import {
  backTo,
  deskLanguage,
  LANGUAGE_COOKIE,
  languageMenu,
  languageOfAcceptLanguage,
  languageRoute,
  rich,
  term,
} from "../../src/desk/language.js";
import { ENGLISH, wordsFor } from "../../src/language/words.js";

const render = async (h: unknown) => String(await h);

/** A desk that answers with the language of each request. */
function app(): Hono<Env> {
  const a = new Hono<Env>();
  a.use("/desk/*", deskLanguage());
  languageRoute(a, true);
  a.get("/desk/here", (c) => c.text(c.get("words").language));
  return a;
}

describe("the language a browser asks for", () => {
  it("is the first of ours by quality, whatever the order written", () => {
    expect(languageOfAcceptLanguage("de-DE,de;q=0.9,he;q=0.8,fr;q=0.7")).toBe("he");
    expect(languageOfAcceptLanguage("fr;q=0.5, ar-EG;q=0.9")).toBe("ar");
    expect(languageOfAcceptLanguage("iw-IL")).toBe("he");
  });

  it("keeps the order written when qualities tie, and skips what is refused (q=0)", () => {
    expect(languageOfAcceptLanguage("fr, he")).toBe("fr");
    expect(languageOfAcceptLanguage("ar;q=0, fr;q=0.1")).toBe("fr");
  });

  it("is none when the browser asks for no language of ours", () => {
    expect(languageOfAcceptLanguage("de-DE,ja;q=0.8")).toBeUndefined();
    expect(languageOfAcceptLanguage(undefined)).toBeUndefined();
    expect(languageOfAcceptLanguage("*")).toBeUndefined();
  });
});

describe("a request's language", () => {
  it("is the browser's when the curator chose none", async () => {
    const res = await app().request("/desk/here", { headers: { "Accept-Language": "de;q=0.9, he;q=0.8" } });
    expect(await res.text()).toBe("he");
    expect(res.headers.get("Content-Language")).toBe("he");
    expect(res.headers.get("Vary")).toContain("Accept-Language");
  });

  it("is the curator's choice over the browser's", async () => {
    const res = await app().request("/desk/here", {
      headers: { "Accept-Language": "he", Cookie: `${LANGUAGE_COOKIE}=fr` },
    });
    expect(await res.text()).toBe("fr");
  });

  it("is English when neither says one of ours (a cookie naming another is ignored)", async () => {
    const res = await app().request("/desk/here", { headers: { Cookie: `${LANGUAGE_COOKIE}=de` } });
    expect(await res.text()).toBe("en");
  });
});

describe("the language menu", () => {
  it("remembers the language chosen in the desk_lang cookie and goes back to the page", async () => {
    const res = await app().request("/desk/language?lang=ar&back=%2Fdesk%2Fstories%2Fgaza-2025%3Fat%3Dx");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/desk/stories/gaza-2025?at=x");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^desk_lang=ar;/);
    expect(cookie).toContain("Path=/desk");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
  });

  it("sets nothing for a language the desk does not have", async () => {
    const res = await app().request("/desk/language?lang=de");
    expect(res.status).toBe(303);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("goes back only to a page of the desk", () => {
    expect(backTo("/desk/stories/x/leads?state=new")).toBe("/desk/stories/x/leads?state=new");
    expect(backTo("https://evil.example/desk")).toBe("/desk/");
    expect(backTo("//evil.example/desk")).toBe("/desk/");
    expect(backTo("/deskevil")).toBe("/desk/");
    expect(backTo("/desk\\@evil")).toBe("/desk/");
    expect(backTo(undefined)).toBe("/desk/");
  });

  it("names each language in itself, the page's chosen, and says how in the curator's words", async () => {
    const menu = await render(languageMenu(wordsFor("he"), "/desk/stories/x"));
    expect(menu).toContain('<option value="he" lang="he" selected>עברית</option>');
    expect(menu).toContain('<option value="ar" lang="ar" >العربية</option>');
    expect(menu).toContain('<input type="hidden" name="back" value="/desk/stories/x" />');
    expect(menu).toContain(">החלה</button>");
  });
});

describe("a message with markup in its parameters", () => {
  it("escapes the message and its texts, and puts the markup in whole", async () => {
    const out = await render(
      rich(ENGLISH, "desk.saved.what", {
        title: html`<strong>Saved</strong>`,
        what: "<b>",
        file: html`<code>f</code>`,
      }),
    );
    expect(out).toBe("<strong>Saved</strong>: &lt;b&gt;, in <code>f</code>.");
  });

  it("isolates the markup inside a right-to-left sentence, as every parameter", async () => {
    const out = await render(
      rich(wordsFor("ar"), "desk.conflict.no-item.event", { id: html`<code>x</code>` }),
    );
    expect(out).toContain("\u2068<code>x</code>\u2069");
    expect(out).toContain("لا يوجد في الملف الآن حدث");
  });
});

describe("a code of the data in the curator's words", () => {
  it("is the code itself in English, a word in the others, and the code where none is known", () => {
    expect(term(ENGLISH, "desk-terms.qualifier", "more-than")).toBe("more-than");
    expect(term(wordsFor("fr"), "desk-terms.qualifier", "more-than")).toBe("plus de");
    expect(term(wordsFor("he"), "desk-terms.deadline-status", "postponed")).toBe("נדחה");
    expect(term(wordsFor("ar"), "desk-terms.qualifier", "nearly")).toBe("nearly");
  });
});
