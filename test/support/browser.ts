/**
 * Debian's Chromium driven by playwright-core, for the desk's tests in a real browser, and what those
 * tests do on the desk's pages (log in, fill a form by its labels, pick a figure). Not exported
 * from index.ts: only the tests that drive a browser load playwright-core.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches Chromium (headless, no network of its own); fails saying how to install it when absent. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install it with apt-get install -y chromium (.ci/run does).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** A page whose missing element fails a test in seconds, saying which, rather than at its timeout. */
export async function newDeskPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(5_000);
  return page;
}

/** Logs a curator in through the desk's log-in page. */
export async function logInInBrowser(page: Page, url: string, user: string, password: string): Promise<void> {
  await page.goto(`${url}/desk/login`);
  await page.getByLabel("User").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`${url}/desk/`);
}

/** Fills a desk form's fields by their labels (a select by its option's value). */
export async function fillForm(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    const control = page.getByLabel(label, { exact: true });
    if ((await control.evaluate((e) => e.tagName)) === "SELECT") await control.selectOption(value);
    else await control.fill(value);
  }
}

/** Picks the figure of the figure-value form (a step of its own: the page then lists its values). */
export async function chooseFigure(page: Page, id: string): Promise<void> {
  await page.getByLabel("Figure", { exact: true }).selectOption(id);
  await page.getByRole("button", { name: "Show this figure" }).click();
  await page.waitForURL(new RegExp(`/edit/figure-value\\?figure=${id}$`));
}

/** The labels of a select's options. */
export function optionsOf(page: Page, label: string): Promise<string[]> {
  return page
    .getByLabel(label, { exact: true })
    .locator("option")
    .evaluateAll((options) => options.map((o) => o.textContent ?? ""));
}

/** The labels of the desk's fields that the tests fill most. */
export const LABELS = {
  corrects: "Corrects a wrong value (a correction: channels that got it are told once)",
  evidence: "Evidence (a short quote from the source, word for word, at most 300 characters)",
  published: "Published: a date (YYYY-MM-DD)",
} as const;

/** Quotes, word for word, from the shipped story's sources (the 28 February article, aj-2025-02-28; CNN's of 1 March). */
export const QUOTES = {
  captives:
    "According to Israel, there are 59 captives remaining in Gaza, 24 of whom are still believed to be alive.",
  philadelphi:
    "Further violating the terms of the deal, Israeli officials said they would not withdraw as planned from the Philadelphi Corridor",
  talks: "Talks have started in Egypt for the second phase of the Israel-Hamas ceasefire in Gaza",
  cnn: "There are thought to be 24 Israeli hostages still alive in Gaza.",
} as const;
