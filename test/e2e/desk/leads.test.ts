/**
 * Leads and feeds at the desk, in a real browser (headless Chromium driven by playwright-core): a
 * story's leads newest first with a hostile title shown as text; a dismissal recorded; a lead turned
 * into a figure value (a new source from the lead, the curator's quote) that readers then get with its
 * source and quote, the lead linking to it; a feed added through the desk written into the file, and
 * its error reason on its row.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../../commands/index.js";
import { runCommand } from "../../../src/command-engine/run.js";
import { fillForm, LABELS } from "../../support/browser.js";
import { type DeskInBrowser, type DeskRig, deskInBrowser, USER } from "../../support/harness/desk.js";
import { contextAt, newLead, renderText } from "../../support/index.js";

let desk: DeskInBrowser;
let rig: DeskRig;
let page: Page;
const NOW = "2025-03-02T12:00:00Z";
const HOSTILE = '<img src=x onerror="window.pwned=1">Strike reported near Rafah';
const FIGURE_TITLE = "Israel says 58 captives remain in Gaza";
const QUOTE = "Israel says 58 captives remain in Gaza, 24 of them believed to be alive.";
const ARTICLE = "https://www.reuters.com/world/middle-east/israel-58-captives-2025-03-02/";

beforeAll(async () => {
  desk = await deskInBrowser({ at: NOW });
  ({ rig, page } = desk);
  await rig.store.addLeads(
    [
      newLead({
        title: "Talks to resume in Cairo",
        link: "https://example.org/talks",
        publishedAt: new Date("2025-03-01T10:00:00Z"),
      }),
      newLead({
        title: FIGURE_TITLE,
        link: ARTICLE,
        summary: QUOTE,
        publishedAt: new Date("2025-03-02T09:40:00Z"),
      }),
      newLead({
        title: HOSTILE,
        outlet: "Wire",
        link: "https://example.org/strike",
        publishedAt: new Date("2025-03-02T08:00:00Z"),
      }),
    ],
    new Date("2025-03-02T10:00:00Z"),
  );
}, 60_000);

afterAll(async () => {
  await desk?.close();
});

const leadsPage = (state = "new") => page.goto(`${rig.url}/desk/stories/gaza-2025/leads?state=${state}`);
const row = (title: string) => page.locator("ol.leads > li").filter({ hasText: title });
const titles = () => page.locator("ol.leads > li [id$='-title']").allTextContents();
const fileNow = () => JSON.parse(readFileSync(rig.file, "utf8"));
const ask = (name: string, options: Record<string, unknown>) =>
  renderText(runCommand(registry, name, options, contextAt(NOW, {}, rig.live.dataset)));

describe("the leads of a story at the desk", () => {
  it("lists the new leads newest first, a hostile title shown as text, each article opened apart", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025`);
    await page.getByRole("link", { name: "Leads (3 new)" }).click();
    await expect(titles()).resolves.toEqual([FIGURE_TITLE, HOSTILE, "Talks to resume in Cairo"]);
    await expect(page.locator("ol.leads img").count()).resolves.toBe(0);
    await expect(page.evaluate("'pwned' in globalThis")).resolves.toBe(false);
    const link = row(FIGURE_TITLE).getByRole("link", { name: FIGURE_TITLE });
    await expect(link.getAttribute("href")).resolves.toBe(ARTICLE);
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer nofollow");
    await expect(link.getAttribute("target")).resolves.toBe("_blank");
  });

  it("dismisses a lead without a reason, recording who and when", async () => {
    await leadsPage();
    await row("Talks to resume in Cairo").getByRole("button", { name: "Dismiss" }).click();
    await page.waitForURL(/\/leads\?state=new$/);
    await expect(titles()).resolves.toEqual([FIGURE_TITLE, HOSTILE]);
    const [dismissed] = await rig.store.leads({ story: "gaza-2025", state: "dismissed", limit: 5 });
    expect(dismissed).toMatchObject({ title: "Talks to resume in Cairo", decidedBy: USER });
    await leadsPage("dismissed");
    await expect(row("Talks to resume in Cairo").textContent()).resolves.toContain(`Dismissed by ${USER}`);
  });

  it("turns a lead into a figure value with its source and quote, which readers then get; the lead links to it", async () => {
    await leadsPage();
    await row(FIGURE_TITLE).getByRole("button", { name: "Figure value" }).click();
    await page.waitForURL(/\/edit\/figure-value\?lead=\d+$/);
    await expect(page.getByLabel("Source id", { exact: true }).inputValue()).resolves.toBe(
      "reuters-2025-03-02",
    );
    await expect(page.getByLabel("Source address", { exact: true }).inputValue()).resolves.toBe(ARTICLE);
    const evidence = page.getByLabel(LABELS.evidence, { exact: true });
    await expect(evidence.inputValue()).resolves.toBe("");
    await expect(evidence.getAttribute("aria-required")).resolves.toBe("true");
    await fillForm(page, { Value: "58", "According to": "Israel", [LABELS.evidence]: QUOTE });
    await page.getByRole("button", { name: "Check what changes" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/desk\/stories\/gaza-2025\?saved=1/);

    const story = fileNow();
    expect(story.sources.at(-1)).toEqual({
      id: "reuters-2025-03-02",
      title: FIGURE_TITLE,
      publisher: "Reuters",
      url: ARTICLE,
      published: "2025-03-02T11:40:00+02:00",
    });
    expect(story.figures[0].values[6]).toMatchObject({
      value: 58,
      sourceId: "reuters-2025-03-02",
      evidence: QUOTE,
    });
    const figures = ask("figures", { figure: "captives-remaining" });
    expect(figures).toContain("• 58 captives, according to Israel, as of 2 Mar 2025");
    expect(figures).toContain(`${FIGURE_TITLE} (Reuters, 2 Mar 2025)`);
    const why = ask("sources", { of: "figures", with: "figure=captives-remaining" });
    expect(why).toContain(
      `Captives remaining in Gaza: “${QUOTE}” — ${FIGURE_TITLE} <${ARTICLE}> (Reuters, 2 Mar 2025)`,
    );

    await leadsPage("used");
    const used = row(FIGURE_TITLE).getByRole("link", { name: "figures.captives-remaining.values[6]" });
    await expect(used.getAttribute("href")).resolves.toBe(
      "/desk/stories/gaza-2025#figures.captives-remaining.values[6]",
    );
    await used.click();
    const entry = page.locator('[id="figures.captives-remaining.values[6]"]');
    await expect(entry.textContent()).resolves.toContain(
      "58 (exactly) as of 2025-03-02, according to Israel",
    );
    await expect(entry.locator("blockquote").textContent()).resolves.toBe(QUOTE);
  });
});

describe("the feeds of a story at the desk", () => {
  it("adds a feed through check and save, writing it into the file, and shows its error reason on its row", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/feeds`);
    await page.getByRole("link", { name: "Add a feed" }).click();
    await fillForm(page, {
      "Feed id (lower-case words with dashes)": "wire-world",
      "Feed address (RSS, Atom or JSON Feed; https://…)": "https://feeds.example.org/wire.xml",
      "Outlet (who publishes it, as leads name it)": "Wire",
      Interval: "15m",
      "Include keywords, separated by commas": "ceasefire, hostages",
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    await expect(page.getByRole("list", { name: "What changes" }).textContent()).resolves.toContain(
      "feeds.wire-world",
    );
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/feeds\?saved=1$/);
    expect(fileNow().feeds).toEqual([
      {
        id: "wire-world",
        url: "https://feeds.example.org/wire.xml",
        outlet: "Wire",
        interval: "15m",
        include: ["ceasefire", "hostages"],
      },
    ]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("Saved");

    const reason = "refused: the feed answered an HTML page, not RSS, Atom or JSON Feed";
    await rig.store.saveFeedState({
      story: "gaza-2025",
      feedId: "wire-world",
      etag: undefined,
      lastModified: undefined,
      nextFetchAt: new Date("2025-03-02T12:30:00Z"),
      failures: 1,
      lastFetchedAt: new Date("2025-03-02T12:00:00Z"),
      lastOkAt: undefined,
      lastError: reason,
      lastItems: 0,
      lastNewLeads: 0,
    });
    await page.reload();
    await expect(page.locator("#feed-wire-world .problem").textContent()).resolves.toBe(reason);
  });
});
