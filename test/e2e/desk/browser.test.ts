/**
 * The curator desk in a real browser (a headless Chromium driven by playwright-core: the system's,
 * else the one of the @sparticuz/chromium npm package; see test/support/browser.ts): log in, see a
 * broken file's errors, add a figure value and see what it changes, move a deadline and see the
 * notice channels will get, correct a value (of the figure picked) and see the correction reach a
 * Discord and a Slack channel once, see a save confirmed, switch stories with the keyboard, and be
 * refused a source address that is not http: or https:. Every entry that states something carries its
 * evidence (evidence.test.ts tests that field; conflict.test.ts a save over a file
 * changed on disk).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import { chooseFigure, fillForm, LABELS, newDeskPage, optionsOf, QUOTES } from "../../support/browser.js";
import {
  type DeskRig,
  DISCORD_CHANNEL,
  PASSWORD,
  SLACK_CHANNEL,
  startDeskRig,
  USER,
} from "../../support/harness/desk.js";
import { launchBrowser, otherStory, repoRoot } from "../../support/index.js";

let rig: DeskRig;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rig = await startDeskRig({ others: [otherStory()] });
  // Both channels follow the story from before phase one's last reminders.
  for (const [platform, channelId] of [
    ["discord", DISCORD_CHANNEL],
    ["slack", SLACK_CHANNEL],
  ] as const) {
    await rig.store.subscribe(
      { platform, channelId, story: "gaza-2025", workspaceId: "w", kind: "all" },
      new Date("2025-02-20T00:00:00Z"),
    );
  }
  await rig.scheduler.tick(); // the first run: what the data holds is known, not news
  rig.clock.set("2025-02-28T07:00:00Z");
  await rig.scheduler.tick(); // the day-before reminders of 1 March go out
  rig.clock.set("2025-03-02T08:00:00Z");
  await rig.scheduler.tick();
  browser = await launchBrowser();
  page = await newDeskPage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

const discordMarkers = () =>
  (rig.discord.messages.get(DISCORD_CHANNEL) ?? []).map(
    (m) => /ref (cf-[0-9a-f]+)/.exec(m.embeds[0]?.footer?.text ?? "")?.[1] ?? "?",
  );
const slackMarkers = () =>
  (rig.slack.messages.get(SLACK_CHANNEL) ?? []).map((m) => String(m.metadata?.event_payload.marker ?? "?"));

const { corrects: CORRECTS, evidence: EVIDENCE } = LABELS;

describe("the curator desk in a browser: logging in, a broken file", () => {
  it("asks for a log-in, and lets a curator in", async () => {
    await page.goto(`${rig.url}/desk/`);
    await expect(page.getByRole("heading", { name: "Log in" }).isVisible()).resolves.toBe(true);
    await page.getByLabel("User").fill(USER);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Wrong user or password.");
    await page.getByLabel("User").fill(USER);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${rig.url}/desk/`);
    await expect(
      page.getByRole("link", { name: "Israel-Hamas ceasefire in Gaza (2025)" }).isVisible(),
    ).resolves.toBe(true);
  });

  it("shows a broken file's errors at the fields they name, while readers keep the last good data", async () => {
    const good = readFileSync(rig.file, "utf8");
    rig.writeStory((s) => {
      s.figures[0].values[0].value = -1;
    });
    await page.goto(`${rig.url}/desk/stories/gaza-2025?at=2025-03-02T08:00:00Z`);
    const errors = page.locator(".file-errors");
    await expect(errors.getByRole("heading", { level: 2 }).textContent()).resolves.toBe(
      "The file on disk has 1 error",
    );
    await expect(errors.textContent()).resolves.toContain(
      "figures[0].values[0].value: Too small: expected number to be >=0",
    );
    await expect(errors.locator("pre").textContent()).resolves.toContain('"value": -1');
    writeFileSync(rig.file, good);
  });
});

describe("the curator desk in a browser: figure values, deadlines, corrections", () => {
  it("adds a figure value: the check shows the news update and the new reply before anything is saved", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value`);
    await chooseFigure(page, "captives-remaining");
    await fillForm(page, {
      Value: "58",
      "As of (YYYY-MM-DD)": "2025-03-02",
      "According to": "Israel",
      Source: "aj-2025-02-28",
      [EVIDENCE]: QUOTES.captives,
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    const pending = page.locator(".notice.pending");
    await expect(pending.textContent()).resolves.toContain(
      "News update: Captives remaining in Gaza: 58 captives, according to Israel, as of 2 Mar 2025.",
    );
    await expect(pending.textContent()).resolves.toContain("1 Discord, 1 Slack channels");
    await expect(page.locator(".previews").first().textContent()).resolves.toContain("58 captives");
    const count58 = (text: string) => text.split('"value": 58').length - 1;
    const before = count58(readFileSync(rig.file, "utf8"));
    expect(count58(readFileSync(rig.file, "utf8"))).toBe(before);

    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/desk\/stories\/gaza-2025\?saved=1/);
    expect(count58(readFileSync(rig.file, "utf8"))).toBe(before + 1);
    await rig.scheduler.idle();
    const update = markerFor("update:gaza-2025:figure:captives-remaining:2025-03-02:58");
    expect(discordMarkers().filter((m) => m === update)).toHaveLength(1);
    expect(slackMarkers().filter((m) => m === update)).toHaveLength(1);
  });

  it("moves a deadline: the check shows the notice the channels reminded of the old date will get", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/deadline-move`);
    await fillForm(page, {
      Deadline: "philadelphi-withdrawal-start",
      "Moved on (a date or an instant)": "2025-03-02",
      "New due date or instant": "2025-03-15",
      Kind: "postponed",
      "According to": "Israel",
      Sources: "aj-2025-02-28",
      [EVIDENCE]: QUOTES.philadelphi,
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    const pending = page.locator(".notice.pending");
    await expect(pending.textContent()).resolves.toContain(
      "Moved-deadline notice: Philadelphi Corridor withdrawal starts has moved: it was due Saturday 1 March 2025; now due Saturday 15 March 2025, according to Israel.",
    );
    await expect(pending.textContent()).resolves.toContain("1 Discord, 1 Slack channels");
  });

  it("corrects a value: the correction reaches the Discord and the Slack channel once, and replies say so", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value?figure=captives-remaining`);
    await fillForm(page, {
      Value: "57",
      "As of (YYYY-MM-DD)": "2025-03-02",
      "According to": "Israel",
      Source: "aj-2025-02-28",
      [EVIDENCE]: QUOTES.captives,
      [CORRECTS]: "58 as of 2025-03-02, according to Israel",
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    const pending = page.locator(".notice.pending");
    await expect(pending.textContent()).resolves.toContain(
      "Correction notice: Captives remaining in Gaza was 58 captives, is 57 captives",
    );
    await expect(pending.textContent()).resolves.toContain("1 Discord, 1 Slack channels");
    await page.getByRole("button", { name: "Save as a correction" }).click();
    await page.waitForURL(/saved=1/);
    await rig.scheduler.idle();
    rig.clock.set("2025-03-02T08:01:00Z");
    await rig.scheduler.tick();
    await rig.scheduler.tick();
    const correction = markerFor("correction:gaza-2025:figure:captives-remaining:2025-03-02:57");
    expect(discordMarkers().filter((m) => m === correction)).toHaveLength(1);
    expect(slackMarkers().filter((m) => m === correction)).toHaveLength(1);

    await page.goto(`${rig.url}/desk/stories/gaza-2025/record`);
    const record = await page.locator("table").textContent();
    expect(record).toContain("figures.captives-remaining.values[6].value");
    expect(record).toContain("correction");
    expect(record).toContain(USER);
  });

  it("lists the values of the figure picked to correct, not those of the figure the page opened with", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value`);
    await expect(optionsOf(page, CORRECTS)).resolves.toContain("59 as of 2025-02-28, according to Israel");
    await chooseFigure(page, "captives-believed-alive");
    await expect(page.locator("#chosen-figure").textContent()).resolves.toContain(
      "Captives believed to be alive (captives-believed-alive)",
    );
    const choices = await optionsOf(page, CORRECTS);
    expect(choices.slice(0, 3)).toEqual([
      "No: a new value (a development)",
      "24 as of 2025-02-28, according to Israel",
      "24 as of 2025-03-01, according to CNN",
    ]);
    expect(choices.join("\n")).not.toContain("59 as of");
    await fillForm(page, {
      Value: "23",
      "As of (YYYY-MM-DD)": "2025-03-01",
      "According to": "CNN",
      Source: "cnn-2025-03-01",
      [EVIDENCE]: QUOTES.cnn,
      [CORRECTS]: "24 as of 2025-03-01, according to CNN",
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    await expect(page.getByRole("list", { name: "What changes" }).textContent()).resolves.toContain(
      "figures.captives-believed-alive.values[1].value: 24 → 23",
    );
    const remaining = () => JSON.parse(readFileSync(rig.file, "utf8")).figures[0].values;
    const before = remaining();
    await page.getByRole("button", { name: "Save as a correction" }).click();
    await page.waitForURL(/saved=1/);
    const story = JSON.parse(readFileSync(rig.file, "utf8"));
    expect(story.figures[1].id).toBe("captives-believed-alive");
    expect(story.figures[1].values[1]).toMatchObject({ value: 23, corrected: { was: 24 } });
    expect(remaining()).toEqual(before);
  });
});

describe("the curator desk in a browser: saving, switching stories", () => {
  it("confirms a save with a status banner naming what was saved and the file, shown once", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/source`);
    await fillForm(page, {
      Id: "reuters-2025-03-02",
      Title: "Talks on phase two stall",
      Publisher: "Reuters",
      "Address (https://…)": "https://www.reuters.com/world/middle-east/talks-2025-03-02/",
      [LABELS.published]: "2025-03-02",
    });
    await page.getByRole("button", { name: "Check what changes" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/desk\/stories\/gaza-2025\?saved=1/);
    const banner = page.getByRole("status");
    await expect(banner.isVisible()).resolves.toBe(true);
    const text = (await banner.textContent())?.replace(/\s+/g, " ");
    expect(text).toMatch(/Saved: Add a source, in \S*\/gaza-2025\.json\./);
    expect(text).toContain("The bot serves it now.");
    expect(text).toContain('sources.reuters-2025-03-02: — → {"id":"reuters-2025-03-02"');
    await page.reload();
    await expect(page.getByRole("status").count()).resolves.toBe(0);
  });

  it("switches between stories from every page with the keyboard, keeping the view", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/preview?at=2025-03-02T08:00:00Z`);
    const switcher = page.getByLabel("Go to story", { exact: true });
    await expect(switcher.inputValue()).resolves.toBe("gaza-2025");
    await expect(switcher.locator("option").allTextContents()).resolves.toEqual([
      "Israel-Hamas ceasefire in Gaza (2025)",
      "Another story (other-2025)",
    ]);
    await switcher.focus();
    await page.keyboard.press("ArrowDown");
    await expect(switcher.inputValue()).resolves.toBe("other-2025");
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus").textContent(), "the Open button is next in tab order").resolves.toBe(
      "Open",
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(`${rig.url}/desk/stories/other-2025/preview?at=2025-03-02T08%3A00%3A00Z`, {
      timeout: 5_000,
    });
    await expect(page.getByLabel("Go to story", { exact: true }).inputValue()).resolves.toBe("other-2025");

    // The same form of the other story; the list of stories; an unknown id is not opened.
    await page.goto(`${rig.url}/desk/stories/other-2025/edit/deadline-move`);
    await page.getByLabel("Go to story", { exact: true }).selectOption("gaza-2025");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.waitForURL(`${rig.url}/desk/stories/gaza-2025/edit/deadline-move`);
    await expect(page.locator("main p").first().textContent()).resolves.toBe(
      "Israel-Hamas ceasefire in Gaza (2025)",
    );
    await page.goto(`${rig.url}/desk/`);
    await page.getByLabel("Go to story", { exact: true }).selectOption("other-2025");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.waitForURL(`${rig.url}/desk/stories/other-2025`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Another story (other-2025)",
    );
    const unknown = await page.goto(`${rig.url}/desk/switch?story=..%2F..%2Fetc%2Fpasswd&view=record`);
    expect(unknown?.status()).toBe(404);
  });
});

describe("the curator desk in a browser: bad addresses, long choices, previews", () => {
  it("keeps every field of a form within the form, however long the titles of the sources to choose", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value`);
    const form = (await page.locator("form.form").boundingBox())?.width ?? 0;
    const fields = await page.locator("form.form .field").all();
    const widths = await Promise.all(fields.map(async (f) => (await f.boundingBox())?.width ?? Infinity));
    expect(widths.length).toBeGreaterThan(5);
    expect(Math.max(...widths)).toBeLessThanOrEqual(form);
  });

  it("refuses a source whose address is not http: or https:, at the address field, writing nothing", async () => {
    const before = readFileSync(rig.file, "utf8");
    for (const [url, scheme] of [
      ["javascript:alert(document.cookie)", "javascript:"],
      ["data:text/html,<script>alert(1)</script>", "data:"],
    ]) {
      await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/source`);
      await fillForm(page, {
        Id: "bad-link",
        Title: "A bad link",
        "Address (https://…)": url as string,
        [LABELS.published]: "2025-03-02",
      });
      await page.getByRole("button", { name: "Check what changes" }).click();
      const address = page.getByLabel("Address (https://…)", { exact: true });
      await expect(address.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(address.inputValue()).resolves.toBe(url);
      await expect(page.locator("#f-url-error").textContent()).resolves.toBe(
        `must be an http: or https: address, not ${scheme}`,
      );
    }
    expect(readFileSync(rig.file, "utf8")).toBe(before);
  });

  it("previews every reply at an instant as each platform shows it (and keeps a screenshot for the README)", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/preview?at=2025-03-02T08:00:00Z`);
    await expect(page.locator(".embed-title").first().textContent()).resolves.toContain("Phase");
    await expect(page.locator(".slack-header").first().isVisible()).resolves.toBe(true);
    if (process.env.DESK_SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(repoRoot, "docs/desk-preview.png") });
      await page.goto(`${rig.url}/desk/stories/gaza-2025?at=2025-03-02T08:00:00Z`);
      await page.screenshot({ path: join(repoRoot, "docs/desk-review.png") });
    }
  });
});
