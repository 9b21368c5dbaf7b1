/**
 * The desk's language in a real browser (a headless Chromium, see test/support/browser.ts): the
 * language menu of a page switches the desk to Arabic on the same page, which the browser lays out
 * right to left (the brand at the right of the bar, the text starting at the right); from there the
 * menu, in Arabic, switches to Hebrew (right to left too) and to French (left to right again).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeskInBrowser, deskInBrowser } from "../../support/harness/desk.js";

let desk: DeskInBrowser;

beforeAll(async () => {
  desk = await deskInBrowser({ at: "2025-03-02T08:00:00Z" });
}, 60_000);

afterAll(async () => {
  await desk?.close();
});

/** Chooses a language from the menu (its label and button in the page's language) and waits for the page. */
async function choose(language: string, label: string, button: string): Promise<void> {
  const { page } = desk;
  await page.getByLabel(label, { exact: true }).selectOption(language);
  await Promise.all([
    page.waitForURL(/\/desk\/stories\/gaza-2025/),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState();
}

/** How the browser lays out the page: its language, its direction, where the brand sits in the bar. */
interface Layout {
  lang: string;
  direction: string;
  brandAtRight: boolean;
}

const layout = () =>
  desk.page.evaluate(`(() => {
    const brand = document.querySelector(".brand").getBoundingClientRect();
    return {
      lang: document.documentElement.lang,
      direction: getComputedStyle(document.body).direction,
      brandAtRight: brand.left > window.innerWidth / 2,
    };
  })()`) as Promise<Layout>;

describe("the language menu in a browser", () => {
  it("switches the page to Arabic, laid out right to left, and on to Hebrew and French", async () => {
    const { page, rig } = desk;
    await page.goto(`${rig.url}/desk/stories/gaza-2025`);
    expect(await layout()).toMatchObject({ lang: "en", direction: "ltr", brandAtRight: false });

    await choose("ar", "Desk language", "Apply");
    expect(page.url()).toMatch(/\/desk\/stories\/gaza-2025$/);
    expect(await layout()).toMatchObject({ lang: "ar", direction: "rtl", brandAtRight: true });
    await expect(page.getByRole("link", { name: "معاينة الردود" }).count()).resolves.toBe(1);

    await choose("he", "اللغة", "تطبيق");
    expect(await layout()).toMatchObject({ lang: "he", direction: "rtl", brandAtRight: true });

    await choose("fr", "שפה", "החלה");
    expect(await layout()).toMatchObject({ lang: "fr", direction: "ltr", brandAtRight: false });
    await expect(page.getByRole("link", { name: "Aperçu des réponses" }).count()).resolves.toBe(1);
  });

  it("keeps the language chosen on the next pages", async () => {
    const { page, rig } = desk;
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/event`);
    expect((await layout()).lang).toBe("fr");
    await expect(page.getByRole("button", { name: "Vérifier les changements" }).count()).resolves.toBe(1);
  });
});
