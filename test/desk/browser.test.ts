/**
 * The curator desk in a real browser (a headless Chromium driven by playwright-core: the system's,
 * else the one of the @sparticuz/chromium npm package; see test/support/browser.ts): log in, see a
 * broken file's errors, add a figure value and see what it changes, move a deadline and see the
 * notice channels will get, correct a value and see the correction reach a Discord and a Slack channel
 * once, and be refused a save over a file that changed on disk.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markerFor } from "../../src/delivery/marker.js";
import {
  type DeskRig,
  DISCORD_CHANNEL,
  PASSWORD,
  SLACK_CHANNEL,
  startDeskRig,
  USER,
} from "../support/harness/desk.js";
import { launchBrowser, repoRoot } from "../support/index.js";

let rig: DeskRig;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rig = await startDeskRig();
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
  page = await browser.newPage();
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

async function fill(fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    const control = page.getByLabel(label, { exact: true });
    if ((await control.evaluate((e) => e.tagName)) === "SELECT") await control.selectOption(value);
    else await control.fill(value);
  }
}

describe("the curator desk in a browser", () => {
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

  it("adds a figure value: the check shows the news update and the new reply before anything is saved", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/figure-value`);
    await fill({
      Figure: "captives-remaining",
      Value: "58",
      "As of (YYYY-MM-DD)": "2025-03-02",
      "According to": "Israel",
      Source: "aj-2025-02-28",
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
    await fill({
      Deadline: "philadelphi-withdrawal-start",
      "Moved on (a date or an instant)": "2025-03-02",
      "New due date or instant": "2025-03-15",
      Kind: "postponed",
      "According to": "Israel",
      Sources: "aj-2025-02-28",
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
    await fill({
      Figure: "captives-remaining",
      Value: "57",
      "As of (YYYY-MM-DD)": "2025-03-02",
      "According to": "Israel",
      Source: "aj-2025-02-28",
      "Corrects a wrong value (a correction: channels that got it are told once)": "1",
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
    expect(record).toContain("figures.captives-remaining.values[1].value");
    expect(record).toContain("correction");
    expect(record).toContain(USER);
  });

  it("refuses a save when the file changed on disk since the form was opened, showing both", async () => {
    await page.goto(`${rig.url}/desk/stories/gaza-2025/edit/event`);
    await fill({
      "Id (lower-case words with dashes)": "talks-stall",
      "When (a date or an instant)": "2025-03-02",
      Title: "Talks stall",
      Sources: "aj-2025-02-28",
    });
    writeFileSync(rig.file, `${readFileSync(rig.file, "utf8")}\n`); // someone else saved meanwhile
    const before = readFileSync(rig.file, "utf8");
    await page.getByRole("button", { name: "Check what changes" }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Not saved: the file changed on disk",
    );
    await expect(page.locator(".conflict").textContent()).resolves.toContain('"title": "Talks stall"');
    await expect(page.locator(".conflict").textContent()).resolves.toContain('"id": "gaza-2025"');
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
