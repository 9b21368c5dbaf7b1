/**
 * A headless Chromium for the curator desk's browser tests, driven by playwright-core (which
 * downloads no browser of its own):
 *
 * - the system's, /usr/bin/chromium (Debian's package; CHROMIUM_PATH names another), when it is there;
 * - else the one the `@sparticuz/chromium` dev dependency carries inside its npm package (Linux x64),
 *   unpacked into the run's temporary folder with what a machine with nothing but Node may lack: the
 *   NSS and expat libraries it links to, and a font (Open Sans) with a fontconfig file naming it.
 *
 * CEASEFIRE_TEST_BROWSER=system or =bundled insists on one (bundled: to run the npm one on a machine
 * that has the system's). Both get the same command-line flags. Which one ran is written on stderr
 * once per test run. playwright-core and the npm package load only when a test launches a browser.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { until } from "./processes.js";

/** Where the system's Chromium is (Debian's package puts it there). */
export const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BUNDLED = "@sparticuz/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export type BrowserChoice = "system" | "bundled";

/** The browser the tests will launch, and why (as the stderr line says it). */
export function chooseBrowser(
  env: { CEASEFIRE_TEST_BROWSER?: string } = process.env,
  systemInstalled = existsSync(systemChromium),
): { choice: BrowserChoice; why: string } {
  const asked = env.CEASEFIRE_TEST_BROWSER;
  if (asked === "system") {
    if (!systemInstalled)
      throw new Error(
        `CEASEFIRE_TEST_BROWSER=system, but Chromium is not at ${systemChromium}: install it ` +
          `(apt-get install -y chromium), set CHROMIUM_PATH, or unset CEASEFIRE_TEST_BROWSER to use ${BUNDLED}'s.`,
      );
    return { choice: "system", why: "CEASEFIRE_TEST_BROWSER=system" };
  }
  if (asked === "bundled") return { choice: "bundled", why: "CEASEFIRE_TEST_BROWSER=bundled" };
  if (asked !== undefined && asked !== "")
    throw new Error(`CEASEFIRE_TEST_BROWSER is "${asked}": it takes system or bundled (or nothing).`);
  return systemInstalled
    ? { choice: "system", why: "the system's" }
    : { choice: "bundled", why: `${systemChromium} is missing` };
}

/** Launches the chosen Chromium (see above); the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  const { choice, why } = chooseBrowser();
  const { chromium } = await import("playwright-core");
  const browser =
    choice === "system"
      ? await chromium.launch({ executablePath: systemChromium, args: ARGS })
      : await chromium.launch({ ...(await unpackBundled()), args: ARGS });
  const from = choice === "system" ? systemChromium : `the ${BUNDLED} ${bundledVersion()} npm package`;
  announceOnce(`browser tests: Chromium ${browser.version()} from ${from} (${why})\n`);
  return browser;
}

function bundledDir(): string {
  // The package's CommonJS entry is build/cjs/index.cjs; its compressed browser is in bin/.
  return join(dirname(createRequire(import.meta.url).resolve(BUNDLED)), "..", "..");
}

function bundledVersion(): string {
  return (JSON.parse(readFileSync(join(bundledDir(), "package.json"), "utf8")) as { version: string })
    .version;
}

/**
 * Unpacks the npm package's Chromium, its fonts and libraries into the run's temporary folder (once
 * per run), and says how to launch it.
 */
async function unpackBundled(): Promise<{ executablePath: string; env: Record<string, string | undefined> }> {
  if (process.platform !== "linux" || process.arch !== "x64")
    throw new Error(
      `${BUNDLED} carries a Chromium for Linux x64 only, and this is ${process.platform} ${process.arch}: ` +
        `install Chromium and point CHROMIUM_PATH at it.`,
    );
  const { default: bundled } = await import("@sparticuz/chromium");
  // No WebGL (the desk draws none), so its SwiftShader libraries stay packed.
  bundled.setGraphicsMode = false;
  const libs = join(tmpdir(), "chromium-libs");
  const unpacked = join(tmpdir(), "chromium-unpacked");
  // One test file unpacks; any other launching at the same time waits for it.
  if (!existsSync(unpacked)) {
    try {
      mkdirSync(join(tmpdir(), "chromium-unpacking"));
    } catch {
      await until(`${BUNDLED}'s Chromium to be unpacked`, () => existsSync(unpacked) || undefined, 120_000);
    }
  }
  if (!existsSync(unpacked)) {
    // Into tmpdir(): the browser as `chromium`, the fonts under `fonts/`.
    await bundled.executablePath();
    // NSS, NSPR and expat, which the package unpacks only on Amazon Linux (Debian's come with its Chromium).
    mkdirSync(libs);
    const tar = spawnSync("tar", ["-x", "-C", libs], {
      input: brotliDecompressSync(readFileSync(join(bundledDir(), "bin", "al2023.tar.br"))),
    });
    if (tar.error || tar.status !== 0)
      throw new Error(`could not unpack ${BUNDLED}'s libraries with tar: ${tar.error ?? tar.stderr}`);
    writeFileSync(unpacked, "");
  }
  // What it unpacked before: it returns the path at once.
  const executablePath = await bundled.executablePath();
  const fonts = join(tmpdir(), "fonts");
  // Only the package's font: the same text on every machine, and one font even where none is installed.
  const fontConfig = join(tmpdir(), "chromium-fonts.conf");
  writeFileSync(
    fontConfig,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${fonts}</dir>\n  <cachedir>${join(tmpdir(), "chromium-fonts-cache")}</cachedir>\n</fontconfig>\n`,
  );
  const ldPath = [join(libs, "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  return {
    executablePath,
    env: { ...process.env, LD_LIBRARY_PATH: ldPath, FONTCONFIG_FILE: fontConfig, FONTCONFIG_PATH: undefined },
  };
}

/** Writes `line` on stderr if no test of this run has yet (the run's temporary folder remembers). */
function announceOnce(line: string): void {
  try {
    writeFileSync(join(tmpdir(), "browser-announced"), line, { flag: "wx" });
  } catch {
    return;
  }
  process.stderr.write(line);
}

// What the desk's browser tests do on its pages.

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
