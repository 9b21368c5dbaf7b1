/**
 * Stopping in the middle of a fan-out (SIGTERM while reminders go out): the sends under way finish,
 * nothing more is claimed, the watermark stays where it was, and the next run delivers the rest, so
 * every channel still gets each alert exactly once.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Scheduler } from "../../src/alerts/scheduler.js";
import { STATE } from "../../src/alerts/scheduler-state.js";
import { defaultSettings } from "../../src/config.js";
import { Deliverer } from "../../src/delivery/deliver.js";
import { markerFor } from "../../src/delivery/marker.js";
import type { Reply } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ManualClock } from "../../src/time/clock.js";
import { RecordingSender, shippedData, silentLog, tempDir } from "../support/index.js";

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

describe("a stop during a fan-out", () => {
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
