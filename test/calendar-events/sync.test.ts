/**
 * The sync on a real store (SQLite, and two processes on one PostgreSQL schema) with a recording
 * platform: events created, moved once, cancelled, removed on /unsubscribe, never made twice across a
 * crash or by two processes, and a server that denies the permission paused with one log line.
 */
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { pauseOf } from "../../src/calendar-events/pause.js";
import { EventSync } from "../../src/calendar-events/sync.js";
import type { Dataset } from "../../src/dataset/dataset.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import {
  captureLog,
  datasetOf,
  RecordingEvents,
  silentLog,
  TestSchemas,
  tempDir,
  truceDataset,
  truceStory,
  withEvidence,
} from "../support/index.js";

const schemas = new TestSchemas("events_sync_test");
afterAll(() => schemas.dropAll());

const JAN_15 = new Date("2025-01-15T10:00:00Z");
const JAN_25 = new Date("2025-01-25T12:00:00Z");
const server = { platform: "discord", channelId: "c1", story: "truce", workspaceId: "g1" };

let store: Store;
let port: RecordingEvents;
let data: { dataset: Dataset };

function sync(owner = "p1", log = silentLog()): EventSync {
  return new EventSync({ store, data, log, platforms: [port], owner });
}

beforeEach(async () => {
  store = SqliteStore.open(join(tempDir(), "store.sqlite"));
  port = new RecordingEvents();
  data = { dataset: truceDataset() };
  await store.subscribe({ ...server, kind: "events" }, JAN_15);
});

describe("the scheduled events' sync", () => {
  it("creates one event per upcoming deadline, and nothing more on the next ticks", async () => {
    const s = sync();
    expect(await s.tick(JAN_15)).toMatchObject({ create: 2 });
    expect(port.in("g1").map((e) => e.spec.name)).toEqual(["Handover of prisoners", "Withdrawal at dawn"]);
    await s.tick(new Date(JAN_15.getTime() + 60_000));
    expect(port.ops("create")).toHaveLength(2);
    expect(port.ops("update")).toEqual([]);
  });

  it("moves the event when the deadline moves, once", async () => {
    const s = sync();
    await s.tick(JAN_15);
    const [handover] = port.in("g1");
    await s.tick(JAN_25);
    await s.tick(new Date(JAN_25.getTime() + 60_000));
    expect(port.ops("update")).toEqual([{ op: "update", guildId: "g1", eventId: handover?.id }]);
    expect(port.events.get(handover?.id ?? "")?.spec.start).toEqual(new Date("2025-02-17T22:00:00Z"));
  });

  it("leaves an event that has begun to the platform, and cancels one whose deadline is cancelled first", async () => {
    data.dataset = datasetOf(
      truceStory((s) => {
        const handover = (s.deadlines as { status: unknown }[])[0];
        if (handover)
          handover.status = [
            { from: "2025-01-10", status: "scheduled" },
            { from: "2025-01-24", status: "cancelled", attribution: "East", sourceIds: ["s-0110"] },
          ];
        withEvidence(s);
      }),
    );
    const s = sync();
    await s.tick(JAN_15);
    expect(await s.tick(new Date("2025-01-24T10:00:00Z"))).toMatchObject({ cancel: 1, forget: 1 });
    expect(port.ops("cancel")).toHaveLength(1);
    expect(port.in("g1")).toHaveLength(1); // the withdrawal, begun, stays as the platform ends it
  });

  it("creates the event of a deadline that becomes known later", async () => {
    const s = sync();
    await s.tick(new Date("2025-01-09T10:00:00Z"));
    expect(port.ops("create")).toEqual([]);
    await s.tick(JAN_15);
    expect(port.ops("create")).toHaveLength(2);
  });

  it("removes its events when the server unsubscribes, exactly once", async () => {
    const s = sync();
    await s.tick(JAN_15);
    await store.deactivate({ platform: "discord", channelId: "c1" }, "unsubscribed by u1", JAN_15);
    expect(await s.tick(new Date(JAN_15.getTime() + 60_000))).toMatchObject({ remove: 2 });
    await s.tick(new Date(JAN_15.getTime() + 120_000));
    expect(port.ops("remove")).toHaveLength(2);
    expect(port.in("g1")).toEqual([]);
  });

  it("finds the event made just before a crash by its marker instead of making it twice", async () => {
    port.crashAfterCreate = 1;
    await sync("p1").tick(JAN_15);
    expect(port.events.size).toBe(2);
    await sync("p1-restarted").tick(new Date(JAN_15.getTime() + 60_000));
    expect(port.events.size).toBe(2);
    expect(port.ops("create")).toHaveLength(2);
    expect(port.calls.slice(-2)).toEqual([
      { op: "list", guildId: "g1" },
      { op: "update", guildId: "g1", eventId: "event-1" },
    ]);
  });

  it("pauses a server that denies the permission: one log line, a back-off, and back once it works", async () => {
    port.denied.add("g1");
    const { log, lines } = captureLog();
    const s = sync("p1", log);
    expect(await s.tick(JAN_15)).toMatchObject({ paused: 1, create: 0 });
    const paused = await pauseOf(store, "discord", "g1");
    expect(paused).toMatchObject({ reason: "the bot lacks Manage Events (50013)", failures: 1 });
    for (let minute = 1; minute < 5; minute++) await s.tick(new Date(JAN_15.getTime() + minute * 60_000));
    expect(port.calls).toHaveLength(1);
    await s.tick(new Date(JAN_15.getTime() + 5 * 60_000));
    expect(port.calls).toHaveLength(2);
    expect((await pauseOf(store, "discord", "g1"))?.retryAt).toEqual(
      new Date(JAN_15.getTime() + 15 * 60_000),
    );
    expect(lines().filter((l) => String(l.msg).startsWith("scheduled events paused"))).toHaveLength(1);
    port.denied.clear();
    await s.tick(new Date(JAN_15.getTime() + 15 * 60_000));
    expect(port.in("g1")).toHaveLength(2);
    expect(await pauseOf(store, "discord", "g1")).toBeUndefined();
  });

  it("replaces an event the platform will not change with a new one", async () => {
    const s = sync();
    await s.tick(JAN_15);
    const [old] = port.in("g1");
    port.refuseUpdates = true;
    await s.tick(JAN_25);
    port.refuseUpdates = false;
    await s.tick(new Date(JAN_25.getTime() + 60_000));
    const handover = port.in("g1").filter((e) => e.spec.name === "Handover of prisoners");
    expect(handover.map((e) => e.id)).toEqual(["event-3"]);
    expect(port.events.get(old?.id ?? "")?.status).toBe("canceled");
    expect(port.events.get("event-3")?.spec.start).toEqual(new Date("2025-02-17T22:00:00Z"));
  });

  it("logs a failing event once, and waits longer each time before trying it again", async () => {
    port.refuseCreates = true;
    const { log, lines } = captureLog();
    const s = sync("p1", log);
    for (let minute = 0; minute < 20; minute++) await s.tick(new Date(JAN_15.getTime() + minute * 60_000));
    expect(port.ops("create").length).toBe(2 * 3); // at 0, 5 and 15 minutes, for each deadline
    expect(lines().filter((l) => l.msg === "scheduled event not synced; trying again later")).toHaveLength(2);
    port.refuseCreates = false;
    await s.tick(new Date(JAN_15.getTime() + 35 * 60_000));
    expect(port.in("g1")).toHaveLength(2);
  });

  it("never works on an event another process holds", async () => {
    const ref = { platform: "discord", workspaceId: "g1", story: "truce", deadline: "handover" };
    await store.claimEvent(ref, { owner: "other", until: new Date(JAN_15.getTime() + 120_000) }, JAN_15);
    await sync().tick(JAN_15);
    expect(port.in("g1").map((e) => e.spec.name)).toEqual(["Withdrawal at dawn"]);
  });
});

describe("two processes on one PostgreSQL store", () => {
  it("make each event once", async () => {
    const schema = schemas.next();
    const [a, b] = [await schemas.open(schema), await schemas.open(schema)];
    try {
      const shared = new RecordingEvents();
      await a.subscribe({ ...server, kind: "events" }, JAN_15);
      const syncs = [a, b].map(
        (s, i) => new EventSync({ store: s, data, log: silentLog(), platforms: [shared], owner: `p${i}` }),
      );
      for (let minute = 0; minute < 3; minute++) {
        await Promise.all(syncs.map((s) => s.tick(new Date(JAN_15.getTime() + minute * 60_000))));
      }
      expect(shared.ops("create")).toHaveLength(2);
      expect(shared.in("g1")).toHaveLength(2);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
