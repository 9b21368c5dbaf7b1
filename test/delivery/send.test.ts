/**
 * Sending one held row: the marker looked up first when the message may already be there, the reply
 * marked late when late, transient failures retried with backoff (the row retaken before each retry,
 * the marker looked up again on a platform whose resends are not idempotent), deferred after the
 * run's attempts, given up at maxAttempts, and a gone channel or a refusal settled at once.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryItem } from "../../src/delivery/item.js";
import { markerFor } from "../../src/delivery/marker.js";
import { type SendContext, sendHeld } from "../../src/delivery/send.js";
import type { Reply } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ManualClock } from "../../src/time/clock.js";
import { RecordingSender, silentLog, tempDir } from "../support/index.js";

const KEY = "gaza-2025:phase-one-end:1d";
const DUE = new Date("2025-02-28T07:00:00Z");
const ref = { platform: "discord" as const, channelId: "C1", key: KEY };
const entry = { ...ref, kind: "reminder" as const, dueAt: DUE, marker: markerFor(KEY), summary: "Reminder" };
const item: DeliveryItem = {
  key: KEY,
  kind: "reminder",
  dueAt: DUE,
  summary: "Reminder",
  reply: (late): Reply => ({
    kind: "answer",
    title: late ? `Reminder (${late})` : "Reminder",
    ephemeral: false,
  }),
};

let store: SqliteStore;
let clock: ManualClock;
let waits: number[];
let ctx: SendContext;

beforeEach(async () => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock("2025-02-28T07:01:00Z");
  waits = [];
  ctx = {
    store,
    log: silentLog(),
    now: () => clock.now(),
    lateAfterMs: 5 * 60_000,
    gone: new Map(),
    retry: { attempts: 3, baseMs: 100, maxMs: 1_000 },
    maxAttempts: 5,
    lateText: () => "sent 1 hour late",
    sleep: async (ms) => {
      waits.push(ms);
    },
    lease: () => ({ owner: "host:1", until: clock.now() }),
    stopped: () => false,
  };
  await store.subscribe(
    { platform: "discord", channelId: "C1", story: "gaza-2025", workspaceId: "g1", kind: "all" },
    DUE,
  );
  await store.claim(entry, DUE);
});
afterEach(async () => {
  await store.close();
});

const row = () => store.delivery(ref);
const send = (sender: RecordingSender, lookFirst = false, attempts = 1) =>
  sendHeld(ctx, sender, item, entry, attempts, lookFirst, undefined);

describe("a held row", () => {
  it("is sent with its marker and recorded as sent", async () => {
    const sender = new RecordingSender();
    expect(await send(sender)).toBe("sent");
    expect(sender.in("C1").map((p) => [p.marker, p.reply.title])).toEqual([[entry.marker, "Reminder"]]);
    expect(await row()).toMatchObject({ state: "sent", messageId: "msg-1" });
  });

  it("is sent late, saying so, more than lateAfterMs after it was due", async () => {
    clock.set("2025-02-28T08:00:00Z");
    const sender = new RecordingSender();
    expect(await send(sender)).toBe("sent_late");
    expect(sender.in("C1")[0]?.reply.title).toBe("Reminder (sent 1 hour late)");
    expect(await row()).toMatchObject({ state: "sent_late" });
  });

  it("is not sent again when its marker is found first", async () => {
    const sender = new RecordingSender();
    await sender.send("C1", item.reply(undefined), entry.marker);
    expect(await send(sender, true)).toBe("found");
    expect(sender.in("C1")).toHaveLength(1);
  });

  it("is only settled, as skipped, when its item is past sending", async () => {
    const sender = new RecordingSender();
    expect(await sendHeld(ctx, sender, item, entry, 1, true, "missed by 7 h")).toBe("skipped");
    expect(await sendHeld(ctx, sender, undefined, entry, 1, false, undefined)).toBe("skipped");
    expect(sender.all()).toEqual([]);
    expect(await row()).toMatchObject({ state: "skipped", reason: "missed by 7 h" });
  });
});

describe("a failed send", () => {
  it("is retried with growing waits after a transient failure, and sent once", async () => {
    const sender = new RecordingSender();
    sender.flaky.set("C1", 2);
    expect(await send(sender)).toBe("sent");
    expect(sender.in("C1")).toHaveLength(1);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect(await row()).toMatchObject({ state: "sent", attempts: 3 });
  });

  it("is deferred, left claimed, after the run's attempts", async () => {
    const sender = new RecordingSender();
    sender.flaky.set("C1", 10);
    expect(await send(sender)).toBe("deferred");
    expect(await row()).toMatchObject({ state: "claimed", attempts: 3 });
  });

  it("is given up once the row has had maxAttempts", async () => {
    const sender = new RecordingSender();
    expect(await send(sender, false, 6)).toBe("failed");
    expect(sender.all()).toEqual([]);
    expect((await row())?.reason).toMatch(/^gave up after 5 attempts/);
  });

  it("settles a gone channel at once, without a retry", async () => {
    const sender = new RecordingSender();
    sender.gone.add("C1");
    expect(await send(sender)).toBe("gone");
    expect(waits).toEqual([]);
    expect(await row()).toMatchObject({ state: "failed", reason: "gone: Unknown Channel" });
  });

  it("records a refusal as failed at once, without a retry", async () => {
    const sender = new RecordingSender();
    sender.send = async () => {
      throw new Error("Invalid Form Body");
    };
    expect(await send(sender)).toBe("failed");
    expect(waits).toEqual([]);
    expect(await row()).toMatchObject({ state: "failed", reason: "rejected: Error: Invalid Form Body" });
  });

  it("is not retried once the deliverer is stopped", async () => {
    const sender = new RecordingSender();
    sender.flaky.set("C1", 1);
    ctx = { ...ctx, stopped: () => true };
    expect(await send(sender)).toBe("deferred");
    expect(waits).toEqual([]);
  });
});
