/**
 * The specification of src/delivery/threads.ts: in a channel that asked for threads, each deadline's
 * alerts go in one thread started by its first alert, a story's news of a month in another, and in a
 * forum every alert of a story in its one post; one thread per anchor whatever the processes and
 * crashes. The real Deliverer on a SQLite store, posting to test/support's RecordingSender.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Deliverer, type DeliveryItem } from "../../src/delivery/deliver.js";
import { markerFor } from "../../src/delivery/marker.js";
import type { Failure, ThreadPlace } from "../../src/delivery/sender.js";
import { anchorOf, threadName } from "../../src/delivery/threads.js";
import type { Reply } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import type { ThreadMode } from "../../src/store/threads-sql.js";
import { ManualClock } from "../../src/time/clock.js";
import { RecordingSender, silentLog, tempDir } from "../support/index.js";

const T = "2025-02-28T07:00:00.000Z";
const MINUTE = 60_000;
const CHANNEL = "C1";

let store: SqliteStore;
let clock: ManualClock;
let sender: RecordingSender;

beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock(T);
  sender = new RecordingSender("slack");
});
afterEach(async () => {
  await store.close();
});

function deliverer(owner = "a", over: { store?: Store; sender?: RecordingSender } = {}): Deliverer {
  return new Deliverer({
    store: over.store ?? store,
    senders: { slack: over.sender ?? sender },
    clock,
    log: silentLog(),
    owner,
    retry: { attempts: 3, baseMs: 1, maxMs: 2 },
    sleep: async () => {},
  });
}

const item = (key: string, dueAt = T): DeliveryItem => ({
  key,
  kind: key.startsWith("update:") ? "update" : "reminder",
  dueAt: new Date(dueAt),
  summary: `summary of ${key}`,
  topic: {
    story: "Gaza ceasefire",
    thread: key.startsWith("update:") ? "News, February 2025" : "Phase one ends",
  },
  reply: (): Reply => ({ kind: "answer", title: key, summary: [key], ephemeral: false }),
});

const channels = [{ platform: "slack", channelId: CHANNEL }];
const places = () => sender.in(CHANNEL).map((p) => p.place);

async function threads(mode: ThreadMode): Promise<void> {
  await store.setThreadMode({ platform: "slack", channelId: CHANNEL }, mode, new Date(T));
}

describe("the thread an alert goes in", () => {
  it("is a deadline's for its reminders and moved notices, a month's news for updates", () => {
    const due = new Date(T);
    expect(anchorOf("gaza-2025:phase-one-end:1d", due, "on")).toBe("gaza-2025:phase-one-end");
    expect(anchorOf("gaza-2025:phase-one-end@2025-03-01:2h", due, "also-channel")).toBe(
      "gaza-2025:phase-one-end",
    );
    expect(anchorOf("gaza-2025:phase-one-end@2025-03-01:moved", due, "on")).toBe("gaza-2025:phase-one-end");
    expect(anchorOf("update:gaza-2025:event:talks", due, "on")).toBe("gaza-2025:news:2025-02");
    expect(anchorOf("correction:gaza-2025:figure:x:2025-02-01:3", due, "on")).toBe("gaza-2025:news:2025-02");
    expect(anchorOf("leads:gaza-2025:2025-02-28T07:00:00.000Z", due, "on")).toBeUndefined();
  });

  it("is the story's one post in a forum, and its curators' post for digests", () => {
    const due = new Date(T);
    expect(anchorOf("gaza-2025:phase-one-end:1d", due, "forum")).toBe("gaza-2025");
    expect(anchorOf("update:gaza-2025:event:talks", due, "forum")).toBe("gaza-2025");
    expect(anchorOf("leads:gaza-2025:2025-02-28T07:00:00.000Z", due, "forum")).toBe("gaza-2025:curators");
  });

  it("is none in a channel that did not ask for threads", () => {
    expect(anchorOf("gaza-2025:phase-one-end:1d", new Date(T), "off")).toBeUndefined();
  });

  it("is named after its deadline and story, or in a forum after its story", () => {
    expect(threadName(item("gaza-2025:phase-one-end:1d"), "on")).toBe("Phase one ends · Gaza ceasefire");
    expect(threadName(item("gaza-2025:phase-one-end:1d"), "forum")).toBe("Gaza ceasefire");
  });
});

describe("delivering in threads", () => {
  it("posts in the channel as before when the channel did not ask for threads", async () => {
    await deliverer().fanOut(item("gaza-2025:phase-one-end:1d"), channels);
    expect(places()).toEqual([undefined]);
  });

  it("starts a deadline's thread with its first reminder and puts the next ones in it", async () => {
    await threads("on");
    const d = deliverer();
    await d.fanOut(item("gaza-2025:phase-one-end:1d"), channels);
    await d.fanOut(item("gaza-2025:phase-one-end:2h"), channels);
    await d.fanOut(item("gaza-2025:phase-one-end@2025-03-02:moved"), channels);
    await d.fanOut(item("gaza-2025:other-deadline:1d"), channels);
    const [first, second, moved, other] = sender.in(CHANNEL);
    expect(first?.place).toMatchObject({ start: true, name: "Phase one ends · Gaza ceasefire" });
    expect(second?.place).toMatchObject({ threadId: first?.id, broadcast: false });
    expect(moved?.place).toMatchObject({ threadId: first?.id });
    expect(other?.place).toMatchObject({ start: true });
  });

  it("also shows the replies in the channel when asked to (also-channel)", async () => {
    await threads("also-channel");
    const d = deliverer();
    await d.fanOut(item("gaza-2025:phase-one-end:1d"), channels);
    await d.fanOut(item("gaza-2025:phase-one-end:2h"), channels);
    expect(places().map((p) => p?.broadcast)).toEqual([false, true]);
  });

  it("puts a story's news of one month in one thread", async () => {
    await threads("on");
    const d = deliverer();
    await d.fanOut(item("update:gaza-2025:event:a", "2025-02-03T00:00:00Z"), channels);
    await d.fanOut(item("update:gaza-2025:event:b", "2025-02-20T00:00:00Z"), channels);
    await d.fanOut(item("update:gaza-2025:event:c", "2025-03-01T00:00:00Z"), channels);
    const [a, b, c] = sender.in(CHANNEL);
    expect(b?.place?.threadId).toBe(a?.id);
    expect(c?.place?.start).toBe(true);
  });

  it("puts every alert of a story in its one forum post", async () => {
    await threads("forum");
    const d = deliverer();
    await d.fanOut(item("gaza-2025:phase-one-end:1d"), channels);
    await d.fanOut(item("update:gaza-2025:event:a"), channels);
    await d.fanOut(item("lebanon-2024:withdrawal:1d"), channels);
    const [first, news, lebanon] = places();
    expect(first).toMatchObject({ start: true, forum: true, name: "Gaza ceasefire" });
    expect(news?.threadId).toBe(sender.in(CHANNEL)[0]?.id);
    expect(lebanon?.start).toBe(true);
  });

  it("reads the thread settings once for many channels, and again once they are 5 seconds old", async () => {
    await threads("on");
    let reads = 0;
    const counting = new Proxy(store, {
      get(object, name) {
        if (name === "threadedChannels") reads++;
        const value = Reflect.get(object, name);
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
    const many = Array.from({ length: 20 }, (_, i) => ({ platform: "slack", channelId: `C${i + 1}` }));
    const d = deliverer("a", { store: counting });
    await d.fanOut(item("gaza-2025:phase-one-end:1d"), many);
    expect(reads).toBe(1);
    expect(sender.in(CHANNEL)[0]?.place?.start).toBe(true);
    expect(sender.in("C2")[0]?.place).toBeUndefined();
    await store.setThreadMode({ platform: "slack", channelId: "C2" }, "on", new Date(T));
    clock.advance(5_000);
    await d.fanOut(item("gaza-2025:phase-one-end:2h"), many);
    expect(reads).toBe(2);
    expect(sender.in("C2")[1]?.place?.start).toBe(true);
  });

  it("starts one thread when two processes send two alerts of one deadline at once", async () => {
    await threads("on");
    await Promise.all([
      deliverer("a").fanOut(item("gaza-2025:phase-one-end:1d"), channels),
      deliverer("b").fanOut(item("gaza-2025:phase-one-end:2h"), channels),
    ]);
    // The one that lost waits for the starter (a transient wait, retried, or left to recovery).
    clock.advance(10 * MINUTE);
    await deliverer("c").recover(clock.now(), (row) => ({ item: item(row.key) }));
    expect(places().filter((p) => p?.start)).toHaveLength(1);
    expect(sender.in(CHANNEL)).toHaveLength(2);
  });

  it("finds the thread of a starter sent before a crash, and starts no second one", async () => {
    await threads("on");
    // The starter is sent, then the process dies before the ledger records it.
    const dying = new Proxy(store, {
      get(object, name) {
        if (name === "finish") return async () => Promise.reject(new Error("the process died"));
        const value = Reflect.get(object, name);
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
    await deliverer("a", { store: dying })
      .fanOut(item("gaza-2025:phase-one-end:1d"), channels)
      .catch(() => {});
    expect(sender.in(CHANNEL)).toHaveLength(1);
    // The next reminder waits: its thread's first message is not recorded yet.
    const next = await deliverer("b").fanOut(item("gaza-2025:phase-one-end:2h"), channels);
    expect(next.outcomes.deferred).toBe(1);
    // Once the lease has ended, recovery finds the starter by its marker; the waiting one goes in its thread.
    clock.advance(10 * MINUTE);
    const recovered = await deliverer("c").recover(clock.now(), (row) => ({ item: item(row.key) }));
    expect(recovered.outcomes.found).toBe(1);
    clock.advance(10 * MINUTE);
    await deliverer("c").recover(clock.now(), (row) => ({ item: item(row.key) }));
    const [first, second] = sender.in(CHANNEL);
    expect(sender.in(CHANNEL)).toHaveLength(2);
    expect(second?.place?.threadId).toBe(first?.id);
    expect(first?.marker).toBe(markerFor("gaza-2025:phase-one-end:1d"));
  });

  it("starts the thread with the next alert when its first never made it", async () => {
    await threads("on");
    const ref = { platform: "slack", channelId: CHANNEL, anchor: "gaza-2025:phase-one-end" };
    await store.claimThread(ref, "gaza-2025:phase-one-end:7d", new Date(T));
    await store.skip(
      {
        key: "gaza-2025:phase-one-end:7d",
        platform: "slack",
        channelId: CHANNEL,
        kind: "reminder",
        dueAt: new Date(T),
        marker: "m",
        summary: "s",
      },
      "missed",
      new Date(T),
    );
    await deliverer().fanOut(item("gaza-2025:phase-one-end:1d"), channels);
    expect(places()).toMatchObject([{ start: true }]);
    expect((await store.threadOf(ref))?.threadId).toBe(sender.in(CHANNEL)[0]?.id);
  });

  it("starts a new thread when the platform says the thread is gone", async () => {
    await threads("on");
    class ThreadLost extends Error {}
    const lossy = new (class extends RecordingSender {
      lose = true;
      override async send(channelId: string, reply: Reply, marker: string, place?: ThreadPlace) {
        if (place?.threadId && this.lose) {
          this.lose = false;
          throw new ThreadLost("thread_not_found");
        }
        return super.send(channelId, reply, marker, place);
      }
      override classify(err: unknown): Failure {
        if (err instanceof ThreadLost) return { type: "transient", reason: err.message, threadGone: true };
        return super.classify(err);
      }
    })("slack");
    const d = deliverer("a", { sender: lossy });
    await d.fanOut(item("gaza-2025:phase-one-end:1d"), channels);
    await d.fanOut(item("gaza-2025:phase-one-end:2h"), channels);
    expect(lossy.in(CHANNEL).map((p) => p.place?.start ?? false)).toEqual([true, true]);
  });
});
