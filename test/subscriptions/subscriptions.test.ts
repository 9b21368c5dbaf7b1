/** /subscribe, /unsubscribe and /subscriptions as the adapters will call them. */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderText } from "../../src/platforms/console/text.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import { type Asker, subscribe, subscriptions, unsubscribe } from "../../src/subscriptions/subscriptions.js";
import { ManualClock } from "../../src/time/clock.js";
import { makeScheduler, RecordingSender, shippedData, tempDir } from "../support/index.js";

let store: Store;
let clock: ManualClock;
const dataset = shippedData();
const deps = () => ({ store, dataset, clock });
const manager: Asker = {
  platform: "discord",
  channelId: "100",
  workspaceId: "g1",
  userId: "u1",
  canManage: true,
};
const member: Asker = { ...manager, userId: "u2", canManage: false };
/** The channel's subscription to the default story, which /subscribe chooses when none is named. */
const gazaOf = (who: Asker) => ({
  platform: who.platform,
  channelId: who.channelId,
  story: "gaza-2025",
});

beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock("2025-02-27T10:00:00Z");
});
afterEach(async () => {
  await store.close();
});

describe("/subscribe", () => {
  it("subscribes the channel from now, and says what it will get next", async () => {
    const reply = await subscribe(deps(), manager, { kind: "reminders", lead: "1d, 2h" });
    const text = renderText(reply);
    expect(reply.ephemeral).toBe(false);
    expect(text).toContain(
      "This channel now gets deadline reminders about Israel-Hamas ceasefire in Gaza (2025) (reminding 1d, 2h before each deadline).",
    );
    expect(text).toContain("Phase one ends tomorrow, Saturday 1 March 2025.");
    expect(await store.subscription(gazaOf(manager))).toMatchObject({
      kind: "reminders",
      leadTimes: ["1d", "2h"],
      active: true,
      createdBy: "u1",
    });
    expect((await store.subscription(gazaOf(manager)))?.since.toISOString()).toBe("2025-02-27T10:00:00.000Z");
  });

  it("refuses, privately, someone who cannot manage the channel", async () => {
    const reply = await subscribe(deps(), member, {});
    expect(reply).toMatchObject({ kind: "error", title: "Not allowed", ephemeral: true });
    expect(await store.subscription(gazaOf(member))).toBeUndefined();
  });

  it("rejects lead times it cannot plan", async () => {
    for (const lead of ["soon", "1d,1w", "1d,2d,3d,4d,5d", "45d"]) {
      const reply = await subscribe(deps(), manager, { lead });
      expect(reply.kind, lead).toBe("error");
    }
    expect(await store.subscription(gazaOf(manager))).toBeUndefined();
  });
});

describe("/unsubscribe", () => {
  it("stops the channel's alerts, and refuses members", async () => {
    await subscribe(deps(), manager, {});
    expect((await unsubscribe(deps(), member)).title).toBe("Not allowed");
    expect((await unsubscribe(deps(), manager)).title).toBe("Unsubscribed");
    expect(await store.subscription(gazaOf(manager))).toMatchObject({
      active: false,
      deactivationReason: "unsubscribed by u1",
    });
    expect((await unsubscribe(deps(), manager)).title).toBe("Not subscribed");
  });
});

describe("/subscriptions", () => {
  it("shows what the channel gets, its next alerts and its last deliveries with their outcome", async () => {
    await subscribe(deps(), manager, { kind: "all", lead: "1d" });
    await subscribe(deps(), { ...manager, channelId: "200" }, { kind: "all", lead: "1d" });
    const sender = new RecordingSender();
    const scheduler = makeScheduler({ store, data: { dataset }, clock, sender });
    clock.set("2025-02-28T06:00:00Z");
    await scheduler.tick();
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();

    clock.set("2025-02-28T08:00:00Z");
    const text = renderText(await subscriptions(deps(), member));
    expect(text).toContain(
      "This channel gets deadline reminders and news updates about Israel-Hamas ceasefire in Gaza (2025) (reminding 1d before each deadline), since",
    );
    expect(text).toContain("Next reminders:");
    expect(text).toContain(
      "The Philadelphi corridor withdrawal is due to be complete tomorrow, Sunday 9 March 2025.",
    );
    expect(text).toContain("Last deliveries:");
    expect(text).toMatch(/Phase one ends tomorrow, Saturday 1 March 2025\. · sent/);
  });

  it("says why a channel stopped getting alerts", async () => {
    await subscribe(deps(), manager, {});
    await store.deactivate(manager, "gone: Missing Access (50001)", clock.now());
    const text = renderText(await subscriptions(deps(), manager));
    expect(text).toContain("This channel is not subscribed (stopped: gone: Missing Access (50001)).");
  });

  it("shows skipped deliveries with the reason", async () => {
    await subscribe(deps(), manager, { kind: "reminders", lead: "1d" });
    const scheduler = makeScheduler({ store, data: { dataset }, clock, sender: new RecordingSender() });
    clock.set("2025-02-28T06:00:00Z");
    await scheduler.tick();
    clock.set("2025-02-28T15:00:00Z");
    await scheduler.tick();
    const text = renderText(await subscriptions(deps(), manager));
    expect(text).toContain(
      "skipped (missed by 8 h, more than the 6 h grace period (the bot was not running))",
    );
  });
});
