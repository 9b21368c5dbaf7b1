/**
 * Several bot processes on one PostgreSQL store (each here a scheduler with a store connection pool of
 * its own, as a process has): they share the channels of a fan-out between them and send each alert
 * once per channel; none settles a claim another live process still holds, however long that one
 * works on it; the claims of a process that died are settled once their leases end, by marker; and the
 * state they share (the watermark, the news known and pending) never loses a change.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { STATE } from "../../../src/alerts/scheduler-state.js";
import type { Dataset } from "../../../src/dataset/dataset.js";
import { markerFor } from "../../../src/delivery/marker.js";
import type { Failure, Sender, SentMessage } from "../../../src/delivery/sender.js";
import type { Reply } from "../../../src/reply/reply.js";
import type { PostgresStore } from "../../../src/store/postgres.js";
import { type Clock, ManualClock, shiftedClock } from "../../../src/time/clock.js";
import {
  datasetOf,
  makeScheduler,
  RecordingSender,
  shippedData,
  TestSchemas,
  truceDataset,
  truceStory,
} from "../../support/index.js";

const DUE_AT_0900 = ["gaza-2025:phase-one-end:1d", "gaza-2025:philadelphi-withdrawal-start:1d"];
const CHANNELS = Array.from({ length: 60 }, (_, i) => String(500 + i));

/** One process's way to the shared platform: counts what it sent, and can be held up mid-send. */
class ProcessSender implements Sender {
  readonly platform = "discord";
  readonly idempotent = false;
  sent = 0;
  started = 0;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  constructor(
    private readonly shared: RecordingSender,
    private readonly delayMs = 0,
  ) {}

  /** Sends wait (before reaching the platform) until `release`. */
  holdUp(): void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.gate = undefined;
    this.open?.();
  }

  async send(channelId: string, reply: Reply, marker: string): Promise<SentMessage> {
    this.started++;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.gate) await this.gate;
    const message = await this.shared.send(channelId, reply, marker);
    this.sent++;
    return message;
  }

  findByMarker(channelId: string, marker: string): Promise<string | undefined> {
    return this.shared.findByMarker(channelId, marker);
  }

  classify(err: unknown): Failure {
    return this.shared.classify(err);
  }
}

const schemas = new TestSchemas("processes_test");
afterAll(() => schemas.dropAll());

let stores: PostgresStore[];
let platform: RecordingSender;
let clock: ManualClock;

/** A process: its own connection pool to the shared schema, its own way to the platform. */
async function processOn(
  schema: string,
  options: {
    data?: { dataset: Dataset };
    delayMs?: number;
    leaseMs?: number;
    owner: string;
    clock?: Clock;
  },
) {
  const store = await schemas.open(schema);
  stores.push(store);
  const sender = new ProcessSender(platform, options.delayMs);
  const scheduler = makeScheduler({
    store,
    data: options.data ?? { dataset: shippedData() },
    clock: options.clock ?? clock,
    sender,
    deliverer: { owner: options.owner, concurrency: 2, leaseMs: options.leaseMs ?? 180_000 },
  });
  return { store, sender, scheduler };
}

async function subscribeAll(
  store: PostgresStore,
  story = "gaza-2025",
  kind: "reminders" | "all" = "reminders",
) {
  for (const channelId of CHANNELS) {
    await store.subscribe(
      { platform: "discord", channelId, story, workspaceId: "g1", kind },
      new Date("2025-02-20T00:00:00Z"),
    );
  }
}

/** The channels that do not hold each of `keys` exactly once. */
function notExactlyOnce(keys: string[]): string[] {
  return CHANNELS.filter((c) =>
    keys.some((key) => platform.in(c).filter((p) => p.marker === markerFor(key)).length !== 1),
  );
}

beforeEach(() => {
  stores = [];
  platform = new RecordingSender();
  clock = new ManualClock("2025-02-28T07:00:00Z");
});
afterEach(async () => {
  for (const store of stores) await store.close();
});

describe("several processes on one PostgreSQL store", () => {
  it("share the channels of a fan-out between them and send each alert once to each channel", async () => {
    const schema = schemas.next();
    const a = await processOn(schema, { owner: "a", delayMs: 5 });
    const b = await processOn(schema, { owner: "b", delayMs: 5 });
    const c = await processOn(schema, { owner: "c", delayMs: 5 });
    await subscribeAll(a.store);

    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), c.scheduler.tick()]);

    expect(notExactlyOnce(DUE_AT_0900)).toEqual([]);
    expect(platform.all()).toHaveLength(CHANNELS.length * DUE_AT_0900.length);
    for (const p of [a, b, c]) expect(p.sender.sent).toBeGreaterThan(0);
    expect(await a.store.unconfirmed(new Date("2030-01-01T00:00:00Z"))).toEqual([]);
  });

  it("never settle a claim that a live process still holds, however long it works on it", async () => {
    const schema = schemas.next();
    // Leases of 300 ms on a clock that moves, renewed every 100 ms.
    const moving = shiftedClock("2025-02-28T07:00:00Z");
    const slow = await processOn(schema, { owner: "slow", leaseMs: 300, clock: moving });
    const other = await processOn(schema, { owner: "other", leaseMs: 300, clock: moving });
    await subscribeAll(slow.store);

    slow.sender.holdUp();
    const slowTick = slow.scheduler.tick();
    await expect.poll(() => slow.sender.started, { interval: 5 }).toBe(2); // two sends under way, held up
    // Long past the lease those claims started with: the slow process keeps renewing them.
    const claimedBy = moving.now().getTime();
    await new Promise((r) => setTimeout(r, 1_000));
    const held = (await other.store.unconfirmed(new Date("2030-01-01T00:00:00Z"))).filter(
      (d) => d.owner === "slow",
    );
    expect(held).toHaveLength(2);
    for (const row of held) expect(row.leaseUntil.getTime()).toBeGreaterThan(claimedBy + 900);

    const report = await other.scheduler.tick();
    expect(report.recovered).toBe(0);
    expect(other.sender.started).toBe(CHANNELS.length * DUE_AT_0900.length - 2); // all but the two held

    slow.sender.release();
    await slowTick;
    expect(slow.sender.sent).toBe(2);
    expect(notExactlyOnce(DUE_AT_0900)).toEqual([]);
  });

  it("settle the claims of a process that died once their leases end, never before, by marker", async () => {
    const schema = schemas.next();
    const survivor = await processOn(schema, { owner: "survivor" });
    await subscribeAll(survivor.store);
    const [key] = DUE_AT_0900 as [string];
    const claim = (channelId: string) =>
      survivor.store.claim(
        {
          key,
          platform: "discord",
          channelId,
          kind: "reminder",
          dueAt: new Date("2025-02-28T07:00:00Z"),
          marker: markerFor(key),
          summary: "Phase one ends tomorrow, Saturday 1 March 2025.",
          owner: "dead",
          leaseUntil: new Date("2025-02-28T07:03:00Z"),
        },
        new Date("2025-02-28T07:00:00Z"),
      );
    // The dead process had posted to the first channel without recording it, and not to the second.
    const [posted, unsent] = CHANNELS as [string, string];
    await claim(posted);
    await claim(unsent);
    await platform.send(posted, { kind: "answer", title: "Reminder", ephemeral: false }, markerFor(key));

    clock.set("2025-02-28T07:02:59Z");
    expect((await survivor.scheduler.tick()).recovered).toBe(0);
    expect(platform.in(unsent).filter((p) => p.marker === markerFor(key))).toEqual([]);

    clock.set("2025-02-28T07:03:00Z");
    expect((await survivor.scheduler.tick()).recovered).toBe(2);
    expect(notExactlyOnce(DUE_AT_0900)).toEqual([]);
    expect(await survivor.store.delivery({ key, platform: "discord", channelId: posted })).toMatchObject({
      state: "sent",
      owner: "survivor",
      attempts: 2,
    });
  });

  it("queue news that two processes find at the same moment once, and never move the watermark back", async () => {
    const schema = schemas.next();
    const data = { dataset: truceDataset() };
    const behind = new ManualClock("2025-03-01T09:59:00Z");
    clock.set("2025-03-01T10:00:00Z");
    const a = await processOn(schema, { owner: "a", data });
    const b = await processOn(schema, { owner: "b", data, clock: behind });
    await subscribeAll(a.store, "truce", "all");
    await a.scheduler.tick(); // the data as it stands is known, not news
    await b.scheduler.tick(); // a process whose clock is behind finishes its tick last
    expect(await a.store.getState(STATE.plannedUntil)).toBe("2025-03-01T10:00:00.001Z");

    // A curator's edit reaches both processes at once.
    const edited = datasetOf(
      truceStory((s) =>
        s.events.push({
          id: "talks-resume",
          when: "2025-03-01",
          title: "Talks resume",
          tags: [],
          sourceIds: ["s-0220"],
          evidence: "As the source reports.",
        }),
      ),
    );
    data.dataset = edited;
    const found = await Promise.all([a.scheduler.dataReloaded(edited), b.scheduler.dataReloaded(edited)]);
    expect(found.sort()).toEqual([0, 1]);
    expect(notExactlyOnce(["update:truce:event:talks-resume"])).toEqual([]);
    expect(JSON.parse((await a.store.getState(STATE.pendingUpdates)) ?? "[]")).toEqual([]);
    expect(JSON.parse((await a.store.getState(STATE.knownUpdates)) ?? "[]")).toContain(
      "update:truce:event:talks-resume",
    );
    expect(await a.store.getState(STATE.plannedUntil)).toBe("2025-03-01T10:00:00.001Z");
  });
});
