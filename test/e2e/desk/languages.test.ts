/**
 * Every page of the desk in Arabic, Hebrew and French: `<html lang dir>` of the language (right to
 * left for Arabic and Hebrew), and none of the English catalog's phrases outside the story's own
 * texts — the log-in and its refusal, the stories, a story's review, preview, record, leads and
 * feeds, every edit form (and a draft from a lead), a form refused, the check before saving, a save
 * refused for a file changed on disk, the banner after a save, a lead decided meanwhile, a story the
 * desk does not have. The curator's choice is kept in the desk_lang cookie; a browser's
 * Accept-Language chooses when the curator has not.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionOf } from "../../../src/desk/edit-text.js";
import { FORMS } from "../../../src/desk/edits.js";
import type { Language } from "../../../src/language/languages.js";
import { type DeskClient, type DeskRig, deskClient, startDeskRig, USER } from "../../support/harness/desk.js";
import { englishLeaks, newLead, shippedStory, storyTexts } from "../../support/index.js";

const STORY = "/desk/stories/gaza-2025";
const PERSON = shippedStory().people[0].id as string;
const LEAD = newLead({ title: "Mediators meet in Doha", outlet: "Example Wire", summary: "Talks go on." });

let rig: DeskRig;
/** Texts of the data the pages show as they are: the story's, the lead's, the forms' entries. */
let data: string[];

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-02T08:00:00Z" });
  await rig.store.addLeads([LEAD], new Date("2025-03-02T07:00:00Z"));
  data = [
    ...storyTexts(shippedStory()),
    ...storyTexts({ ...LEAD, link: LEAD.link }),
    ...storyTexts(role("xx")),
    USER,
  ].sort((a, b) => b.length - a.length);
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

/** A person-role form's fields, its id and role made the language's own so each save is new. */
function role(language: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    person: PERSON,
    role: `Acting foreign minister ${language}`,
    from: "2026-07-01",
    sourceIds: "vinnews-2026-07-01",
    evidence: "As the source reports.",
    ...extra,
  };
}

const version = () => versionOf(readFileSync(rig.file, "utf8"));

/** A page as a browser reads it: entities decoded (the desk's words are in texts and attributes). */
function decoded(html: string): string {
  return html.replace(
    /&quot;|&#39;|&lt;|&gt;|&amp;/g,
    (e) => ({ "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" })[e] ?? e,
  );
}

/**
 * A page without the replies it previews (the console text, the Discord and Slack renderings and
 * payloads): those are the commands' own words, written in the reader's language by the commands
 * (their specs check them); the desk's words around them stay.
 */
function withoutReplies(html: string): string {
  return html
    .replace(/<pre\b[^>]*>[\s\S]*?<\/pre>/g, "")
    .replace(/(<div class="(?:discord|slack)">)[\s\S]*?(<details>)/g, "$1$2");
}

function expectWrittenIn(language: Language, html: string, where: string): void {
  const dir = language === "en" || language === "fr" ? "ltr" : "rtl";
  expect(html, where).toContain(`<html lang="${language}" dir="${dir}">`);
  expect(englishLeaks(decoded(withoutReplies(html)), language, { except: data }), where).toEqual([]);
}

describe.each(["ar", "he", "fr"] as const)("the desk in %s", (language) => {
  let desk: DeskClient;
  beforeAll(async () => {
    desk = await deskClient(rig.url, { language });
  });

  const page = async (path: string, status = 200) => {
    const res = await desk.get(path);
    expect(res.status, path).toBe(status);
    const html = await res.text();
    expectWrittenIn(language, html, path);
    return html;
  };

  it("logs in, and refuses a wrong password, in the language", async () => {
    const cookie = `desk_lang=${language}`;
    const login = await fetch(`${rig.url}/desk/login`, { headers: { cookie } });
    expectWrittenIn(language, await login.text(), "/desk/login");
    const wrong = await fetch(`${rig.url}/desk/login`, {
      method: "POST",
      headers: { cookie },
      body: new URLSearchParams({ user: USER, password: "wrong" }),
    });
    expect(wrong.status).toBe(401);
    expectWrittenIn(language, await wrong.text(), "a refused log-in");
  });

  it("lists the stories and shows a story's review, preview, record, leads and feeds", async () => {
    await page("/desk/");
    await page(STORY);
    await page(`${STORY}/preview`);
    await page(`${STORY}/record`);
    const leads = await page(`${STORY}/leads`);
    expect(leads).toContain(LEAD.title);
    await page(`${STORY}/feeds`);
  });

  it("opens every edit form, and a draft from a lead", async () => {
    for (const name of Object.keys(FORMS)) await page(`${STORY}/edit/${name}`);
    const [lead] = await rig.store.leads({ story: "gaza-2025", state: "new", limit: 1, offset: 0 });
    await page(`${STORY}/edit/figure-value?lead=${lead?.id}`);
  });

  it("refuses a form with its errors, checks an edit, refuses a save over a changed file", async () => {
    const refused = await desk.post(`${STORY}/edit/person-role`, {
      ...role(language, { from: "" }),
      version: version(),
    });
    expect(refused.status).toBe(400);
    expectWrittenIn(language, await refused.text(), "a refused form");
    const check = await desk.post(`${STORY}/edit/person-role`, { ...role(language), version: version() });
    expect(check.status).toBe(200);
    expectWrittenIn(language, await check.text(), "the check page");
    const stale = { ...role(language), version: versionOf("an older file"), action: "save" };
    const conflict = await desk.post(`${STORY}/edit/person-role`, stale);
    expect(conflict.status).toBe(409);
    expectWrittenIn(language, await conflict.text(), "a save refused for a changed file");
  });

  it("saves, and confirms the save on the next page", async () => {
    const saved = await desk.post(`${STORY}/edit/person-role`, {
      ...role(language),
      version: version(),
      action: "save",
    });
    expect(saved.status).toBe(303);
    const review = await page(STORY);
    expect(review).toContain('class="saved"');
  });

  it("says when a story is not found", async () => {
    await page("/desk/stories/nowhere", 404);
  });
});

describe("a lead decided while a curator had it open", () => {
  it("is said so in the curator's language", async () => {
    const [lead] = await rig.store.addLeads(
      [newLead({ title: "Crossing reopens", link: "https://example.org/crossing" })],
      new Date("2025-03-02T07:30:00Z"),
    );
    const other = await deskClient(rig.url);
    expect((await other.post(`${STORY}/leads/${lead?.id}/dismiss`, {})).status).toBe(303);
    const desk = await deskClient(rig.url, { language: "he" });
    const res = await desk.get(`${STORY}/edit/event?lead=${lead?.id}`);
    expect(res.status).toBe(409);
    expectWrittenIn("he", await res.text(), "a lead decided meanwhile");
  });
});

describe("the language of a curator who chose none", () => {
  it("is the browser's first language of ours", async () => {
    const desk = await deskClient(rig.url, { headers: { "Accept-Language": "de-DE, he;q=0.9, fr;q=0.8" } });
    const html = await (await desk.get("/desk/")).text();
    expect(html).toContain('<html lang="he" dir="rtl">');
  });

  it("is English when the browser asks for none of ours", async () => {
    const desk = await deskClient(rig.url, { headers: { "Accept-Language": "de-DE" } });
    const html = await (await desk.get("/desk/")).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
  });

  it("gives way to the language chosen from the menu, kept in the desk_lang cookie", async () => {
    const menu = await fetch(`${rig.url}/desk/language?lang=ar&back=%2Fdesk%2Flogin`, { redirect: "manual" });
    expect(menu.status).toBe(303);
    expect(menu.headers.get("location")).toBe("/desk/login");
    const cookie = (menu.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toBe("desk_lang=ar");
    const login = await fetch(`${rig.url}/desk/login`, { headers: { cookie, "Accept-Language": "he" } });
    expect(await login.text()).toContain('<html lang="ar" dir="rtl">');
  });
});
