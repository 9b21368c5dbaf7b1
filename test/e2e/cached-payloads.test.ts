/**
 * The payloads the bot sends come from answers kept for the minute (the core's ReplyCache) and from
 * renderings kept with each answer (Slack's and Discord's renderers): the same bytes as answering and
 * rendering afresh, for every question command, at instants across the story, and across a data
 * reload (docs/decisions/0029-one-picture-share-a-minute.md).
 */
import { describe, expect, it } from "vitest";
import { registry } from "../../commands/index.js";
import { type BotCore, createCore } from "../../src/bot/core.js";
import { defaultSettings } from "../../src/config.js";
import { type Dataset, indexStory } from "../../src/dataset/dataset.js";
import { assemble, loadDataset, parseStoryText } from "../../src/dataset/load.js";
import { renderDiscord } from "../../src/platforms/discord/embeds.js";
import { renderSlack } from "../../src/platforms/slack/blocks.js";
import type { Reply } from "../../src/reply/reply.js";
import { ManualClock } from "../../src/time/clock.js";
import {
  AFTER,
  ARTICLE_KNOWN,
  BEFORE,
  DURING,
  NOTHING_KNOWN,
  shippedDataDir,
  shippedStory,
  silentLog,
} from "../support/index.js";

const quiet = silentLog();
const INSTANTS = [NOTHING_KNOWN, BEFORE, DURING, ARTICLE_KNOWN, AFTER];

async function shipped(): Promise<Dataset> {
  const result = await loadDataset(shippedDataDir);
  if (!result.ok) throw new Error("shipped data invalid");
  return result.dataset;
}

/** The shipped story with a second count of captives on 28 February: what a curator's edit reloads. */
function edited(): Dataset {
  const raw = shippedStory();
  const values = raw.figures.find((f: { id: string }) => f.id === "captives-believed-alive").values;
  values.splice(1, 0, { ...values[0], value: 22 });
  const parsed = parseStoryText("gaza-2025.json", JSON.stringify(raw));
  const next = assemble([indexStory("gaza-2025.json", parsed.data ?? raw)], parsed.errors);
  if (!next.ok) throw new Error(JSON.stringify(next.errors));
  return next.dataset;
}

/** Every question, as typed on Slack (text options) and with a page and privacy asked for. */
const QUESTIONS: [string, Record<string, unknown>][] = registry.list
  .filter((c) => c.kind !== "channel")
  .flatMap((c): [string, Record<string, unknown>][] => [
    [c.name, {}],
    [c.name, { private: "true" }],
  ])
  .concat([
    ["timeline", { page: "2" }],
    ["timeline", { page: 3 }],
  ]);

/** What each platform is sent for a reply, as bytes. */
function payloads(reply: Reply): string {
  return JSON.stringify({ slack: renderSlack(reply), discord: renderDiscord(reply), picture: reply.picture });
}

function cores(data: { dataset: Dataset }, clock: ManualClock): { cached: BotCore; fresh: BotCore } {
  const base = { registry, data, clock, settings: defaultSettings, log: quiet };
  return { cached: createCore(base), fresh: createCore({ ...base, cache: false }) };
}

describe("payloads from kept answers and renderings", () => {
  it("are the bytes of answers rendered afresh, for every question at instants across the story", async () => {
    const data = { dataset: await shipped() };
    const clock = new ManualClock(DURING);
    const { cached, fresh } = cores(data, clock);
    for (const at of INSTANTS) {
      clock.set(at);
      for (const [name, raw] of QUESTIONS) {
        const first = cached.answerQuestion(name, raw);
        const kept = cached.answerQuestion(name, raw);
        expect(kept, `${name} ${JSON.stringify(raw)} at ${at}`).toBe(first);
        expect(payloads(kept), `${name} ${JSON.stringify(raw)} at ${at}`).toBe(
          payloads(fresh.answerQuestion(name, raw)),
        );
      }
    }
  });

  it("are the new data's as soon as the data is reloaded, within the same minute", async () => {
    const data = { dataset: await shipped() };
    const clock = new ManualClock(ARTICLE_KNOWN);
    const { cached, fresh } = cores(data, clock);
    const before = QUESTIONS.map(([name, raw]) => payloads(cached.answerQuestion(name, raw)));
    data.dataset = edited();
    const after = QUESTIONS.map(([name, raw]) => payloads(cached.answerQuestion(name, raw)));
    expect(after).toEqual(QUESTIONS.map(([name, raw]) => payloads(fresh.answerQuestion(name, raw))));
    const captives = QUESTIONS.findIndex(([name, raw]) => name === "captives" && !Object.keys(raw).length);
    expect(before[captives]).toContain("24 captives");
    expect(after[captives]).toContain("22 captives");
  });
});
