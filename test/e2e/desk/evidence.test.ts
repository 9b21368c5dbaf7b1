/**
 * Evidence at the desk, in a real browser (Debian's Chromium driven by playwright-core): a curator
 * quotes the source of what they add, sees the quote and its source beside the statement once saved,
 * and is refused, with validate's own path and message, an entry whose evidence is missing or too
 * long, or whose text tells the future. A source takes its publication time in the curator's zone.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseFigure, fillForm, LABELS, QUOTES } from "../../support/browser.js";
import { type DeskInBrowser, type DeskRig, deskInBrowser } from "../../support/harness/desk.js";

let desk: DeskInBrowser;
let rig: DeskRig;
let page: Page;

beforeAll(async () => {
  desk = await deskInBrowser({ at: "2025-03-02T08:00:00Z" });
  ({ rig, page } = desk);
}, 60_000);

afterAll(async () => {
  await desk?.close();
});

const EVIDENCE = LABELS.evidence;
const AJ_TITLE = "Israel says unclear if there is 'common ground to negotiate'";
const fileNow = () => readFileSync(rig.file, "utf8");
const check = () => page.getByRole("button", { name: "Check what changes" }).click();
/** The refused story's errors, as validate words them. */
const storyErrors = () => page.locator(".error pre").textContent();

/** A value of "Captives believed to be alive" as of 2 March, from CNN: it goes third (values[2]). */
async function openBelievedAlive(evidence: string): Promise<void> {
  await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value?figure=captives-believed-alive`);
  await fillForm(page, {
    Value: "23",
    "As of (YYYY-MM-DD)": "2025-03-02",
    "According to": "CNN",
    Source: "cnn-2025-03-01",
    [EVIDENCE]: evidence,
  });
}

describe("evidence at the desk: what a curator adds", () => {
  it("adds a figure value with its evidence, and shows the quote and its source beside the value", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value`);
    await chooseFigure(page, "captives-remaining");
    const evidence = page.getByLabel(EVIDENCE, { exact: true });
    await expect(evidence.getAttribute("aria-required")).resolves.toBe("true");
    await fillForm(page, {
      Value: "58",
      "As of (YYYY-MM-DD)": "2025-03-02",
      "According to": "Israel",
      Source: "aj-2025-02-28",
      [EVIDENCE]: QUOTES.captives,
    });
    await check();
    const checked = page.getByRole("list", { name: "The evidence" });
    await expect(checked.textContent()).resolves.toContain("figures[0].values[6]");
    await expect(checked.locator("blockquote").textContent()).resolves.toBe(QUOTES.captives);
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/desk\/stories\/gaza-2025\?saved=1/);
    expect(JSON.parse(fileNow()).figures[0].values[6]).toMatchObject({
      value: 58,
      evidence: QUOTES.captives,
    });

    const value = page
      .locator("ol > li")
      .filter({ hasText: "58 (exactly) as of 2025-03-02, according to Israel" });
    await expect(value.count()).resolves.toBe(1);
    await expect(value.locator("blockquote").textContent()).resolves.toBe(QUOTES.captives);
    const source = (await value.locator("figcaption").textContent())?.replace(/\s+/g, " ");
    expect(source).toContain(`— ${AJ_TITLE}, Al Jazeera, 2025-02-28 (aj-2025-02-28)`);
  });

  it("adds a source with its time of publication in the curator's zone; a statement citing it shows it, escaped", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/source`);
    await fillForm(page, {
      Id: "reuters-2025-03-02",
      Title: "Talks on phase two stall",
      Publisher: "Reuters",
      "Address (https://…)": "https://www.reuters.com/world/middle-east/talks-2025-03-02/",
      [LABELS.published]: "2025-03-02",
      "Time of publication, if the page gives one (HH:MM, 24-hour)": "09:40",
      "Time zone of that time": "Europe/London",
    });
    await check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/saved=1/);
    expect(JSON.parse(fileNow()).sources.at(-1).published).toBe("2025-03-02T09:40:00+00:00");

    const quote = "Talks <b>stalled</b> on Sunday & the delegations left Cairo";
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/event`);
    await fillForm(page, {
      "Id (lower-case words with dashes)": "talks-stall",
      "When (a date or an instant)": "2025-03-02",
      Title: "Talks on phase two stall",
      Sources: "reuters-2025-03-02",
      [EVIDENCE]: quote,
    });
    await check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/saved=1/);
    // Known from the source's publication, 09:40 in London: shown at 10:00 UTC, not at 09:00.
    const event = () => page.locator("li").filter({ hasText: "2025-03-02 — Talks on phase two stall" });
    await page.goto(`${rig.url}/desk/stories/gaza-2025?at=2025-03-02T09:00:00Z`);
    await expect(event().count()).resolves.toBe(0);
    await page.goto(`${rig.url}/desk/stories/gaza-2025?at=2025-03-02T10:00:00Z`);
    await expect(event().locator("blockquote").textContent()).resolves.toBe(quote);
    await expect(event().locator("blockquote b").count()).resolves.toBe(0);
    await expect(event().locator("blockquote").getAttribute("cite")).resolves.toBe(
      "https://www.reuters.com/world/middle-east/talks-2025-03-02/",
    );
    const source = (await event().locator("figcaption").textContent())?.replace(/\s+/g, " ");
    expect(source).toContain(
      "— Talks on phase two stall, Reuters, 2025-03-02T09:40:00+00:00 (reuters-2025-03-02)",
    );
  });
});

describe("evidence at the desk: what validate refuses", () => {
  it("refuses a value without evidence, with validate's path and message at the field, writing nothing", async () => {
    const before = fileNow();
    await openBelievedAlive("");
    await check();
    const message =
      'is required: a short quote (at most 300 characters) from source "cnn-2025-03-01" that supports this statement';
    await expect(page.locator("#f-evidence-error").textContent()).resolves.toBe(
      `figures[1].values[2].evidence: ${message}`,
    );
    await expect(page.getByLabel(EVIDENCE, { exact: true }).getAttribute("aria-invalid")).resolves.toBe(
      "true",
    );
    await expect(storyErrors()).resolves.toMatch(
      new RegExp(
        `gaza-2025\\.json: figures\\[1\\]\\.values\\[2\\]\\.evidence: ${message.replace(/[()]/g, "\\$&")}`,
      ),
    );
    await expect(page.getByRole("button", { name: "Save" }).count()).resolves.toBe(0);
    expect(fileNow()).toBe(before);
  });

  it("refuses evidence longer than 300 characters, keeping it in the field to shorten", async () => {
    const long = `${QUOTES.cnn} `.repeat(5).trim();
    expect(long.length).toBeGreaterThan(300);
    await openBelievedAlive(long);
    await check();
    await expect(page.locator("#f-evidence-error").textContent()).resolves.toBe(
      "figures[1].values[2].evidence: must be at most 300 characters: quote the words that support it",
    );
    await expect(page.getByLabel(EVIDENCE, { exact: true }).inputValue()).resolves.toBe(long);
  });

  it("refuses an event whose text names a later date than it is known, naming the path and both dates", async () => {
    const before = fileNow();
    const next = JSON.parse(before).events.length;
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/event`);
    await fillForm(page, {
      "Id (lower-case words with dashes)": "talks-resume",
      "When (a date or an instant)": "2025-03-02",
      Title: "Talks to resume on 20 March",
      Sources: "aj-2025-02-28",
      [EVIDENCE]: QUOTES.talks,
    });
    await check();
    await expect(storyErrors()).resolves.toContain(
      `gaza-2025.json: events[${next}]: mentions "20 March" (2025-03-20), later than 2025-03-02, when it becomes known`,
    );
    await expect(page.locator("#f-evidence-error").count()).resolves.toBe(0);
    expect(fileNow()).toBe(before);
  });
});
