/** What /subscribe kind:events refuses, and the note /subscriptions shows for a paused server. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pause } from "../../src/calendar-events/pause.js";
import { eventsNote, eventsRefusal, eventsResumed } from "../../src/calendar-events/subscribe.js";
import { plainText } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { eventsSubscription, tempDir } from "../support/index.js";

const T0 = new Date("2026-03-02T10:00:00Z");
const where = { platform: "discord", workspaceId: "g1" };

describe("kind:events", () => {
  it("is refused where the workspace has no scheduled events", () => {
    expect(eventsRefusal({ platform: "slack", workspaceId: "T1" })?.code).toBe("no-scheduled-events");
  });

  it("is refused, naming the permission, where the bot may not manage them", () => {
    const reply = eventsRefusal({ ...where, scheduledEvents: { botMayManage: false } });
    expect(reply).toMatchObject({ code: "events-permission", ephemeral: true });
    expect(plainText(reply?.summary ?? [])).toContain("Manage Events");
  });

  it("is taken where the bot may manage them", () => {
    expect(eventsRefusal({ ...where, scheduledEvents: { botMayManage: true } })).toBeUndefined();
  });

  it("shows a paused server's reason in /subscriptions until it is subscribed again", async () => {
    const store = SqliteStore.open(join(tempDir(), "store.sqlite"));
    const active = [eventsSubscription()];
    expect(await eventsNote(store, active)).toBeUndefined();
    await pause(store, where, "the bot lacks Manage Events (50013)", T0);
    expect(plainText((await eventsNote(store, active)) ?? [])).toContain(
      "Scheduled events paused: the bot lacks Manage Events (50013)",
    );
    expect(await eventsNote(store, [eventsSubscription({ kind: "reminders" })])).toBeUndefined();
    await eventsResumed(store, where, T0);
    expect(await eventsNote(store, active)).toBeUndefined();
  });
});
