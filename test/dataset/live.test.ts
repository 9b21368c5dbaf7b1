import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LiveDataset } from "../../src/dataset/live.js";
import { captureLog, shippedStory, shippedStoryText, tempDir } from "../support/index.js";

/** A folder holding a copy of the shipped story, and a logger whose text the test can read. */
function setup() {
  const dir = tempDir();
  writeFileSync(join(dir, "gaza-2025.json"), shippedStoryText);
  const { log, text } = captureLog({ level: "info" });
  return { dir, log, text };
}

function edited(change: (story: Record<string, any>) => void): string {
  const story = shippedStory();
  change(story);
  return JSON.stringify(story, null, 2);
}

const open: LiveDataset[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

describe("live dataset", () => {
  it("serves a valid edit after reload", async () => {
    const { dir, log } = setup();
    const live = await LiveDataset.open(dir, log);
    open.push(live);
    writeFileSync(
      join(dir, "gaza-2025.json"),
      edited((s) => {
        s.figures[0].values.push({ ...s.figures[0].values[0], value: 58, asOf: "2026-02-01" });
      }),
    );
    expect(await live.reload()).toBe(true);
    expect(live.dataset.defaultStory.figures[0]?.values.at(-1)?.value).toBe(58);
  });

  it("keeps serving the last good data and logs every error of an invalid edit", async () => {
    const { dir, log, text } = setup();
    const live = await LiveDataset.open(dir, log);
    open.push(live);
    writeFileSync(
      join(dir, "gaza-2025.json"),
      edited((s) => {
        s.figures[0].values[0].value = -1;
        s.events[0].sourceIds = ["nowhere"];
      }),
    );
    expect(await live.reload()).toBe(false);
    expect(live.dataset.defaultStory.figures[0]?.values[0]?.value).toBe(90);
    const logged = text();
    expect(logged).toContain("data edit rejected: still serving the last good data");
    expect(logged).toContain("figures[0].values[0].value");
    expect(logged).toContain('events[0].sourceIds[0]: unknown source id \\"nowhere\\"');
  });

  it("picks up an edit by itself within seconds while watching", async () => {
    const { dir, log } = setup();
    const live = await LiveDataset.open(dir, log);
    open.push(live);
    live.watch(50, 500);
    const reloaded = new Promise<number>((resolve) =>
      live.onReload((next) => resolve(next.defaultStory.figures[1]?.values.at(-1)?.value ?? 0)),
    );
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(
      join(dir, "gaza-2025.json"),
      edited((s) => {
        s.figures[1].values.push({ ...s.figures[1].values[0], value: 22, asOf: "2026-02-01" });
      }),
    );
    expect(await reloaded).toBe(22);
  });

  it("refuses to start on invalid data, naming each error", async () => {
    const { dir, log } = setup();
    writeFileSync(
      join(dir, "gaza-2025.json"),
      edited((s) => delete s.story.timeZone),
    );
    await expect(LiveDataset.open(dir, log)).rejects.toThrow(/gaza-2025\.json: story\.timeZone: is required/);
  });
});
