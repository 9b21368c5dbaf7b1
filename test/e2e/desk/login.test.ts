/**
 * Log-in throttling in a real browser (Debian's Chromium driven by playwright-core), with the desk
 * behind a trusted reverse proxy: a guesser is slowed down, the curator gets in at once from her own
 * address, and the right password gets in from the guesser's address too once the wait is over.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeskRig, PASSWORD, startDeskRig, USER } from "../../support/harness/desk.js";
import { launchBrowser } from "../../support/index.js";

let rig: DeskRig;
let browser: Browser;

beforeAll(async () => {
  // The proxy runs on the same host: its X-Forwarded-For names the client.
  rig = await startDeskRig({ trustedProxies: ["127.0.0.1", "::1"] });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/** A browser whose requests reach the desk through the proxy from `address`. */
async function browserAt(address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  return context.newPage();
}

async function logIn(page: Page, password: string): Promise<void> {
  await page.goto(`${rig.url}/desk/login`);
  await page.getByLabel("User").fill(USER);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForLoadState();
}

const alertOf = (page: Page) => page.getByRole("alert").textContent();

describe("log-in throttling in a browser", () => {
  it("slows a guesser down without locking the right password out", async () => {
    const guesser = await browserAt("203.0.113.9");
    for (let i = 0; i < 4; i++) {
      await logIn(guesser, `guess ${i}`);
      await expect(alertOf(guesser)).resolves.toBe("Wrong user or password.");
    }
    await logIn(guesser, "guess 4");
    await expect(alertOf(guesser)).resolves.toBe("Too many failed log-ins: try again in 1 s.");

    // The curator, behind the same proxy from her own address, gets in at once.
    const curator = await browserAt("198.51.100.7");
    await logIn(curator, PASSWORD);
    expect(curator.url()).toBe(`${rig.url}/desk/`);
    await expect(curator.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Stories");

    // Tries during the wait are refused unchecked and do not make it longer.
    for (let i = 0; i < 3; i++) {
      await logIn(guesser, PASSWORD);
      await expect(alertOf(guesser)).resolves.toBe("Too many failed log-ins: try again in 1 s.");
    }
    // Once it is over, the right password gets in, even from the guesser's address.
    rig.clock.advance(1_000);
    await logIn(guesser, PASSWORD);
    expect(guesser.url()).toBe(`${rig.url}/desk/`);
  });

  it("believes X-Forwarded-For only from the trusted proxy: the client's own header changes nothing", async () => {
    // Each try names another address, but the rightmost one (the proxy's own entry) is the client.
    const pages = await Promise.all(
      ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"].map((spoofed) =>
        browserAt(`${spoofed}, 198.51.100.99`),
      ),
    );
    for (const [i, page] of pages.entries()) {
      await logIn(page, `guess ${i}`);
      await expect(alertOf(page)).resolves.toBe(
        i < 4 ? "Wrong user or password." : "Too many failed log-ins: try again in 1 s.",
      );
    }
  });
});
