/**
 * Alerts and news notices as the deliverer takes them: a reminder keyed by its alert, a notice of a
 * moved deadline delivered with the reminders, and an unconfirmed ledger row rebuilt after a crash
 * into the item it was, unless it is past sending (missed beyond the grace period, or gone from the
 * data), which says why.
 */
import { describe, expect, it } from "vitest";
import { AlertItems, hoursText } from "../../src/alerts/items.js";
import { planAlerts } from "../../src/alerts/plan.js";
import { storyNotices, type UpdateItem } from "../../src/alerts/updates.js";
import { defaultSettings } from "../../src/config.js";
import { markerFor } from "../../src/delivery/marker.js";
import { plainText } from "../../src/reply/reply.js";
import type { Delivery } from "../../src/store/store.js";
import { ManualClock } from "../../src/time/clock.js";
import { shippedData } from "../support/index.js";

const HOUR = 3_600_000;
const DUE = new Date("2025-02-28T07:00:00Z");
const dataset = shippedData();
const clock = new ManualClock("2025-02-28T07:00:00Z");
const items = new AlertItems({ data: { dataset }, clock, settings: defaultSettings, graceMs: 6 * HOUR });
const alert = planAlerts(dataset, { from: DUE, to: new Date(DUE.getTime() + 1) }, { reminderHour: 9 }).find(
  (a) => a.id === "gaza-2025:phase-one-end:1d",
);

function row(key: string, kind: "reminder" | "update", dueAt = DUE): Delivery {
  return {
    platform: "discord",
    channelId: "C1",
    key,
    kind,
    dueAt,
    marker: markerFor(key),
    summary: "",
    state: "claimed",
    attempts: 1,
    claimedAt: dueAt,
    leaseUntil: dueAt,
    finishedAt: undefined,
    messageId: undefined,
    reason: undefined,
  };
}

const update = (audience?: UpdateItem["audience"]): UpdateItem => ({
  key: "update:gaza-2025:event:x",
  storyId: "gaza-2025",
  at: "2025-02-28T07:00:00.000Z",
  text: "Something happened.",
  sourceIds: [],
  ...(audience ? { audience } : {}),
});

describe("hours as the ledger words them", () => {
  it("says whole hours without decimals and others to one decimal", () => {
    expect(hoursText(6 * HOUR)).toBe("6 h");
    expect(hoursText(1.5 * HOUR)).toBe("1.5 h");
  });
});

describe("a reminder item", () => {
  it("is keyed by its alert, due when the alert is, and summed up by its text", () => {
    if (!alert) throw new Error("the shipped story has no phase-one-end:1d reminder");
    const item = items.reminderItem(alert);
    expect(item).toMatchObject({ key: alert.id, kind: "reminder", dueAt: alert.at, summary: alert.text });
    expect(item.reply(undefined).title).toBe("Reminder");
    expect(item.reply("sent 2 hours late").title).toBe("Reminder (late)");
  });
});

describe("a notice item", () => {
  it("goes out as an update, titled Update", () => {
    const item = items.updateItem(update());
    expect(item).toMatchObject({
      key: "update:gaza-2025:event:x",
      kind: "update",
      summary: "Something happened.",
    });
    expect(item.dueAt).toEqual(DUE);
    expect(item.reply(undefined).title).toBe("Update");
  });

  it("goes out with the reminders when it says a deadline moved", () => {
    const item = items.updateItem(update("moved"));
    expect(item.kind).toBe("reminder");
    expect(item.reply(undefined).title).toBe("Deadline moved");
  });
});

describe("an unconfirmed row after a crash", () => {
  it("becomes its reminder again, at the instant it was claimed for", () => {
    const rebuilt = items.itemFor(row("gaza-2025:phase-one-end:1d", "reminder"), DUE);
    if (!("item" in rebuilt)) throw new Error(rebuilt.expired);
    expect(rebuilt.item).toMatchObject({ key: "gaza-2025:phase-one-end:1d", kind: "reminder", dueAt: DUE });
    expect(plainText(rebuilt.item.reply(undefined).summary ?? [])).toBe(alert?.text);
  });

  it("becomes its notice again, as the data words it now, at the instant it was claimed for", () => {
    const story = dataset.byId.get("gaza-2025");
    const notice = story ? storyNotices(story).find((n) => n.key.startsWith("update:")) : undefined;
    if (!notice) throw new Error("the shipped story has no notices");
    const rebuilt = items.itemFor(row(notice.key, "update"), DUE);
    if (!("item" in rebuilt)) throw new Error(rebuilt.expired);
    expect(rebuilt.item).toMatchObject({
      key: notice.key,
      kind: "update",
      dueAt: DUE,
      summary: notice.item().text,
    });
  });

  it("is past sending once missed by more than the grace period, saying by how much", () => {
    const now = new Date(DUE.getTime() + 7.5 * HOUR);
    expect(items.itemFor(row("gaza-2025:phase-one-end:1d", "reminder"), now)).toEqual({
      expired: "unconfirmed and missed by 7.5 h, more than the 6 h grace period",
    });
  });

  it("is still sent when missed by the grace period exactly", () => {
    const now = new Date(DUE.getTime() + 6 * HOUR);
    expect("item" in items.itemFor(row("gaza-2025:phase-one-end:1d", "reminder"), now)).toBe(true);
  });

  it("is past sending when its deadline or its update is no longer in the data", () => {
    expect(items.itemFor(row("gaza-2025:no-such-deadline:1d", "reminder"), DUE)).toEqual({
      expired: "its deadline is no longer in the data",
    });
    expect(items.itemFor(row("gone-2024:phase-one-end:1d", "reminder"), DUE)).toEqual({
      expired: "its deadline is no longer in the data",
    });
    expect(items.itemFor(row("update:gaza-2025:event:no-such-event", "update"), DUE)).toEqual({
      expired: "its update is no longer in the data",
    });
  });
});

describe("what a thread an item starts is named after", () => {
  it("is its deadline and story for a reminder", () => {
    if (!alert) throw new Error("the shipped story has no 1d reminder of phase one's end");
    expect(items.reminderItem(alert).topic).toEqual({
      story: "Israel-Hamas ceasefire in Gaza (2025)",
      thread: "End of phase one",
    });
  });

  it("is the story's news of the month for an update", () => {
    const update: UpdateItem = {
      key: "update:gaza-2025:event:x",
      storyId: "gaza-2025",
      text: "x",
      sourceIds: [],
      at: DUE.toISOString(),
    };
    expect(items.updateItem(update).topic).toEqual({
      story: "Israel-Hamas ceasefire in Gaza (2025)",
      thread: "News, February 2025",
    });
  });
});
