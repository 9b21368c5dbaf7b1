/**
 * The desk's pages of a story whose every text carries unbalanced bidirectional controls (decision
 * 0026): every text between tags and every attribute value keeps its controls balanced and closed,
 * so a curator reads the desk's own words (labels, buttons, the review's sentences) in their order.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionOf } from "../../../src/desk/edit-text.js";
import { FORMS } from "../../../src/desk/edits.js";
import { type DeskRig, logIn, startDeskRig } from "../../support/harness/desk.js";
import { bidiTextViolations, hostile, hostileStory, RLO } from "../../support/index.js";

let rig: DeskRig;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-05T10:00:00Z", story: hostileStory() });
  ({ cookie, csrf } = await logIn(rig.url));
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

/**
 * The texts of a page as a browser shows them among the desk's own words: between tags, and in
 * attribute values (a title, a label). Left out: what a form carries back as the curator typed it (a
 * field's value, a text area), shown, if at all, in a box of its own where it reorders nothing else,
 * and kept as typed so that the file gets exactly what the curator wrote (the loader isolates it).
 */
function pageTexts(html: string): string[] {
  const decode = (t: string) =>
    t.replace(
      /&quot;|&#39;|&lt;|&gt;|&amp;/g,
      (e) => ({ "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" })[e] ?? e,
    );
  const shown = html
    .replace(/(<textarea\b[^>]*>)[\s\S]*?(<\/textarea>)/g, "$1$2")
    .replace(/ value="[^"]*"/g, "");
  const between = shown.split(/<[^>]*>/).map(decode);
  const attributes = [...shown.matchAll(/="([^"]*)"/g)].map((m) => decode(m[1] ?? ""));
  return [...between, ...attributes];
}

const PAGES = [
  "/desk/",
  "/desk/stories/gaza-2025",
  "/desk/stories/gaza-2025/preview",
  "/desk/stories/gaza-2025/record",
  "/desk/stories/gaza-2025/leads",
  "/desk/stories/gaza-2025/feeds",
  ...Object.keys(FORMS).map((form) => `/desk/stories/gaza-2025/edit/${form}`),
];

describe("the desk's pages of a hostile story", () => {
  it.each(PAGES)("%s keeps every control closed in every text", async (path) => {
    const res = await fetch(`${rig.url}${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const texts = pageTexts(await res.text());
    const violations = texts.flatMap((t) => bidiTextViolations(t).map((v) => `${v}: ${t.slice(0, 80)}`));
    expect(violations).toEqual([]);
  });

  it("shows the story's hostile text at all (the spec reads what it means to)", async () => {
    const res = await fetch(`${rig.url}/desk/stories/gaza-2025`, { headers: { cookie } });
    expect(await res.text()).toContain(RLO);
  });

  it("checks a curator's entry with unbalanced controls, showing how readers will see it, every control closed", async () => {
    const res = await fetch(`${rig.url}/desk/stories/gaza-2025/edit/person-role`, {
      method: "POST",
      headers: { cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        person: hostileStory().people[0].id,
        role: hostile("Acting foreign minister"),
        from: "2026-07-01",
        sourceIds: "vinnews-2026-07-01",
        evidence: "As the source reports.",
        version: versionOf(readFileSync(rig.file, "utf8")),
      }),
      redirect: "manual",
    });
    const page = await res.text();
    expect(res.status, page).toBe(200);
    expect(page).toContain("How readers will see it now");
    const texts = pageTexts(page);
    expect(texts.flatMap((t) => bidiTextViolations(t).map((v) => `${v}: ${t.slice(0, 80)}`))).toEqual([]);
  });
});
