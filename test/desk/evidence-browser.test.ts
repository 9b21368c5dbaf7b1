/**
 * Evidence at the desk, in a real browser (Debian's Chromium driven by playwright-core): a curator
 * is refused, with validate's own path and message, an entry whose evidence is missing or too long,
 * or whose text tells the future.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillForm, LABELS, launchChromium, logInInBrowser, newDeskPage, QUOTES } from "../support/browser.js";
import { type DeskRig, PASSWORD, startDeskRig, USER } from "../support/harness/desk.js";

let rig: DeskRig;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-02T08:00:00Z" });
  browser = await launchChromium();
  page = await newDeskPage(browser);
  await logInInBrowser(page, rig.url, USER, PASSWORD);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

const EVIDENCE = LABELS.evidence;
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
