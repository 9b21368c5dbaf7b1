/**
 * A save refused because someone else saved the story's file since the form was opened, in a real
 * browser (Debian's Chromium driven by playwright-core): nothing is written, the curator's entries (the
 * evidence too) stay in the form beside what the file holds now, and applying them again saves them;
 * a value picked to correct is picked again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillForm, LABELS, optionsOf, QUOTES } from "../../support/browser.js";
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

const { corrects: CORRECTS, evidence: EVIDENCE } = LABELS;

describe("a save over a file changed since the form opened", () => {
  it("refuses a save over a file changed since, keeping the curator's entries beside the file's values", async () => {
    /** Someone else saves the file while the form is open. */
    const someoneElseSaves = (edit: (story: any) => void) => {
      const story = JSON.parse(readFileSync(rig.file, "utf8"));
      edit(story);
      writeFileSync(rig.file, `${JSON.stringify(story, null, 2)}\n`);
      return readFileSync(rig.file, "utf8");
    };
    const id = page.getByLabel("Id (lower-case words with dashes)", { exact: true });
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/event`);
    await fillForm(page, {
      "Id (lower-case words with dashes)": "talks-stall",
      "When (a date or an instant)": "2025-03-02",
      Title: "Talks stall",
      Description: "Negotiators leave Cairo.",
      Sources: "aj-2025-02-28",
      [EVIDENCE]: QUOTES.talks,
    });
    const theirs = someoneElseSaves((story) => {
      story.events.push({
        id: "talks-stall",
        when: "2025-03-02",
        title: "Talks stall in Cairo",
        sourceIds: ["aj-2025-02-28"],
        evidence: QUOTES.talks,
      });
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain(
      "Not saved: the file changed on disk",
    );
    expect(readFileSync(rig.file, "utf8")).toBe(theirs);
    await expect(id.inputValue()).resolves.toBe("talks-stall");
    await expect(page.getByLabel("Title", { exact: true }).inputValue()).resolves.toBe("Talks stall");
    await expect(page.getByLabel("Description", { exact: true }).inputValue()).resolves.toBe(
      "Negotiators leave Cairo.",
    );
    await expect(page.getByLabel("Sources", { exact: true }).inputValue()).resolves.toBe("aj-2025-02-28");
    await expect(page.getByLabel(EVIDENCE, { exact: true }).inputValue()).resolves.toBe(QUOTES.talks);
    const beside = page.getByRole("complementary", { name: "In the file now" });
    await expect(beside.textContent()).resolves.toContain('"title": "Talks stall in Cairo"');
    // The curator re-applies the edit to the file as it is now.
    await id.fill("talks-stall-doha");
    await page.getByRole("button", { name: "Check what changes" }).click();
    await expect(page.getByRole("list", { name: "What changes" }).textContent()).resolves.toContain(
      "events.talks-stall-doha",
    );
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/saved=1/);
    const events = JSON.parse(readFileSync(rig.file, "utf8")).events.map((e: { id: string }) => e.id);
    expect(events).toEqual(expect.arrayContaining(["talks-stall", "talks-stall-doha"]));

    // A value picked to correct is picked again: the file's values may have moved.
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value?figure=captives-remaining`);
    await fillForm(page, {
      Value: "56",
      "As of (YYYY-MM-DD)": "2025-02-28",
      "According to": "Israel",
      [EVIDENCE]: QUOTES.captives,
      [CORRECTS]: "59 as of 2025-02-28, according to Israel",
    });
    someoneElseSaves((story) => {
      // Before the value picked (59 as of 2025-02-28), which moves one place down.
      story.figures[0].values.splice(5, 0, {
        value: 60,
        qualifier: "exactly",
        asOf: "2025-02-28",
        attribution: "Hamas",
        sourceId: "aj-2025-02-28",
        evidence: "As the source reports.",
      });
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    await expect(page.getByLabel("Value", { exact: true }).inputValue()).resolves.toBe("56");
    await expect(page.getByLabel(CORRECTS, { exact: true }).inputValue()).resolves.toBe("");
    await expect(page.locator("#f-corrects-error").textContent()).resolves.toBe(
      "The file changed since you chose it: choose the value to correct again.",
    );
    await expect(optionsOf(page, CORRECTS)).resolves.toContain("60 as of 2025-02-28, according to Hamas");
    await expect(beside.textContent()).resolves.toContain('"attribution": "Hamas"');
  });
});
