import { describe, expect, it } from "vitest";
import { registry } from "../../commands/index.js";
import { createCore } from "../../src/bot/core.js";
import { defaultSettings } from "../../src/config.js";
import { type Dataset, indexStory } from "../../src/dataset/dataset.js";
import { assemble, loadDataset, parseStoryText } from "../../src/dataset/load.js";
import { ManualClock } from "../../src/time/clock.js";
import { ARTICLE_KNOWN, shippedDataDir, shippedStory, silentLog } from "../support/index.js";

const quiet = silentLog();

async function shipped(): Promise<Dataset> {
  const result = await loadDataset(shippedDataDir);
  if (!result.ok) throw new Error("shipped data invalid");
  return result.dataset;
}

describe("bot core", () => {
  it("gives the same answer object for the same question within a minute", async () => {
    const data = { dataset: await shipped() };
    const clock = new ManualClock("2025-02-28T10:00:05Z");
    const core = createCore({ registry, data, clock, settings: defaultSettings, log: quiet });
    const first = core.answerQuestion("timeline", { tag: "philadelphi", page: "1" });
    clock.set("2025-02-28T10:00:55Z");
    expect(core.answerQuestion("timeline", { page: "1", tag: "philadelphi" })).toBe(first);
  });

  it("answers afresh in the next minute, so relative times stay right", async () => {
    const data = { dataset: await shipped() };
    const clock = new ManualClock("2025-02-28T21:59:30Z");
    const core = createCore({ registry, data, clock, settings: defaultSettings, log: quiet });
    const before = core.answerQuestion("phase", {});
    clock.set("2025-02-28T22:00:00Z"); // midnight in Jerusalem: phase one's last day begins
    const after = core.answerQuestion("phase", {});
    expect(after).not.toBe(before);
    expect(JSON.stringify(before)).toContain("day 41 of 42");
    expect(JSON.stringify(after)).toContain("day 42 of 42");
  });

  it("answers from new data as soon as the data is reloaded", async () => {
    const data = { dataset: await shipped() };
    // The 28 February article's count of captives alive is known from the end of that day.
    const clock = new ManualClock(ARTICLE_KNOWN);
    const core = createCore({ registry, data, clock, settings: defaultSettings, log: quiet });
    const before = core.answerQuestion("captives", {});
    // A second value of 28 February, written after the first: the one in force that day.
    const raw = shippedStory();
    const values = raw.figures.find((f: { id: string }) => f.id === "captives-believed-alive").values;
    values.splice(1, 0, { ...values[0], value: 22 });
    const parsed = parseStoryText("gaza-2025.json", JSON.stringify(raw));
    const next = assemble([indexStory("gaza-2025.json", parsed.data ?? raw)], parsed.errors);
    if (!next.ok) throw new Error(JSON.stringify(next.errors));
    data.dataset = next.dataset;
    const after = core.answerQuestion("captives", {});
    expect(after).not.toBe(before);
    expect(JSON.stringify(before)).toContain("24 captives");
    expect(JSON.stringify(after)).toContain("22 captives");
  });

  it("keys answers by every option, private included", async () => {
    const data = { dataset: await shipped() };
    const core = createCore({
      registry,
      data,
      clock: new ManualClock("2025-02-28T10:00:00Z"),
      settings: defaultSettings,
      log: quiet,
    });
    expect(core.answerQuestion("captives", { private: "true" }).ephemeral).toBe(true);
    expect(core.answerQuestion("captives", {}).ephemeral).toBe(false);
  });
});

describe("the reader's language", () => {
  const asker = {
    platform: "discord",
    channelId: "C1",
    workspaceId: "G1",
    userId: "U1",
    canManage: async () => false,
  };

  it("answers a channel's question in the reader's locale, else the server's, else English, without a store", async () => {
    const data = { dataset: await shipped() };
    const core = createCore({
      registry,
      data,
      clock: new ManualClock("2025-02-28T10:00:00Z"),
      settings: defaultSettings,
      log: quiet,
    });
    expect((await core.answerInChannel("phase", {}, { ...asker, locale: "fr" })).language).toBe("fr");
    expect(
      (await core.answerInChannel("phase", {}, { ...asker, locale: "pt-BR", guildLocale: "fr" })).language,
    ).toBe("fr");
    expect((await core.answerInChannel("phase", {}, { ...asker, locale: "pt-BR" })).language).toBeUndefined();
    expect(await core.readerLanguage({ platform: "slack", userId: "U1", locale: "fr-FR" })).toBe("fr");
  });

  it("offers a picker's choices in the language asked for", async () => {
    const data = { dataset: await shipped() };
    const core = createCore({
      registry,
      data,
      clock: new ManualClock("2025-02-28T10:00:00Z"),
      settings: defaultSettings,
      log: quiet,
    });
    const english = core.suggest("phase", "story", "gaza", {});
    const french = core.suggest("phase", "story", "gaza", {}, "fr");
    expect(french.map((c) => c.value)).toEqual(english.map((c) => c.value));
    expect(english[0]?.label).toBe("Israel-Hamas ceasefire in Gaza (2025)");
    expect(french[0]?.label).toBe("Cessez-le-feu entre Israël et le Hamas à Gaza (2025)");
  });
});
