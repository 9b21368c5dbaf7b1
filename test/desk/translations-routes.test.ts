/**
 * The translations page over HTTP: per language, the story's texts with no translation (each beside
 * its English, linked to its form) and the count for each language; a translation written into the
 * story file beside its English through the desk's save path (file version checked, the story
 * validated, the edit recorded as the curator's); the page in the curator's browser language.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionOf } from "../../src/desk/edit-text.js";
import { jsonPath } from "../../src/desk/translations-routes.js";
import {
  type DeskClient,
  type DeskRig,
  deskClient,
  logIn,
  startDeskRig,
  USER,
} from "../support/harness/desk.js";

let rig: DeskRig;
let desk: DeskClient;

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-02T12:00:00Z" });
  desk = await deskClient(rig.url);
}, 30_000);
afterAll(async () => {
  await rig.close();
});

const version = () => versionOf(readFileSync(rig.file, "utf8"));
const file = () => JSON.parse(readFileSync(rig.file, "utf8"));
const page = async (path: string) => (await desk.get(path)).text();
const SUMMARY = "story.summary[0].text";
/** The list of what is missing, from a page. */
const missingList = (html: string) => html.slice(html.indexOf('id="missing"'), html.indexOf("<details>"));

describe("the translations page", () => {
  it("lists the texts missing in Arabic beside their English, each linked to its form", async () => {
    const html = await page("/desk/stories/gaza-2025/translations?language=ar");
    expect(html).toContain('<h2 id="missing">Missing in Arabic</h2>');
    expect(html).toContain(`<td><code>${SUMMARY}</code></td>`);
    expect(html).toContain(
      `<a href="/desk/stories/gaza-2025/translations/edit?language=ar&amp;path=story.summary%5B0%5D.text">Translate</a>`,
    );
    expect(missingList(html)).not.toContain("<code>phases[0].name</code>");
  });

  it("counts what is missing in each language, as validate does", async () => {
    const html = await page("/desk/stories/gaza-2025/translations");
    expect(html).toMatch(/Arabic: \d+ texts missing/);
    expect(html).toMatch(/Hebrew: \d+ texts missing/);
    expect(html).toMatch(/French: \d+ texts missing/);
  });

  it("is linked from every page of the story", async () => {
    expect(await page("/desk/stories/gaza-2025/feeds")).toContain(
      '<a href="/desk/stories/gaza-2025/translations">Translations</a>',
    );
  });

  it("is not found for a language the bot does not write, or a text the story does not have", async () => {
    expect((await desk.get("/desk/stories/gaza-2025/translations?language=de")).status).toBe(404);
    expect(
      (await desk.get("/desk/stories/gaza-2025/translations/edit?language=ar&path=claims[0].text")).status,
    ).toBe(404);
  });
});

describe("the translation form", () => {
  it("shows the English beside a right-to-left input holding the current Hebrew", async () => {
    const html = await page("/desk/stories/gaza-2025/translations/edit?language=he&path=phases%5B1%5D.name");
    expect(html).toContain('<blockquote lang="en" dir="ltr">Phase two</blockquote>');
    expect(html).toContain('<label for="f-translation">The name in Hebrew</label>');
    expect(html).toContain('lang="he" dir="rtl" required>השלב השני</textarea>');
  });

  it("writes the translation into the file beside its English, recorded as the curator's edit", async () => {
    const arabic = "اتفقت إسرائيل وحماس على وقف لإطلاق النار في غزة.";
    const res = await desk.post("/desk/stories/gaza-2025/translations/edit", {
      language: "ar",
      path: SUMMARY,
      translation: arabic,
      version: version(),
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe("/desk/stories/gaza-2025/translations?language=ar&saved=1");
    expect(file().story.summary[0].translations).toEqual({ ar: { text: arabic } });
    const html = await page("/desk/stories/gaza-2025/translations?language=ar");
    expect(html).toContain("Saved</strong>: Arabic translation of story.summary[0].text");
    expect(missingList(html)).not.toContain(`<code>${SUMMARY}</code>`);
    await expect
      .poll(async () =>
        (await rig.store.changes("gaza-2025", 10)).find((c) => c.path.includes("translations")),
      )
      .toMatchObject({ by: USER });
  });

  it("is refused when the file changed since the form was opened, showing it as it is now", async () => {
    const res = await desk.post("/desk/stories/gaza-2025/translations/edit", {
      language: "fr",
      path: "phases[1].name",
      translation: "Deuxième phase",
      version: "stale",
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("The file changed since this form was opened.");
    expect(file().phases[1].translations.fr.name).toBe("Phase deux");
  });

  it("asks for the translation when it is empty, and writes nothing", async () => {
    const before = readFileSync(rig.file, "utf8");
    const res = await desk.post("/desk/stories/gaza-2025/translations/edit", {
      language: "he",
      path: SUMMARY,
      translation: "  ",
      version: version(),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Write the translation, or go back to keep the English.");
    expect(readFileSync(rig.file, "utf8")).toBe(before);
  });

  it("speaks the curator's language when the browser asks for it, right to left in Hebrew", async () => {
    const session = await logIn(rig.url);
    const res = await fetch(`${rig.url}/desk/stories/gaza-2025/translations?language=fr`, {
      headers: { cookie: session.cookie, "accept-language": "he-IL,he;q=0.9,en;q=0.8" },
    });
    const html = await res.text();
    expect(html).toContain('<div lang="he" dir="rtl">');
    expect(html).toContain('<h2 id="missing">חסר ב\u2068צרפתית\u2069</h2>');
  });
});

describe("a text's place in the file", () => {
  it("is the path validate writes, read as keys and indexes", () => {
    expect(jsonPath("phases[2].status[0].note")).toEqual(["phases", 2, "status", 0, "note"]);
    expect(jsonPath("story.title")).toEqual(["story", "title"]);
  });
});
