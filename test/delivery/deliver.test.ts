/**
 * The specification of src/delivery/deliver.ts: each item reaches each channel exactly once. On a
 * SQLite store, with the real Deliverer and a recording platform (test/support's RecordingSender),
 * on a manual clock; "a process" here is a Deliverer with an owner of its own.
 *
 * - Each (item, channel) is sent once: the ledger row is claimed before the send, and whoever does
 *   not get the claim sends nothing.
 * - A crash after the platform accepted the message and before the ledger recorded it leaves the row
 *   claimed; once its lease has ended, recovery finds the message by its marker and records it: it is
 *   not sent again. A claim whose lease runs is nobody else's; one whose lease has ended is taken over.
 * - A transient failure is retried with backoff (the marker looked up before each resend), then left
 *   for a later recovery, until too many attempts: failed. A refusal fails at once; a gone channel
 *   fails, its subscriptions end, and later items skip it.
 * - An item sent more than five minutes after it was due is marked late, and its reply says so.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Deliverer, type DelivererOptions, type DeliveryItem } from "../../src/delivery/deliver.js";
import { markerFor } from "../../src/delivery/marker.js";
import type { Reply } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { NewDelivery, Store } from "../../src/store/store.js";
import { ManualClock } from "../../src/time/clock.js";
import { RecordingSender, silentLog, tempDir } from "../support/index.js";

const T = "2025-02-28T07:00:00.000Z";
const MINUTE = 60_000;
/** The default lease of a claim. */
const LEASE = 3 * MINUTE;
const KEY = "gaza-2025:phase-one-end:1d";
const at = (ms: number) => new Date(new Date(T).getTime() + ms);

let path: string;
let store: SqliteStore;
let clock: ManualClock;
let sender: RecordingSender;
/** Every wait between retries, as the deliverers asked for it (none is waited out). */
let waits: number[];

beforeEach(() => {
  path = join(tempDir(), "bot.sqlite");
  store = SqliteStore.open(path);
  clock = new ManualClock(T);
  sender = new RecordingSender();
  waits = [];
});
afterEach(async () => {
  await store.close();
});

/** A process: the real deliverer on the test's store and platform, unless told otherwise. */
function deliverer(options: Partial<DelivererOptions> = {}): Deliverer {
  return new Deliverer({
    store,
    senders: { discord: sender },
    clock,
    log: silentLog(),
    owner: "a",
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
}

const reminder = (key = KEY, dueAt = T): DeliveryItem => ({
  key,
  kind: "reminder",
  dueAt: new Date(dueAt),
  summary: "Phase one ends tomorrow.",
  reply: (late): Reply => ({
    kind: "answer",
    title: late ? "Reminder (late)" : "Reminder",
    summary: ["Phase one ends tomorrow.", late ? ` (${late})` : ""],
    ephemeral: false,
  }),
});
const itemOf = () => ({ item: reminder() });

const channel = (channelId: string, platform = "discord") => ({ platform, channelId });
const row = (channelId: string, key = KEY, platform = "discord") =>
  store.delivery({ key, platform, channelId });
const markers = (channelId: string) => sender.in(channelId).map((p) => p.marker);

/** A claim its process made and never settled: it died (after sending, or before). */
function claimOf(channelId: string, owner: string, leaseUntil: Date): NewDelivery {
  const item = reminder();
  return {
    key: item.key,
    ...channel(channelId),
    kind: item.kind,
    dueAt: item.dueAt,
    marker: markerFor(item.key),
    summary: item.summary,
    owner,
    leaseUntil,
  };
}

/** The store as a process sees it that dies once the platform has accepted a message, before recording it. */
function diesBeforeRecording(target: Store): Store {
  return new Proxy(target, {
    get(object, name) {
      if (name === "finish") return async () => Promise.reject(new Error("the process died"));
      const value = Reflect.get(object, name);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

/** A platform whose sends wait until `open()`. */
class HeldUpSender extends RecordingSender {
  started = 0;
  private release: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  open(): void {
    this.release();
  }
  override async send(channelId: string, reply: Reply, marker: string) {
    this.started++;
    await this.gate;
    return super.send(channelId, reply, marker);
  }
}

describe("each (item, channel) is delivered once", () => {
  it("sends each channel the item once, carrying its marker, and records it as sent", async () => {
    const report = await deliverer().fanOut(reminder(), [channel("100"), channel("200"), channel("300")]);
    expect(report.channels).toBe(3);
    expect(report.outcomes).toMatchObject({ sent: 3, already: 0, failed: 0 });
    for (const id of ["100", "200", "300"]) {
      expect(markers(id)).toEqual([markerFor(KEY)]);
      expect(await row(id)).toMatchObject({
        state: "sent",
        messageId: sender.in(id)[0]?.id,
        marker: markerFor(KEY),
        attempts: 1,
        owner: "a",
      });
    }
  });

  it("sends nothing more when the item is fanned out again, by the same process or another", async () => {
    const channels = [channel("100"), channel("200")];
    await deliverer().fanOut(reminder(), channels);
    expect((await deliverer().fanOut(reminder(), channels)).outcomes).toMatchObject({ sent: 0, already: 2 });
    expect((await deliverer({ owner: "b" }).fanOut(reminder(), channels)).outcomes).toMatchObject({
      sent: 0,
      already: 2,
    });
    expect(markers("100")).toEqual([markerFor(KEY)]);
    expect(markers("200")).toEqual([markerFor(KEY)]);
  });

  it("sends a channel listed twice once, and another item to the same channel as a delivery of its own", async () => {
    const once = await deliverer().fanOut(reminder(), [channel("100"), channel("100")]);
    expect(once.outcomes).toMatchObject({ sent: 1, already: 1 });
    await deliverer().fanOut(reminder("gaza-2025:phase-one-end:0d"), [channel("100")]);
    expect(markers("100")).toEqual([markerFor(KEY), markerFor("gaza-2025:phase-one-end:0d")]);
  });

  it("shares the channels between two processes fanning one item out together, each sent once", async () => {
    const other = SqliteStore.open(path);
    const channels = Array.from({ length: 30 }, (_, i) => channel(String(100 + i)));
    const [a, b] = await Promise.all([
      deliverer({ concurrency: 4 }).fanOut(reminder(), channels),
      deliverer({ store: other, owner: "b", concurrency: 4 }).fanOut(reminder(), channels),
    ]);
    await other.close();
    expect(a.outcomes.sent + b.outcomes.sent).toBe(30);
    expect(a.outcomes.already + b.outcomes.already).toBe(30);
    for (const c of channels) expect(markers(c.channelId)).toEqual([markerFor(KEY)]);
  });
});

describe("a crash after sending and before recording", () => {
  it("leaves the row claimed under the dead process's lease, which nobody settles before it ends", async () => {
    const dying = deliverer({ store: diesBeforeRecording(store) });
    await expect(dying.fanOut(reminder(), [channel("100")])).rejects.toThrow("the process died");
    expect(markers("100")).toEqual([markerFor(KEY)]); // the platform has it
    expect(await row("100")).toMatchObject({ state: "claimed", owner: "a", leaseUntil: at(LEASE) });

    clock.set(at(LEASE - 1));
    expect((await deliverer({ owner: "b" }).recover(clock.now(), itemOf)).channels).toBe(0);
    expect((await row("100"))?.state).toBe("claimed");
  });

  it("is settled by the marker look-up once the lease has ended: recorded as sent, not sent again", async () => {
    await expect(
      deliverer({ store: diesBeforeRecording(store) }).fanOut(reminder(), [channel("100")]),
    ).rejects.toThrow("the process died");
    const posted = sender.in("100")[0]?.id;

    clock.set(at(LEASE));
    const report = await deliverer({ owner: "b" }).recover(clock.now(), itemOf);
    expect(report).toMatchObject({ channels: 1, outcomes: { found: 1, sent: 0 } });
    expect(markers("100")).toEqual([markerFor(KEY)]);
    expect(await row("100")).toMatchObject({ state: "sent", messageId: posted, owner: "b", attempts: 2 });
  });

  it("is settled by one of two processes recovering at once; the other leaves it alone", async () => {
    for (const id of ["100", "200"]) await store.claim(claimOf(id, "dead", at(LEASE)), clock.now());
    clock.set(at(LEASE));
    const [b, c] = await Promise.all([
      deliverer({ owner: "b" }).recover(clock.now(), itemOf),
      deliverer({ owner: "c" }).recover(clock.now(), itemOf),
    ]);
    expect(b.outcomes.sent + c.outcomes.sent).toBe(2);
    expect(b.outcomes.already + c.outcomes.already).toBe(2);
    expect(markers("100")).toEqual([markerFor(KEY)]);
    expect(markers("200")).toEqual([markerFor(KEY)]);
  });
});

describe("leases", () => {
  it("takes over a claim whose lease has ended: the new owner sends it, once", async () => {
    // The process died after claiming, before sending.
    await store.claim(claimOf("100", "dead", at(LEASE)), clock.now());
    clock.set(at(LEASE));
    const report = await deliverer({ owner: "b" }).recover(clock.now(), itemOf);
    expect(report.outcomes).toMatchObject({ sent: 1, found: 0 });
    expect(markers("100")).toEqual([markerFor(KEY)]);
    expect(await row("100")).toMatchObject({ state: "sent", owner: "b", attempts: 2 });
  });

  it("never takes over a claim whose owner still works on it and renews its lease", async () => {
    const slow = new HeldUpSender();
    const fan = deliverer({ senders: { discord: slow }, leaseMs: 300 }).fanOut(reminder(), [channel("100")]);
    await expect.poll(() => slow.started).toBe(1);
    expect((await row("100"))?.leaseUntil).toEqual(at(300));

    clock.set(at(200)); // renewed every 100 ms: the lease now runs 300 ms from the clock
    await expect.poll(async () => (await row("100"))?.leaseUntil.getTime()).toBe(at(500).getTime());
    clock.set(at(400)); // past the first lease, within the renewed one
    expect((await deliverer({ owner: "b" }).recover(clock.now(), itemOf)).channels).toBe(0);

    slow.open();
    expect((await fan).outcomes.sent).toBe(1);
    expect(slow.in("100").map((p) => p.marker)).toEqual([markerFor(KEY)]);
  });

  it("leaves a channel of a platform this process does not serve free at once, for a process that does", async () => {
    const slack = new RecordingSender("slack");
    const report = await deliverer().fanOut(reminder(), [channel("C1", "slack")]);
    expect(report.outcomes.no_sender).toBe(1);
    expect(await row("C1", KEY, "slack")).toMatchObject({ state: "claimed", leaseUntil: at(0) });
    expect((await deliverer({ owner: "b" }).recover(clock.now(), itemOf)).channels).toBe(0);

    const served = await deliverer({ owner: "s", senders: { slack } }).recover(clock.now(), itemOf);
    expect(served.outcomes.sent).toBe(1);
    expect(slack.in("C1").map((p) => p.marker)).toEqual([markerFor(KEY)]);
  });
});

describe("failed sends", () => {
  it("retries a transient failure with backoff, looks the marker up before each resend, and sends once", async () => {
    sender.flaky.set("100", 2);
    const lookUps = vi.spyOn(sender, "findByMarker");
    const report = await deliverer().fanOut(reminder(), [channel("100")]);
    expect(report.outcomes.sent).toBe(1);
    expect(markers("100")).toEqual([markerFor(KEY)]);
    expect(await row("100")).toMatchObject({ state: "sent", attempts: 3 });
    expect(lookUps).toHaveBeenCalledTimes(2);
    // 1 s, then 2 s, each waited for between half and all of it.
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(waits[0]).toBeLessThanOrEqual(1_000);
    expect(waits[1]).toBeGreaterThanOrEqual(1_000);
    expect(waits[1]).toBeLessThanOrEqual(2_000);
  });

  it("leaves the row claimed after a run of failures, tries again once its lease ends, and gives up at maxAttempts", async () => {
    sender.flaky.set("100", 99);
    const options = { retry: { attempts: 2 }, maxAttempts: 3 };
    const first = await deliverer(options).fanOut(reminder(), [channel("100")]);
    expect(first.outcomes.deferred).toBe(1);
    expect(await row("100")).toMatchObject({ state: "claimed", attempts: 2 });

    clock.set(at(LEASE));
    const second = await deliverer({ ...options, owner: "b" }).recover(clock.now(), itemOf);
    expect(second.outcomes.deferred).toBe(1);
    expect(await row("100")).toMatchObject({ state: "claimed", attempts: 3 });

    clock.set(at(2 * LEASE));
    const third = await deliverer({ ...options, owner: "c" }).recover(clock.now(), itemOf);
    expect(third.outcomes.failed).toBe(1);
    expect(await row("100")).toMatchObject({
      state: "failed",
      reason: "gave up after 3 attempts: unconfirmed",
    });
    expect(sender.flaky.get("100")).toBe(99 - 3); // three sends reached the platform
    expect(markers("100")).toEqual([]);
  });

  it("records a refusal as failed at once, without a retry", async () => {
    class RefusingSender extends RecordingSender {
      override async send(): Promise<never> {
        throw new Error("Invalid Form Body");
      }
    }
    const refusing = new RefusingSender();
    const report = await deliverer({ senders: { discord: refusing } }).fanOut(reminder(), [channel("100")]);
    expect(report.outcomes.failed).toBe(1);
    expect(await row("100")).toMatchObject({
      state: "failed",
      attempts: 1,
      reason: "rejected: Error: Invalid Form Body",
    });
    expect(waits).toEqual([]);
  });

  it("fails a gone channel, ends its subscriptions, and skips it for later items without a request", async () => {
    await store.subscribe(
      { ...channel("100"), story: "gaza-2025", workspaceId: "g1", kind: "reminders" },
      new Date("2025-02-27T10:00:00Z"),
    );
    sender.gone.add("100");
    const one = deliverer();
    expect((await one.fanOut(reminder(), [channel("100")])).outcomes.gone).toBe(1);
    expect(await row("100")).toMatchObject({ state: "failed", reason: "gone: Unknown Channel" });
    expect(await store.subscription({ ...channel("100"), story: "gaza-2025" })).toMatchObject({
      active: false,
      deactivationReason: "gone: Unknown Channel",
    });

    const sends = vi.spyOn(sender, "send");
    const later = await one.fanOut(reminder("gaza-2025:phase-one-end:0d"), [channel("100")]);
    expect(later.outcomes.gone).toBe(1);
    expect(sends).not.toHaveBeenCalled();
    expect(await row("100", "gaza-2025:phase-one-end:0d")).toBeUndefined();
  });
});

describe("late deliveries", () => {
  it("marks an item sent more than five minutes after it was due as late, and its reply says by how much", async () => {
    const report = await deliverer().fanOut(reminder(KEY, at(-10 * MINUTE).toISOString()), [channel("100")]);
    expect(report.outcomes.sent_late).toBe(1);
    expect((await row("100"))?.state).toBe("sent_late");
    expect(sender.in("100")[0]?.text).toBe(
      "Reminder (late): Phase one ends tomorrow. (sent 10 minutes late)",
    );
  });

  it("sends an item five minutes after it was due on time", async () => {
    const report = await deliverer().fanOut(reminder(KEY, at(-5 * MINUTE).toISOString()), [channel("100")]);
    expect(report.outcomes.sent).toBe(1);
    expect((await row("100"))?.state).toBe("sent");
    expect(sender.in("100")[0]?.text).toBe("Reminder: Phase one ends tomorrow.");
  });

  it("judges a message found by its marker late by when it is found", async () => {
    await expect(
      deliverer({ store: diesBeforeRecording(store) }).fanOut(reminder(), [channel("100")]),
    ).rejects.toThrow("the process died");
    clock.set(at(10 * MINUTE));
    const report = await deliverer({ owner: "b" }).recover(clock.now(), itemOf);
    expect(report.outcomes.found).toBe(1);
    expect((await row("100"))?.state).toBe("sent_late");
    expect(markers("100")).toEqual([markerFor(KEY)]);
  });
});

describe("rows past saving, and stopping", () => {
  it("records a recovered row whose item is past sending as sent when its marker is found, else skipped", async () => {
    await store.claim(claimOf("100", "dead", at(LEASE)), clock.now());
    await store.claim(claimOf("200", "dead", at(LEASE)), clock.now());
    const { messageId } = await sender.send("100", reminder().reply(undefined), markerFor(KEY)); // it got there
    clock.set(at(LEASE));
    const report = await deliverer({ owner: "b" }).recover(clock.now(), () => ({ expired: "too old" }));
    expect(report.outcomes).toMatchObject({ found: 1, skipped: 1, sent: 0 });
    expect(await row("100")).toMatchObject({ state: "sent", messageId });
    expect(await row("200")).toMatchObject({ state: "skipped", reason: "too old" });
    expect(markers("200")).toEqual([]);
  });

  it("claims nothing once stopped", async () => {
    const one = deliverer();
    one.stop();
    expect(one.stopped).toBe(true);
    const report = await one.fanOut(reminder(), [channel("100"), channel("200")]);
    expect(Object.values(report.outcomes).every((n) => n === 0)).toBe(true);
    expect(await row("100")).toBeUndefined();
    expect(sender.all()).toEqual([]);
  });
});
