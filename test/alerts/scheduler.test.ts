/**
 * The scheduler at fixed clocks, on the shipped Gaza 2025 story: phase one ends on Saturday 1 March
 * 2025 (a date-only deadline, story zone Asia/Jerusalem, UTC+2), so its "1d" reminder is due at
 * 09:00 local on Friday 28 February = 07:00 UTC, and its "0d" one at 09:00 local on 1 March.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Scheduler } from "../../src/alerts/scheduler.js";
import { STATE } from "../../src/alerts/scheduler-state.js";
import { EventSync } from "../../src/calendar-events/sync.js";
import { defaultSettings } from "../../src/config.js";
import { Deliverer } from "../../src/delivery/deliver.js";
import { markerFor } from "../../src/delivery/marker.js";
import { Outage } from "../../src/delivery/reconnect.js";
import type { Reply } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import { ManualClock } from "../../src/time/clock.js";
import {
  captureLog,
  makeScheduler,
  RecordingEvents,
  RecordingSender,
  shippedData,
  silentLog,
  tempDir,
} from "../support/index.js";

const PHASE_ONE_1D = "gaza-2025:phase-one-end:1d";
const PHASE_ONE_0D = "gaza-2025:phase-one-end:0d";
const PHASE_ONE_2H = "gaza-2025:phase-one-end:2h";
const data = { dataset: shippedData() };

let dir: string;
let store: Store;
let clock: ManualClock;
let sender: RecordingSender;

const channel = (id: string) => ({ platform: "discord" as const, channelId: id });
async function subscribe(
  id: string,
  at: string,
  extra: { kind?: "reminders" | "updates" | "all"; leadTimes?: string[] } = {},
) {
  await store.subscribe(
    {
      ...channel(id),
      story: "gaza-2025",
      workspaceId: "g1",
      kind: extra.kind ?? "reminders",
      leadTimes: extra.leadTimes,
    },
    new Date(at),
  );
}
const keysIn = (id: string) => sender.in(id).map((p) => p.marker);
/** The phase-one-end markers a channel got (the Philadelphi deadlines fire at the same times). */
const phaseOneIn = (id: string) =>
  keysIn(id).filter((m) => [PHASE_ONE_1D, PHASE_ONE_0D, PHASE_ONE_2H].map(markerFor).includes(m));

beforeEach(() => {
  dir = tempDir();
  store = SqliteStore.open(join(dir, "bot.sqlite"));
  clock = new ManualClock("2025-02-27T10:00:00Z");
  sender = new RecordingSender();
});
afterEach(async () => {
  await store.close();
});

describe("a reminder at its time", () => {
  it("fires once at 09:00 Asia/Jerusalem on 28 Feb 2025 for phase-one-end:1d, never before", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z");
    const scheduler = makeScheduler({ store, data, clock, sender });

    clock.set("2025-02-28T06:59:00Z"); // 08:59 in Jerusalem
    await scheduler.tick();
    expect(keysIn("100")).not.toContain(markerFor(PHASE_ONE_1D));

    clock.set("2025-02-28T07:00:00Z"); // 09:00 in Jerusalem
    const report = await scheduler.tick();
    expect(keysIn("100").filter((m) => m === markerFor(PHASE_ONE_1D))).toHaveLength(1);
    const posted = sender.in("100").find((p) => p.marker === markerFor(PHASE_ONE_1D));
    expect(posted?.text).toBe("Reminder: Phase one ends tomorrow, Saturday 1 March 2025.");
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(await store.delivery({ key: PHASE_ONE_1D, ...channel("100") })).toMatchObject({
      state: "sent",
      messageId: posted?.id,
    });
  });

  it("is never sent twice across ticks, nor across a restart on the same database file", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z");
    clock.set("2025-02-28T07:00:00Z");
    await makeScheduler({ store, data, clock, sender }).tick();
    clock.set("2025-02-28T07:01:00Z");
    await makeScheduler({ store, data, clock, sender }).tick();
    const before = sender.all().length;

    await store.close();
    store = SqliteStore.open(join(dir, "bot.sqlite"));
    const restarted = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T07:02:00Z");
    await restarted.tick();
    await restarted.tick();
    expect(sender.all()).toHaveLength(before);
    expect(keysIn("100").filter((m) => m === markerFor(PHASE_ONE_1D))).toHaveLength(1);
  });

  it("runs from node-cron with a clock that is not the system clock (start --clock)", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z");
    clock.set("2025-02-28T07:00:10Z");
    const scheduler = makeScheduler({ store, data, clock, sender });
    scheduler.start(); // the first tick runs at once, at the injected clock's time
    await new Promise((r) => setTimeout(r, 50));
    await scheduler.stop();
    expect(keysIn("100")).toContain(markerFor(PHASE_ONE_1D));
  });
});

describe("catching up after downtime", () => {
  it("sends an alert missed by less than the grace period, marked late", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z");
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T06:00:00Z");
    await scheduler.tick();
    clock.set("2025-02-28T10:00:00Z"); // the bot was down 06:00–10:00; the 07:00 alert is 3 h late
    const report = await scheduler.tick();
    const posted = sender.in("100").find((p) => p.marker === markerFor(PHASE_ONE_1D));
    expect(posted?.reply.title).toBe("Reminder (late)");
    expect(posted?.text).toContain("(sent 3 hours late)");
    expect(report.late).toBeGreaterThanOrEqual(1);
    expect(await store.delivery({ key: PHASE_ONE_1D, ...channel("100") })).toMatchObject({
      state: "sent_late",
    });
  });

  it("skips an alert missed by more than the grace period, with the reason in the ledger and the log", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z");
    const { log, lines } = captureLog({ level: "info" });
    const scheduler = makeScheduler({ store, data, clock, sender, log });
    clock.set("2025-02-28T06:00:00Z");
    await scheduler.tick();
    clock.set("2025-02-28T15:00:00Z"); // 8 h after it was due
    const report = await scheduler.tick();
    expect(keysIn("100")).not.toContain(markerFor(PHASE_ONE_1D));
    expect(report.skipped).toBeGreaterThanOrEqual(1);
    const row = await store.delivery({ key: PHASE_ONE_1D, ...channel("100") });
    expect(row?.state).toBe("skipped");
    expect(row?.reason).toBe("missed by 8 h, more than the 6 h grace period (the bot was not running)");
    expect(lines()).toContainEqual(
      expect.objectContaining({ msg: "alert skipped", key: PHASE_ONE_1D, channels: 1 }),
    );

    // Skipped means skipped: later ticks do not send it either.
    clock.set("2025-02-28T15:01:00Z");
    await scheduler.tick();
    expect(keysIn("100")).not.toContain(markerFor(PHASE_ONE_1D));
  });
});

describe("who gets what", () => {
  it("never sends a channel an alert planned before it subscribed", async () => {
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T06:00:00Z");
    await scheduler.tick();
    await subscribe("late-comer", "2025-02-28T07:30:00Z");
    clock.set("2025-02-28T07:31:00Z");
    await scheduler.tick();
    expect(keysIn("late-comer")).toEqual([]);

    clock.set("2025-03-01T07:00:00Z"); // the next one, "today", is after it subscribed
    await scheduler.tick();
    expect(keysIn("late-comer")).toContain(markerFor(PHASE_ONE_0D));
  });

  it("uses a channel's own lead times instead of the deadlines'", async () => {
    await subscribe("default", "2025-02-27T10:00:00Z");
    await subscribe("two-hours", "2025-02-27T10:00:00Z", { leadTimes: ["2h"] });
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    expect(keysIn("default")).toContain(markerFor(PHASE_ONE_1D));
    expect(keysIn("two-hours")).toEqual([]);

    clock.set("2025-02-28T20:00:00Z"); // 22:00 in Jerusalem: 2 h before Saturday starts
    await scheduler.tick();
    expect(keysIn("two-hours")).toContain(markerFor(PHASE_ONE_2H));
    expect(keysIn("default")).not.toContain(markerFor(PHASE_ONE_2H));
    expect(sender.in("two-hours").find((p) => p.marker === markerFor(PHASE_ONE_2H))?.text).toBe(
      "Reminder: Phase one ends in 2 hours, Saturday 1 March 2025.",
    );
  });

  it("sends updates-only channels no reminders", async () => {
    await subscribe("news", "2025-02-27T10:00:00Z", { kind: "updates" });
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    expect(sender.in("news")).toEqual([]);
  });

  it("stops sending to a channel once it unsubscribes", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z");
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    await store.deactivate(channel("100"), "unsubscribed by u1", new Date("2025-02-28T08:00:00Z"));
    const count = sender.in("100").length;
    clock.set("2025-03-01T07:00:00Z");
    await scheduler.tick();
    expect(sender.in("100")).toHaveLength(count);
  });
});

describe("delivery failures", () => {
  it("deactivates a gone channel with the reason, logs it once, and never retries it", async () => {
    await subscribe("gone", "2025-02-27T10:00:00Z");
    await subscribe("fine", "2025-02-27T10:00:00Z");
    sender.gone.add("gone");
    const { log, lines } = captureLog({ level: "info" });
    const scheduler = makeScheduler({ store, data, clock, sender, log });
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    expect(keysIn("fine")).toContain(markerFor(PHASE_ONE_1D));
    expect(await store.subscription({ ...channel("gone"), story: "gaza-2025" })).toMatchObject({
      active: false,
      deactivationReason: "gone: Unknown Channel",
    });
    expect(await store.delivery({ key: PHASE_ONE_1D, ...channel("gone") })).toMatchObject({
      state: "failed",
      reason: "gone: Unknown Channel",
    });
    expect(lines().filter((l) => l.msg === "channel gone: subscription deactivated")).toHaveLength(1);
  });

  it("retries a transient failure with backoff and sends once", async () => {
    await subscribe("flaky", "2025-02-27T10:00:00Z", { leadTimes: ["1d"] });
    sender.flaky.set("flaky", 2);
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    expect(keysIn("flaky").filter((m) => m === markerFor(PHASE_ONE_1D))).toHaveLength(1);
    expect(await store.delivery({ key: PHASE_ONE_1D, ...channel("flaky") })).toMatchObject({
      state: "sent",
      attempts: 3,
    });
  });

  it("leaves a channel that keeps failing for a later tick, which sends it once it recovers", async () => {
    await subscribe("down", "2025-02-27T10:00:00Z", { leadTimes: ["1d"] });
    sender.flaky.set("down", 3); // the rig retries 3 times per tick
    const scheduler = makeScheduler({ store, data, clock, sender });
    clock.set("2025-02-28T07:00:00Z");
    await scheduler.tick();
    expect(phaseOneIn("down")).toEqual([]);
    expect((await store.delivery({ key: PHASE_ONE_1D, ...channel("down") }))?.state).toBe("claimed");
    clock.set("2025-02-28T07:05:00Z"); // past the lease: the tick settles it
    await scheduler.tick();
    expect(phaseOneIn("down")).toEqual([markerFor(PHASE_ONE_1D)]);
  });
});

describe("when the store fails mid fan-out", () => {
  it("claims nothing more, keeps the watermark, and the next tick delivers the rest once", async () => {
    const ids = Array.from({ length: 40 }, (_, i) => String(200 + i));
    for (const id of ids) await subscribe(id, "2025-02-27T10:00:00Z", { leadTimes: ["1d"] });
    // The database goes away after ten claims.
    const claim = store.claim.bind(store);
    let claims = 0;
    store.claim = async (entry, at) => {
      if (++claims > 10) throw new Error("Connection terminated unexpectedly");
      return claim(entry, at);
    };
    const scheduler = makeScheduler({ store, data, clock, sender, deliverer: { concurrency: 4 } });
    clock.set("2025-02-28T07:00:00Z");
    await expect(scheduler.tick()).rejects.toThrow("Connection terminated unexpectedly");
    expect(sender.all()).toHaveLength(10); // those it had claimed, and no more
    expect(await store.getState(STATE.plannedUntil)).toBeUndefined(); // the window is planned again

    store.claim = claim; // it is back
    clock.set("2025-02-28T07:01:00Z");
    await scheduler.tick();
    for (const id of ids) expect(phaseOneIn(id)).toEqual([markerFor(PHASE_ONE_1D)]);
  });
});

describe("after a crash", () => {
  const row = (key: string, id: string) => ({
    key,
    ...channel(id),
    kind: "reminder" as const,
    dueAt: new Date("2025-02-28T07:00:00Z"),
    marker: markerFor(key),
    summary: "Phase one of the ceasefire ends tomorrow, Saturday 1 March 2025.",
  });

  it("finds a sent-but-unconfirmed alert by its marker instead of resending it", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z", { leadTimes: ["1d"] });
    // The dead process claimed and sent, and died before recording it.
    await store.claim(row(PHASE_ONE_1D, "100"), new Date("2025-02-28T07:00:00Z"));
    await sender.send(
      "100",
      { kind: "answer", title: "Reminder", ephemeral: false },
      markerFor(PHASE_ONE_1D),
    );
    clock.set("2025-02-28T07:00:30Z");
    await makeScheduler({ store, data, clock, sender }).tick();
    expect(phaseOneIn("100")).toEqual([markerFor(PHASE_ONE_1D)]);
    expect(await store.delivery({ key: PHASE_ONE_1D, ...channel("100") })).toMatchObject({
      state: "sent",
      attempts: 2,
    });
  });

  it("settles the claims of the previous run at the first tick on SQLite, however long their leases", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z", { leadTimes: ["1d"] });
    // On a store for one process, the process that holds a lease there died: nobody renews it.
    await store.claim(
      { ...row(PHASE_ONE_1D, "100"), owner: "dead:1", leaseUntil: new Date("2025-02-28T09:00:00Z") },
      new Date("2025-02-28T07:00:00Z"),
    );
    clock.set("2025-02-28T07:00:30Z");
    const report = await makeScheduler({ store, data, clock, sender }).tick();
    expect(report.recovered).toBe(1);
    expect(phaseOneIn("100")).toEqual([markerFor(PHASE_ONE_1D)]);
  });

  it("sends a claimed-but-never-sent alert exactly once", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z", { leadTimes: ["1d"] });
    await store.claim(row(PHASE_ONE_1D, "100"), new Date("2025-02-28T07:00:00Z"));
    clock.set("2025-02-28T07:00:30Z");
    await makeScheduler({ store, data, clock, sender }).tick();
    expect(phaseOneIn("100")).toEqual([markerFor(PHASE_ONE_1D)]);
    expect(sender.in("100").find((p) => p.marker === markerFor(PHASE_ONE_1D))?.text).toBe(
      "Reminder: Phase one ends tomorrow, Saturday 1 March 2025.",
    );
  });
});

/**
 * Stopping in the middle of a fan-out (SIGTERM while reminders go out): the sends under way finish,
 * nothing more is claimed, the watermark stays where it was, and the next run delivers the rest, so
 * every channel still gets each alert exactly once.
 */
describe("a stop during a fan-out", () => {
  const CHANNELS = Array.from({ length: 40 }, (_, i) => String(100 + i));
  const DUE_AT_0900 = ["gaza-2025:phase-one-end:1d", "gaza-2025:philadelphi-withdrawal-start:1d"].map(
    markerFor,
  );

  /** A platform that takes `delayMs` to post. */
  class SlowSender extends RecordingSender {
    delayMs = 20;
    started = 0;
    override async send(channelId: string, reply: Reply, marker: string) {
      this.started++;
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      return super.send(channelId, reply, marker);
    }
  }

  let store: SqliteStore;
  const clock = new ManualClock("2025-02-28T07:00:00Z");
  const data = { dataset: shippedData() };

  beforeEach(async () => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    for (const channelId of CHANNELS) {
      await store.subscribe(
        { platform: "discord", channelId, story: "gaza-2025", workspaceId: "g1", kind: "reminders" },
        new Date("2025-02-27T10:00:00Z"),
      );
    }
  });
  afterEach(async () => {
    await store.close();
  });

  function scheduler(sender: RecordingSender): Scheduler {
    const log = silentLog();
    const deliverer = new Deliverer({ store, senders: { discord: sender }, clock, log, concurrency: 4 });
    return new Scheduler({ store, data, clock, log, deliverer, settings: defaultSettings });
  }

  it("finishes the sends under way, claims nothing more, and leaves the rest for the next run", async () => {
    const sender = new SlowSender();
    const first = scheduler(sender);
    const tick = first.tick();
    await expect.poll(() => sender.started, { interval: 1 }).toBeGreaterThanOrEqual(4);
    await first.stop();
    await tick;

    const posted = sender.all().length;
    expect(posted).toBeGreaterThan(0);
    expect(posted).toBeLessThan(CHANNELS.length * DUE_AT_0900.length);
    expect(posted).toBe(sender.started); // every send that started finished
    expect(await store.unconfirmed(new Date("2030-01-01T00:00:00Z"))).toEqual([]); // no claim left open
    expect(await store.getState(STATE.plannedUntil)).toBeUndefined(); // the window is planned again

    sender.delayMs = 0;
    await scheduler(sender).tick();
    for (const channelId of CHANNELS) {
      expect(
        sender
          .in(channelId)
          .map((p) => p.marker)
          .sort(),
      ).toEqual([...DUE_AT_0900].sort());
    }
  });
});

describe("scheduled events", () => {
  it("are kept in step with the deadlines on each tick, at the clock's instant", async () => {
    await store.subscribe(
      { ...channel("100"), story: "gaza-2025", workspaceId: "g1", kind: "events" },
      new Date("2025-02-27T10:00:00Z"),
    );
    const events = new RecordingEvents();
    const sync = new EventSync({ store, data, log: silentLog(), platforms: [events], owner: "p1" });
    const scheduler = makeScheduler({ store, data, clock, sender, events: sync });
    await scheduler.tick();
    expect(events.in("g1").map((e) => e.spec.name)).toContain("End of phase one");
    expect(sender.all()).toEqual([]);
  });
});

describe("ticks while the store is away", () => {
  it("say the outage once, not once per tick, then deliver what fell due once it is back", async () => {
    await subscribe("100", "2025-02-27T10:00:00Z");
    let away = true;
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5999"), { code: "ECONNREFUSED" });
    // Every call of the store fails while it is away, as pg's do when the server is down.
    const flaky = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => (away ? Promise.reject(refused) : value.apply(target, args));
      },
    });
    const { log, lines } = captureLog();
    const storeOutage = new Outage({
      what: "PostgreSQL",
      where: "DATABASE_URL",
      log,
      backOff: { initialMs: 1_000, maxMs: 60_000 },
    });
    clock.set("2025-02-28T07:00:10Z");
    const deliverer = new Deliverer({ store: flaky, senders: { discord: sender }, clock, log });
    const scheduler = new Scheduler({
      store: flaky,
      data,
      clock,
      log,
      deliverer,
      settings: defaultSettings,
      cron: "* * * * * *",
      storeOutage,
    });
    scheduler.start();
    await expect.poll(() => storeOutage.reason(), { timeout: 5_000 }).toBeDefined();
    await new Promise((r) => setTimeout(r, 1_200)); // at least one more tick while away
    away = false;
    await expect.poll(() => keysIn("100"), { timeout: 5_000 }).toContain(markerFor(PHASE_ONE_1D));
    await scheduler.stop();
    const warned = lines().filter((l) => Number(l.level) >= 40);
    expect(warned.map((l) => l.msg)).toEqual([
      "PostgreSQL is unreachable: connect ECONNREFUSED 127.0.0.1:5999 (DATABASE_URL); trying again on the next tick",
    ]);
    expect(
      lines().filter((l) => l.level === 20 && String(l.msg).includes("unreachable")).length,
    ).toBeGreaterThan(0);
    expect(lines().map((l) => l.msg)).toContain("PostgreSQL is reachable again (DATABASE_URL)");
    expect(keysIn("100").filter((m) => m === markerFor(PHASE_ONE_1D))).toHaveLength(1);
  }, 15_000);
});
