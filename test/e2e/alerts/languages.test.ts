/**
 * Alerts in the channel's language: each reminder, news update (an event, a figure, a correction, a
 * moved deadline) and its lateness written in Arabic, Hebrew or French for a channel subscribed in
 * that language, with no English sentence of the bot's own (the story's texts are still English
 * until it carries translations: they are the only English allowed); and, through the real
 * scheduler, channels of different languages each getting the same reminder once, in their own
 * language, under the same ledger key and marker.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlertItems } from "../../../src/alerts/items.js";
import { planAlerts } from "../../../src/alerts/plan.js";
import { storyNotices, type UpdateItem } from "../../../src/alerts/updates.js";
import { defaultSettings } from "../../../src/config.js";
import type { Dataset } from "../../../src/dataset/dataset.js";
import { defaultLateText } from "../../../src/delivery/item.js";
import { markerFor } from "../../../src/delivery/marker.js";
import { threadName } from "../../../src/delivery/threads.js";
import type { Language } from "../../../src/language/languages.js";
import { wordsFor } from "../../../src/language/words.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import type { Store } from "../../../src/store/store.js";
import { ManualClock } from "../../../src/time/clock.js";
import {
  englishLeaks,
  makeScheduler,
  RecordingSender,
  replyText,
  shippedData,
  shippedStory,
  storyTexts,
  tempDir,
  truceDataset,
  truceStory,
} from "../../support/index.js";

const HOUR = 3_600_000;
const OTHERS: readonly Language[] = ["ar", "he", "fr"];
const PHASE_ONE_1D = "gaza-2025:phase-one-end:1d";
const dataset = shippedData();
/** What a reply in another language may still show in English: the story's own texts, until it carries their translations. */
const dataTexts = [...storyTexts(shippedStory()), ...storyTexts(truceStory())].sort(
  (a, b) => b.length - a.length,
);

function itemsOf(data: Dataset, at: string): AlertItems {
  const clock = new ManualClock(at);
  return new AlertItems({ data: { dataset: data }, clock, settings: defaultSettings, graceMs: 6 * HOUR });
}

const noticeItems = (data: Dataset, storyId: string): UpdateItem[] => {
  const story = data.byId.get(storyId);
  return story
    ? storyNotices(story).map((n) => ({ ...n.item(), at: new Date(n.visibleFrom).toISOString() }))
    : [];
};

describe("a reminder in the channel's language", () => {
  const window = { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-12-31T00:00:00Z") };
  const alerts = planAlerts(dataset, window, { reminderHour: 9 });
  const items = itemsOf(dataset, "2025-02-28T07:00:00Z");

  it.each(OTHERS)(
    "says every reminder of the Gaza story in %s, with no English sentence of the bot's",
    (language) => {
      expect(alerts.length).toBeGreaterThan(5);
      for (const alert of alerts) {
        const text = replyText(items.reminderItem(alert).reply(undefined, language));
        expect(englishLeaks(text, language, { except: dataTexts }), text).toEqual([]);
        expect(text).not.toContain(" tomorrow");
      }
    },
  );

  it("says phase one ends tomorrow in Arabic, Hebrew and French, and in English as before", () => {
    const alert = alerts.find((a) => a.id === PHASE_ONE_1D);
    if (!alert) throw new Error("no phase-one-end:1d reminder");
    const item = items.reminderItem(alert);
    const summary = (language?: Language) => replyText(item.reply(undefined, language));
    expect(summary()).toContain("Reminder\nPhase one ends tomorrow, Saturday 1 March 2025.");
    expect(summary("ar")).toContain("تذكير");
    expect(summary("ar")).toContain("غدًا");
    expect(summary("ar")).toContain("1 مارس 2025");
    expect(summary("he")).toContain("תזכורת");
    expect(summary("he")).toContain("מחר");
    expect(summary("he")).toContain("1 במרץ 2025");
    expect(summary("fr")).toContain("Rappel");
    expect(summary("fr")).toContain("Phase one ends demain, samedi 1 mars 2025.");
  });

  it.each(OTHERS)("says a late reminder is late, and by how much, in %s", (language) => {
    const alert = alerts.find((a) => a.id === PHASE_ONE_1D);
    if (!alert) throw new Error("no phase-one-end:1d reminder");
    const words = wordsFor(language);
    const late = defaultLateText(alert.at, new Date(alert.at.getTime() + 2 * HOUR), words);
    const reply = itemsOf(dataset, "2025-02-28T09:00:00Z").reminderItem(alert).reply(late, language);
    expect(reply.title).toBe(words.t("alerts.title.reminder-late"));
    expect(reply.language).toBe(language);
    const text = replyText(reply);
    expect(text).toContain(late);
    expect(englishLeaks(text, language, { except: dataTexts }), text).toEqual([]);
  });

  it("names the thread a reminder starts in the channel's language", () => {
    const alert = alerts.find((a) => a.id === PHASE_ONE_1D);
    if (!alert) throw new Error("no phase-one-end:1d reminder");
    const item = items.reminderItem(alert);
    expect(threadName(item, "on")).toBe("End of phase one · Israel-Hamas ceasefire in Gaza (2025)");
    // Opening with an isolated Latin name, it starts with a right-to-left mark so it still reads right to left.
    expect(threadName(item, "on", "ar")).toBe(
      "\u200f\u2068End of phase one\u2069 · \u2068Israel-Hamas ceasefire in Gaza (2025)\u2069",
    );
    const news = items.updateItem(noticeItems(dataset, "gaza-2025")[0] as UpdateItem);
    expect(threadName(news, "on")).toMatch(/^News, \w+ \d{4} · /);
    expect(threadName(news, "on", "ar")).toMatch(/^\u2068?أخبار /);
    expect(threadName(news, "on", "he")).toMatch(/^\u2068?חדשות /);
    expect(threadName(news, "on", "fr")).toMatch(/^Actualités, /);
  });
});

describe("a news update in the channel's language", () => {
  const gaza = noticeItems(dataset, "gaza-2025");
  const truce = truceDataset();
  const moved = noticeItems(truce, "truce").filter((n) => n.audience === "moved");

  it("has events, figures and corrections in the Gaza story, and a moved deadline in the truce", () => {
    expect(gaza.some((n) => n.key.includes(":event:"))).toBe(true);
    expect(gaza.some((n) => n.key.includes(":figure:"))).toBe(true);
    expect(gaza.some((n) => n.audience === "corrected")).toBe(true);
    expect(moved.length).toBeGreaterThan(0);
  });

  it.each(OTHERS)(
    "says every update, correction and move in %s, with no English sentence of the bot's",
    (language) => {
      const items = itemsOf(dataset, "2025-02-28T07:00:00Z");
      const truceItems = itemsOf(truce, "2025-01-25T12:00:00Z");
      const replies = [
        ...gaza.map((n) => items.updateItem(n).reply(undefined, language)),
        ...moved.map((n) => truceItems.updateItem(n).reply(undefined, language)),
      ];
      for (const reply of replies) {
        const text = replyText(reply);
        expect(englishLeaks(text, language, { except: dataTexts }), text).toEqual([]);
        expect(reply.language).toBe(language);
      }
    },
  );

  it("titles each kind of notice in the channel's language", () => {
    const items = itemsOf(dataset, "2025-02-28T07:00:00Z");
    const correction = gaza.find((n) => n.audience === "corrected") as UpdateItem;
    const event = gaza.find((n) => n.key.includes(":event:")) as UpdateItem;
    const move = itemsOf(truce, "2025-01-25T12:00:00Z").updateItem(moved[0] as UpdateItem);
    expect(items.updateItem(event).reply(undefined, "ar").title).toBe("تحديث");
    expect(items.updateItem(correction).reply(undefined, "he").title).toBe("תיקון");
    expect(move.reply(undefined, "fr").title).toBe("Échéance déplacée");
    expect(move.reply(undefined).title).toBe("Deadline moved");
  });

  it("words a notice for each language once, however many channels it goes to", () => {
    const item = itemsOf(dataset, "2025-02-28T07:00:00Z").updateItem(gaza[0] as UpdateItem);
    expect(item.reply(undefined, "ar")).toBe(item.reply(undefined, "ar"));
    expect(item.reply(undefined, "he")).not.toBe(item.reply(undefined, "ar"));
    expect(item.reply(undefined)).toBe(item.reply(undefined, "en"));
  });
});

describe("channels of different languages through the real scheduler", () => {
  let store: Store;
  let clock: ManualClock;
  let sender: RecordingSender;

  beforeEach(() => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    clock = new ManualClock("2025-02-27T10:00:00Z");
    sender = new RecordingSender();
  });
  afterEach(async () => {
    await store.close();
  });

  /** Each channel's language, as /subscribe language: stores it (100 chose none: English). */
  const LANGUAGE_OF: Readonly<Record<string, Language>> = { "200": "ar", "201": "ar", "300": "he" };
  const subscribe = (id: string) =>
    store.subscribe(
      {
        platform: "discord",
        channelId: id,
        story: "gaza-2025",
        workspaceId: "g1",
        kind: "reminders",
        language: LANGUAGE_OF[id],
      },
      new Date("2025-02-27T10:00:00Z"),
    );
  const phaseOne = (id: string) => sender.in(id).filter((p) => p.marker === markerFor(PHASE_ONE_1D));

  it("sends an Arabic and a Hebrew channel the same reminder once each, in its own language", async () => {
    for (const id of ["100", "200", "201", "300"]) await subscribe(id);
    const scheduler = makeScheduler({ store, data: { dataset }, clock, sender });
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    clock.set("2025-02-28T07:01:00Z");
    await scheduler.tick();

    for (const id of ["100", "200", "201", "300"]) expect(phaseOne(id)).toHaveLength(1);
    const [english, arabic, arabicToo, hebrew] = ["100", "200", "201", "300"].map((id) => phaseOne(id)[0]);
    expect(english?.text).toBe("Reminder: Phase one ends tomorrow, Saturday 1 March 2025.");
    expect(arabic?.reply.language).toBe("ar");
    expect(arabic?.text).toContain("تذكير");
    expect(arabic?.text).toContain("غدًا");
    expect(hebrew?.reply.language).toBe("he");
    expect(hebrew?.text).toContain("תזכורת");
    expect(hebrew?.text).toContain("מחר");
    // One wording per language: both Arabic channels were sent the very same reply.
    expect(arabicToo?.reply).toBe(arabic?.reply);
    for (const [id, language] of [
      ["200", "ar"],
      ["300", "he"],
    ] as const) {
      const text = replyText(phaseOne(id)[0]?.reply ?? { kind: "answer", title: "", ephemeral: false });
      expect(englishLeaks(text, language, { except: dataTexts }), text).toEqual([]);
      // The ledger row is the reminder's, whatever the language.
      expect(await store.delivery({ key: PHASE_ONE_1D, platform: "discord", channelId: id })).toMatchObject({
        state: "sent",
        marker: markerFor(PHASE_ONE_1D),
      });
    }
  });

  it("resends an unconfirmed reminder after a crash in the channel's language", async () => {
    await subscribe("200");
    clock.set("2025-02-28T07:00:00Z");
    const entry = {
      key: PHASE_ONE_1D,
      platform: "discord" as const,
      channelId: "200",
      kind: "reminder" as const,
      dueAt: new Date("2025-02-28T07:00:00Z"),
      marker: markerFor(PHASE_ONE_1D),
      summary: "Phase one ends tomorrow",
      owner: "crashed",
      leaseUntil: new Date("2025-02-28T07:00:00Z"),
    };
    expect(await store.claim(entry, new Date("2025-02-28T07:00:00Z"))).toBe(true);
    clock.set("2025-02-28T07:05:00Z");
    await makeScheduler({ store, data: { dataset }, clock, sender }).tick();
    const sent = phaseOne("200");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.reply.language).toBe("ar");
    expect(sent[0]?.text).toContain("غدًا");
  });
});
