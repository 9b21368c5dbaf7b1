/**
 * The Store contract: every engine (SQLite, PostgreSQL), and every Store wrapping one, must pass the
 * same specification. It comes in sections, one per part of the store (the test file named after
 * each part runs its section on both engines); `describeStoreContract` runs them all. Each takes a
 * function that opens a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FeedState, NewLead } from "../../src/feeds/lead.js";
import type { DeliveryRef, Lease, NewDelivery, Store } from "../../src/store/store.js";
import { describeEventsContract } from "./events-contract.js";
import { describeLanguagesContract } from "./languages-contract.js";
import { describeThreadsContract } from "./threads-contract.js";
import { describeWindowsContract } from "./windows-contract.js";

const T0 = new Date("2025-02-27T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const channel = { platform: "discord" as const, channelId: "111" };
/** The channel's subscription to one story. */
const gaza = { ...channel, story: "gaza-2025" };

function entry(key: string, over: Partial<NewDelivery> = {}): NewDelivery {
  return {
    key,
    ...channel,
    kind: "reminder",
    dueAt: new Date("2025-02-28T07:00:00Z"),
    marker: `m-${key}`,
    summary: `summary of ${key}`,
    ...over,
  };
}

/** The frame of a section: `body` runs with a fresh store per test, read through `current()`. */
function section(
  title: string,
  engine: string,
  open: () => Promise<Store>,
  body: (store: () => Store) => void,
): void {
  describe(`${title} (${engine})`, () => {
    let current: Store;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current.close();
    });
    body(() => current);
  });
}

/** Subscriptions: what subscriptions-sql.ts keeps, in either dialect. */
export function describeSubscriptionsContract(engine: string, open: () => Promise<Store>): void {
  section("subscriptions", engine, open, (current) => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it("subscribes a channel from the given instant, with its own lead times", async () => {
      const sub = await store.subscribe(
        { ...gaza, workspaceId: "g1", kind: "reminders", leadTimes: ["1d", "2h"], userId: "u1" },
        T0,
      );
      expect(sub).toMatchObject({
        platform: "discord",
        channelId: "111",
        story: "gaza-2025",
        workspaceId: "g1",
        kind: "reminders",
        leadTimes: ["1d", "2h"],
        active: true,
        createdBy: "u1",
      });
      expect(sub.since.toISOString()).toBe(T0.toISOString());
      expect(await store.subscription(gaza)).toEqual(sub);
    });

    it("keeps a channel of any platform of the list, and refuses a name no platform could have", async () => {
      const teams = { platform: "ms-teams", channelId: "19:abc@thread", story: "gaza-2025" };
      await store.subscribe({ ...teams, workspaceId: "t1", kind: "all" }, T0);
      expect((await store.subscription(teams))?.platform).toBe("ms-teams");
      for (const platform of ["Discord", "", "two words", "x".repeat(33)]) {
        await expect(
          store.subscribe({ platform, channelId: "1", story: "*", workspaceId: "w", kind: "all" }, T0),
        ).rejects.toThrow();
      }
    });

    it("keeps `since` when an active subscription changes, and resets it when an old one comes back", async () => {
      await store.subscribe({ ...gaza, workspaceId: "g1", kind: "reminders" }, T0);
      const changed = await store.subscribe(
        { ...gaza, workspaceId: "g1", kind: "all", leadTimes: ["3h"] },
        at(10),
      );
      expect(changed.since.toISOString()).toBe(T0.toISOString());
      expect(changed.kind).toBe("all");
      expect(changed.leadTimes).toEqual(["3h"]);

      expect(await store.deactivate(channel, "unsubscribed by u1", at(20))).toBe(1);
      const back = await store.subscribe({ ...gaza, workspaceId: "g1", kind: "updates" }, at(30));
      expect(back.active).toBe(true);
      expect(back.since.toISOString()).toBe(at(30).toISOString());
      expect(back.leadTimes).toBeUndefined();
      expect(back.deactivationReason).toBeUndefined();
    });

    it("deactivates with the reason, once, and lists only active subscriptions oldest first", async () => {
      await store.subscribe(
        { platform: "slack", channelId: "C2", story: "*", workspaceId: "T1", kind: "all" },
        at(5),
      );
      await store.subscribe({ ...gaza, workspaceId: "g1", kind: "all" }, T0);
      await store.subscribe(
        { platform: "console", channelId: "console", story: "*", workspaceId: "console", kind: "all" },
        at(9),
      );
      expect((await store.activeSubscriptions()).map((s) => s.channelId)).toEqual(["111", "C2", "console"]);

      expect(
        await store.deactivate({ platform: "slack", channelId: "C2" }, "gone: channel_not_found", at(7)),
      ).toBe(1);
      expect(await store.deactivate({ platform: "slack", channelId: "C2" }, "again", at(8))).toBe(0);
      const gone = await store.subscription({ platform: "slack", channelId: "C2", story: "*" });
      expect(gone).toMatchObject({ active: false, deactivationReason: "gone: channel_not_found" });
      expect(gone?.deactivatedAt?.toISOString()).toBe(at(7).toISOString());
      expect((await store.activeSubscriptions()).map((s) => s.channelId)).toEqual(["111", "console"]);
    });

    it("knows nothing of a channel that never subscribed", async () => {
      expect(await store.subscription({ platform: "slack", channelId: "nope", story: "*" })).toBeUndefined();
      expect(await store.channelSubscriptions({ platform: "slack", channelId: "nope" })).toEqual([]);
      expect(await store.deactivate({ platform: "slack", channelId: "nope" }, "x", T0)).toBe(0);
    });

    it("keeps one subscription per story of a channel, and stops one story or all of them", async () => {
      await store.subscribe({ ...gaza, workspaceId: "g1", kind: "reminders" }, T0);
      await store.subscribe({ ...channel, story: "sudan-2025", workspaceId: "g1", kind: "updates" }, at(1));
      await store.subscribe({ ...channel, story: "*", workspaceId: "g1", kind: "all" }, at(2));
      const all = await store.channelSubscriptions(channel);
      expect(all.map((s) => [s.story, s.kind])).toEqual([
        ["*", "all"],
        ["gaza-2025", "reminders"],
        ["sudan-2025", "updates"],
      ]);
      expect(await store.deactivate({ ...channel, story: "sudan-2025" }, "unsubscribed by u1", at(3))).toBe(
        1,
      );
      expect((await store.activeSubscriptions()).map((s) => s.story)).toEqual(["gaza-2025", "*"]);
      expect(await store.deactivate(channel, "unsubscribed by u1", at(4))).toBe(2);
      expect(await store.activeSubscriptions()).toEqual([]);
    });
  });
}

/** The record of changes: what edit-record-sql.ts keeps, in either dialect. */
export function describeChangesContract(engine: string, open: () => Promise<Store>): void {
  section("record of changes", engine, open, (current) => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it("keeps each change with its kind and author, newest first, story by story", async () => {
      await store.recordChanges(
        [
          {
            story: "gaza-2025",
            path: "events.talks",
            kind: "development",
            old: undefined,
            new: '{"id":"talks"}',
            by: undefined,
          },
          {
            story: "sudan-2025",
            path: "events.x",
            kind: "development",
            old: undefined,
            new: "{}",
            by: undefined,
          },
        ],
        T0,
      );
      await store.recordChanges(
        [
          {
            story: "gaza-2025",
            path: "figures.captives.values[1].value",
            kind: "correction",
            old: "59",
            new: "58",
            by: "ana",
          },
        ],
        at(5),
      );
      const got = await store.changes("gaza-2025", 10);
      expect(got.map((c) => [c.path, c.kind, c.old, c.new, c.by, c.at.toISOString()])).toEqual([
        ["figures.captives.values[1].value", "correction", "59", "58", "ana", at(5).toISOString()],
        ["events.talks", "development", undefined, '{"id":"talks"}', undefined, T0.toISOString()],
      ]);
      expect(await store.changes("gaza-2025", 1)).toHaveLength(1);
      await store.recordChanges([], at(6));
    });
  });
}

/** The delivery ledger: its rows claimed, finished and looked up (claims-sql.ts, ledger-sql.ts). */
export function describeLedgerContract(engine: string, open: () => Promise<Store>): void {
  section("delivery ledger", engine, open, (current) => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it("names the channels sent an item whose key starts with a prefix, sent or sent late only", async () => {
      const slack = { platform: "slack" as const, channelId: "C9" };
      await store.claim(entry("gaza-2025:phase-one-end:1d"), T0);
      await store.finish(
        { ...channel, key: "gaza-2025:phase-one-end:1d" },
        { state: "sent", messageId: "m1" },
        T0,
      );
      await store.claim(entry("gaza-2025:phase-one-end@2025-03-08:0d", slack), T0);
      await store.finish(
        { ...slack, key: "gaza-2025:phase-one-end@2025-03-08:0d" },
        { state: "sent_late", messageId: "m2" },
        T0,
      );
      await store.claim(entry("gaza-2025:phase-one-end:0d", { platform: "console", channelId: "c" }), T0);
      await store.claim(entry("gaza-2025:phase-one-endless:1d", { channelId: "222" }), T0);
      await store.finish(
        { platform: "discord", channelId: "222", key: "gaza-2025:phase-one-endless:1d" },
        { state: "sent", messageId: "m3" },
        T0,
      );
      const got = await store.receivedBy(["gaza-2025:phase-one-end:", "gaza-2025:phase-one-end@"]);
      expect(got.map((c) => `${c.platform}:${c.channelId}`).sort()).toEqual(["discord:111", "slack:C9"]);
      expect(await store.receivedBy([])).toEqual([]);
      const exact = await store.receivedKeys(["gaza-2025:phase-one-end:1d", "gaza-2025:phase-one-end"]);
      expect(exact.map((c) => `${c.platform}:${c.channelId}`)).toEqual(["discord:111"]);
      expect(await store.receivedKeys([])).toEqual([]);
      const ofGaza = await store.deliveriesOf(["gaza-2025:phase-one-end:", "update:gaza-2025:"], 10);
      expect(ofGaza.map((d) => `${d.key} ${d.platform}:${d.channelId} ${d.state}`).sort()).toEqual([
        "gaza-2025:phase-one-end:0d console:c claimed",
        "gaza-2025:phase-one-end:1d discord:111 sent",
      ]);
      expect(await store.deliveriesOf([], 10)).toEqual([]);
    });

    it("claims a (key, platform, channel) once: the second claim loses", async () => {
      expect(await store.claim(entry("a"), T0)).toBe(true);
      expect(await store.claim(entry("a"), at(1))).toBe(false);
      // Another channel, another platform, another key are other rows.
      expect(await store.claim(entry("a", { channelId: "222" }), T0)).toBe(true);
      expect(await store.claim(entry("a", { platform: "slack" }), T0)).toBe(true);
      expect(await store.claim(entry("b"), T0)).toBe(true);
      const row = await store.delivery({ key: "a", ...channel });
      expect(row).toMatchObject({
        state: "claimed",
        attempts: 1,
        marker: "m-a",
        summary: "summary of a",
        kind: "reminder",
      });
      expect(row?.claimedAt.toISOString()).toBe(T0.toISOString());
    });

    it("lets exactly one of many concurrent claims win", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claim(entry("race"), T0)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("finishes a claimed row as sent with the message id, and never finishes it twice", async () => {
      await store.claim(entry("a"), T0);
      const ref = { key: "a", ...channel };
      expect(await store.finish(ref, { state: "sent", messageId: "m1" }, at(1))).toBe(true);
      expect(await store.finish(ref, { state: "failed", reason: "late" }, at(2))).toBe(false);
      const row = await store.delivery(ref);
      expect(row).toMatchObject({ state: "sent", messageId: "m1" });
      expect(row?.finishedAt?.toISOString()).toBe(at(1).toISOString());
      expect(row?.reason).toBeUndefined();
    });

    it("records sent_late, skipped and failed with their reasons", async () => {
      for (const k of ["late", "fail"]) await store.claim(entry(k), T0);
      await store.finish({ key: "late", ...channel }, { state: "sent_late", messageId: "m2" }, at(1));
      await store.finish(
        { key: "fail", ...channel },
        { state: "failed", reason: "gone: Unknown Channel (10003)" },
        at(1),
      );
      expect(await store.skip(entry("old"), "missed by 9 h", at(1))).toBe(true);
      expect(await store.skip(entry("old"), "missed by 9 h", at(2))).toBe(false);
      expect(await store.delivery({ key: "late", ...channel })).toMatchObject({
        state: "sent_late",
        messageId: "m2",
      });
      expect(await store.delivery({ key: "fail", ...channel })).toMatchObject({
        state: "failed",
        reason: "gone: Unknown Channel (10003)",
      });
      expect(await store.delivery({ key: "old", ...channel })).toMatchObject({
        state: "skipped",
        reason: "missed by 9 h",
        attempts: 0,
      });
      // A skipped row is never claimed afterwards.
      expect(await store.claim(entry("old"), at(3))).toBe(false);
    });

    it("lists unconfirmed claims up to an instant, oldest first, and lets one retake win", async () => {
      await store.claim(entry("a"), T0);
      await store.claim(entry("b"), at(5));
      await store.claim(entry("c"), at(1));
      await store.finish({ key: "c", ...channel }, { state: "sent", messageId: "x" }, at(2));
      expect((await store.unconfirmed(at(4))).map((d) => d.key)).toEqual(["a"]);
      expect((await store.unconfirmed(at(5))).map((d) => d.key)).toEqual(["a", "b"]);

      const ref = { key: "a", ...channel };
      expect(await store.retake(ref, 1, at(6))).toBe(true);
      expect(await store.retake(ref, 1, at(6))).toBe(false); // someone else already took it
      const row = await store.delivery(ref);
      expect(row).toMatchObject({ state: "claimed", attempts: 2 });
      expect(row?.claimedAt.toISOString()).toBe(at(6).toISOString());
      expect((await store.unconfirmed(at(5))).map((d) => d.key)).toEqual(["b"]);
      // A finished row cannot be retaken.
      expect(await store.retake({ key: "c", ...channel }, 1, at(7))).toBe(false);
    });

    it("gives a channel's latest rows, newest first, limited", async () => {
      await store.claim(entry("first"), T0);
      await store.claim(entry("second"), at(1));
      await store.skip(entry("third"), "old", at(2));
      await store.claim(entry("elsewhere", { channelId: "999" }), at(3));
      expect((await store.recentDeliveries(channel, 2)).map((d) => d.key)).toEqual(["third", "second"]);
      expect((await store.recentDeliveries(channel, 10)).map((d) => d.key)).toEqual([
        "third",
        "second",
        "first",
      ]);
    });

    it("keeps instants to the millisecond", async () => {
      const due = new Date("2025-02-28T07:00:00.123Z");
      await store.claim(entry("ms", { dueAt: due }), new Date("2025-02-28T07:00:01.456Z"));
      const row = await store.delivery({ key: "ms", ...channel });
      expect(row?.dueAt.toISOString()).toBe(due.toISOString());
      expect(row?.claimedAt.toISOString()).toBe("2025-02-28T07:00:01.456Z");
    });
  });
}

/** Claims held by a process, with an owner and a lease (claims-sql.ts). */
export function describeClaimsContract(engine: string, open: () => Promise<Store>): void {
  section("claims held by a process: an owner and a lease", engine, open, (current) => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    const ref = (key: string): DeliveryRef => ({ key, ...channel });
    const lease = (owner: string, minutes: number): Lease => ({ owner, until: at(minutes) });

    it("records who claimed a row and until when it is theirs", async () => {
      expect(await store.claim(entry("a", { owner: "host-a:1", leaseUntil: at(3) }), T0)).toBe(true);
      const row = await store.delivery(ref("a"));
      expect(row).toMatchObject({ state: "claimed", owner: "host-a:1", attempts: 1 });
      expect(row?.leaseUntil.toISOString()).toBe(at(3).toISOString());
    });

    it("lists a claim as unconfirmed only once its lease has ended", async () => {
      await store.claim(entry("a", { owner: "host-a:1", leaseUntil: at(3) }), T0);
      await store.claim(entry("free"), T0); // no lease: free at once
      expect((await store.unconfirmed(at(2))).map((d) => d.key)).toEqual(["free"]);
      expect((await store.unconfirmed(at(3))).map((d) => d.key)).toEqual(["a", "free"]);
    });

    it("lets nobody but the owner retake a claim while its lease runs, and anyone once it has ended", async () => {
      await store.claim(entry("a", { owner: "A", leaseUntil: at(3) }), T0);
      expect(await store.retake(ref("a"), 1, at(1), lease("B", 4))).toBe(false);
      expect(await store.retake(ref("a"), 1, at(1))).toBe(false); // a recoverer without a lease neither
      expect(await store.retake(ref("a"), 1, at(1), lease("A", 4))).toBe(true); // the owner retries

      expect(await store.retake(ref("a"), 2, at(3), lease("B", 6))).toBe(false); // A's lease runs to at(4)
      expect(await store.retake(ref("a"), 2, at(4), lease("B", 7))).toBe(true); // ended: B takes it over
      const row = await store.delivery(ref("a"));
      expect(row).toMatchObject({ state: "claimed", owner: "B", attempts: 3 });
      expect(row?.leaseUntil.toISOString()).toBe(at(7).toISOString());
      expect(row?.claimedAt.toISOString()).toBe(at(4).toISOString());
      // A is no longer its owner: it cannot take the row back while B's lease runs.
      expect(await store.retake(ref("a"), 3, at(5), lease("A", 8))).toBe(false);
    });

    it("lets exactly one of many processes retake a claim whose lease has ended", async () => {
      await store.claim(entry("race", { owner: "dead", leaseUntil: at(1) }), T0);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.retake(ref("race"), 1, at(2), lease(`p${i}`, 5))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.delivery(ref("race")))?.attempts).toBe(2);
    });

    it("extends the leases its owner still holds, and no other", async () => {
      for (const key of ["a", "b", "c"]) await store.claim(entry(key, { owner: "A", leaseUntil: at(3) }), T0);
      await store.claim(entry("d", { owner: "B", leaseUntil: at(3) }), T0);
      await store.finish(ref("c"), { state: "sent", messageId: "m" }, at(1));
      const all = ["a", "b", "c", "d"].map(ref);
      expect(await store.renew(all, lease("A", 6), at(1))).toBe(2); // not c (sent), not d (B's)
      expect((await store.unconfirmed(at(5))).map((d) => d.key)).toEqual(["d"]);
      expect((await store.delivery(ref("a")))?.leaseUntil.toISOString()).toBe(at(6).toISOString());
      // A lease that has ended is not revived: another process may be taking the row over.
      expect(await store.renew([ref("a")], lease("A", 20), at(6))).toBe(0);
      expect(await store.renew([], lease("A", 20), at(6))).toBe(0);
    });

    it("ends every lease still running, for a process that starts alone on its store", async () => {
      await store.claim(entry("a", { owner: "A", leaseUntil: at(10) }), T0);
      await store.claim(entry("b", { owner: "B", leaseUntil: at(20) }), T0);
      await store.claim(entry("ended"), T0);
      await store.skip(entry("skipped"), "old", T0);
      expect(await store.endLeases(at(1))).toBe(2);
      expect((await store.unconfirmed(at(1))).map((d) => d.key)).toEqual(["a", "b", "ended"]);
      expect((await store.delivery(ref("a")))?.leaseUntil.toISOString()).toBe(at(1).toISOString());
    });

    it("gives each of many claims asked at once its own answer: one per row, the same row twice refused", async () => {
      const keys = Array.from({ length: 300 }, (_, i) => `k${i % 200}`);
      const results = await Promise.all(keys.map((key) => store.claim(entry(key, { owner: "A" }), T0)));
      expect(results.filter(Boolean)).toHaveLength(200);
      // Each row's first claim is the one that got it.
      expect(results.slice(0, 200).every(Boolean)).toBe(true);
      expect((await store.delivery(ref("k199")))?.owner).toBe("A");
    });

    it("finishes many rows asked at once, each with its own outcome; a second finish of a row is refused", async () => {
      const keys = Array.from({ length: 20 }, (_, i) => `f${i}`);
      for (const key of keys) await store.claim(entry(key), T0);
      const finishes = [...keys, "f0", "f1"].map((key, i) =>
        store.finish(ref(key), { state: "sent", messageId: `m${i}` }, at(1)),
      );
      const results = await Promise.all(finishes);
      expect(results).toEqual([...keys.map(() => true), false, false]);
      expect((await store.delivery(ref("f0")))?.messageId).toBe("m0");
      expect((await store.delivery(ref("f19")))?.messageId).toBe("m19");
    });
  });
}

/** Readiness: a trivial query answers while the store is open. */
export function describeReadinessContract(engine: string, open: () => Promise<Store>): void {
  section("readiness", engine, open, (current) => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it("answers a trivial query while it is open", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

/** The scheduler's named values, changed in one step (state-sql.ts). */
export function describeStateContract(engine: string, open: () => Promise<Store>): void {
  section("scheduler state", engine, open, (current) => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it("stores and overwrites named values", async () => {
      expect(await store.getState("scheduler.plannedUntil")).toBeUndefined();
      await store.setState("scheduler.plannedUntil", "2025-02-28T07:00:00.001Z", T0);
      await store.setState("scheduler.plannedUntil", "2025-02-28T07:01:00.001Z", at(1));
      await store.setState("updates.known", JSON.stringify(["a", "b"]), at(1));
      expect(await store.getState("scheduler.plannedUntil")).toBe("2025-02-28T07:01:00.001Z");
      expect(JSON.parse((await store.getState("updates.known")) ?? "[]")).toEqual(["a", "b"]);
    });

    it("changes several values in one step from what they were, those never set being undefined", async () => {
      await store.setState("x", "1", T0);
      const seen = await store.updateState(
        ["x", "y"],
        (values) => ({
          set: { x: "2", y: `${values.get("x")} and ${values.get("y")}` },
          result: [...values.entries()],
        }),
        at(1),
      );
      expect(seen).toEqual([
        ["x", "1"],
        ["y", undefined],
      ]);
      expect(await store.getState("x")).toBe("2");
      expect(await store.getState("y")).toBe("1 and undefined");
    });

    it("loses no change when many change one value at once", async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.updateState(
            ["list"],
            (values) => ({
              set: { list: JSON.stringify([...JSON.parse(values.get("list") ?? "[]"), i]) },
              result: undefined,
            }),
            at(1),
          ),
        ),
      );
      const list = JSON.parse((await store.getState("list")) ?? "[]") as number[];
      expect(list.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it("writes nothing when the change fails", async () => {
      await store.setState("x", "1", T0);
      await expect(
        store.updateState(
          ["x"],
          () => {
            throw new Error("no");
          },
          at(1),
        ),
      ).rejects.toThrow("no");
      expect(await store.getState("x")).toBe("1");
      // The store is still usable (the transaction and its lock were let go).
      await store.updateState(["x"], () => ({ set: { x: "3" }, result: undefined }), at(2));
      expect(await store.getState("x")).toBe("3");
    });
  });
}

/** A lead of the gaza-2025 story from its `wire` feed; `over` changes any field. */
function newLead(link: string, over: Partial<NewLead> = {}): NewLead {
  return {
    story: "gaza-2025",
    feedId: "wire",
    outlet: "Wire",
    title: `Title of ${link}`,
    link,
    publishedAt: undefined,
    summary: "",
    matched: [],
    ...over,
  };
}

/** Leads and feed states: what leads-sql.ts keeps, in either dialect. */
export function describeLeadsContract(engine: string, open: () => Promise<Store>): void {
  section("leads and feed states", engine, open, (current) => {
    let store: Store;
    beforeEach(() => {
      store = current();
    });

    it("adds new leads with every field and returns them with their ids, as new", async () => {
      const published = new Date("2025-02-27T08:30:00Z");
      const [added, ...rest] = await store.addLeads(
        [
          newLead("https://news.example/a", {
            outlet: "Example News",
            title: "Talks resume",
            publishedAt: published,
            summary: "Negotiators met.",
            matched: ["talks", "négociation"],
          }),
        ],
        T0,
      );
      expect(rest).toEqual([]);
      expect(added).toMatchObject({
        story: "gaza-2025",
        feedId: "wire",
        outlet: "Example News",
        title: "Talks resume",
        link: "https://news.example/a",
        summary: "Negotiators met.",
        matched: ["talks", "négociation"],
        state: "new",
        usedFor: undefined,
        decidedBy: undefined,
        decidedAt: undefined,
      });
      expect(added?.publishedAt?.toISOString()).toBe(published.toISOString());
      expect(added?.foundAt.toISOString()).toBe(T0.toISOString());
      expect(await store.lead(added?.id ?? -1)).toEqual(added);
      expect(await store.lead(987654)).toBeUndefined();
    });

    it("keeps one lead per story and link: the same article from a second feed, or twice in a batch, adds nothing", async () => {
      const first = await store.addLeads(
        [newLead("https://x.example/1"), newLead("https://x.example/2")],
        T0,
      );
      expect(first.map((l) => l.link)).toEqual(["https://x.example/1", "https://x.example/2"]);
      const again = await store.addLeads(
        [
          newLead("https://x.example/2", { feedId: "agency", title: "Other title" }),
          newLead("https://x.example/3", { feedId: "agency" }),
          newLead("https://x.example/3", { feedId: "agency", title: "Twice" }),
          newLead("https://x.example/1", { story: "sudan-2025" }),
        ],
        at(1),
      );
      expect(again.map((l) => [l.story, l.link, l.title])).toEqual([
        ["gaza-2025", "https://x.example/3", "Title of https://x.example/3"],
        ["sudan-2025", "https://x.example/1", "Title of https://x.example/1"],
      ]);
      expect((await store.lead(first[1]?.id ?? -1))?.feedId).toBe("wire");
      expect(await store.addLeads([], at(2))).toEqual([]);
    });

    it("lists a story's leads newest first by published instant (else found), of one state or all, a page at a time", async () => {
      await store.addLeads(
        [
          newLead("https://x.example/old", { publishedAt: at(-120) }),
          newLead("https://x.example/undated"),
          newLead("https://x.example/recent", { publishedAt: at(-5) }),
          newLead("https://x.example/other-story", { story: "sudan-2025" }),
        ],
        T0,
      );
      const links = async (q: Partial<Parameters<Store["leads"]>[0]>) =>
        (await store.leads({ story: "gaza-2025", limit: 10, ...q })).map((l) => l.link.slice(18));
      expect(await links({})).toEqual(["undated", "recent", "old"]);
      expect(await links({ limit: 1, offset: 1 })).toEqual(["recent"]);
      const [recent] = await store.leads({ story: "gaza-2025", limit: 1, offset: 1 });
      await store.decideLead(recent?.id ?? -1, { state: "dismissed" }, "ana", at(1));
      expect(await links({ state: "new" })).toEqual(["undated", "old"]);
      expect(await links({ state: "dismissed" })).toEqual(["recent"]);
      expect(await links({ state: "used" })).toEqual([]);
    });

    it("records a curator's decision once: used for an entry, or dismissed, and counts each state", async () => {
      const [a, b, c] = await store.addLeads(
        ["https://x.example/a", "https://x.example/b", "https://x.example/c"].map((l) => newLead(l)),
        T0,
      );
      const used = { state: "used", usedFor: "figures.captives-remaining.values[12]" } as const;
      expect(await store.decideLead(a?.id ?? -1, used, "ana", at(3))).toBe(true);
      expect(await store.decideLead(b?.id ?? -1, { state: "dismissed" }, "ben", at(4))).toBe(true);
      expect(await store.decideLead(a?.id ?? -1, { state: "dismissed" }, "ben", at(5))).toBe(false);
      expect(await store.decideLead(987654, { state: "dismissed" }, "ben", at(5))).toBe(false);
      const got = await store.lead(a?.id ?? -1);
      expect([got?.state, got?.usedFor, got?.decidedBy, got?.decidedAt?.toISOString()]).toEqual([
        "used",
        "figures.captives-remaining.values[12]",
        "ana",
        at(3).toISOString(),
      ]);
      expect((await store.lead(b?.id ?? -1))?.usedFor).toBeUndefined();
      expect((await store.lead(c?.id ?? -1))?.state).toBe("new");
      expect(await store.leadCounts("gaza-2025")).toEqual({ new: 1, used: 1, dismissed: 1 });
      expect(await store.leadCounts("sudan-2025")).toEqual({ new: 0, used: 0, dismissed: 0 });
    });

    it("finds the leads found after one instant up to another, oldest first, whatever their state", async () => {
      await store.addLeads([newLead("https://x.example/before")], T0);
      const [decided] = await store.addLeads([newLead("https://x.example/first")], at(10));
      await store.addLeads([newLead("https://x.example/second"), newLead("https://x.example/third")], at(20));
      await store.addLeads([newLead("https://x.example/after")], at(21));
      await store.decideLead(decided?.id ?? -1, { state: "dismissed" }, "ana", at(30));
      const found = await store.leadsFoundBetween("gaza-2025", T0, at(20));
      expect(found.map((l) => l.link.slice(18))).toEqual(["first", "second", "third"]);
      expect(await store.leadsFoundBetween("sudan-2025", T0, at(20))).toEqual([]);
    });

    it("keeps each feed's state whole and replaces it on save", async () => {
      const state: FeedState = {
        story: "gaza-2025",
        feedId: "wire",
        etag: undefined,
        lastModified: undefined,
        nextFetchAt: at(30),
        failures: 0,
        lastFetchedAt: undefined,
        lastOkAt: undefined,
        lastError: undefined,
        lastItems: 0,
        lastNewLeads: 0,
      };
      expect(await store.feedState("gaza-2025", "wire")).toBeUndefined();
      await store.saveFeedState(state);
      expect(await store.feedState("gaza-2025", "wire")).toEqual(state);
      const fetched: FeedState = {
        ...state,
        etag: '"v2"',
        lastModified: "Thu, 27 Feb 2025 09:00:00 GMT",
        nextFetchAt: at(60),
        lastFetchedAt: at(30),
        lastOkAt: at(30),
        lastItems: 12,
        lastNewLeads: 3,
      };
      await store.saveFeedState(fetched);
      const failed: FeedState = {
        ...fetched,
        feedId: "agency",
        failures: 2,
        lastError: "the feed answered an HTML page",
      };
      await store.saveFeedState(failed);
      await store.saveFeedState({ ...state, story: "sudan-2025" });
      expect(await store.feedState("gaza-2025", "wire")).toEqual(fetched);
      expect(await store.feedStates("gaza-2025")).toEqual([failed, fetched]);
    });
  });
}

/** Every section: the whole contract. */
export function describeStoreContract(engine: string, open: () => Promise<Store>): void {
  describe(`Store contract (${engine})`, () => {
    describeSubscriptionsContract(engine, open);
    describeChangesContract(engine, open);
    describeLedgerContract(engine, open);
    describeClaimsContract(engine, open);
    describeReadinessContract(engine, open);
    describeStateContract(engine, open);
    describeLeadsContract(engine, open);
    describeEventsContract(engine, open);
    describeThreadsContract(engine, open);
    describeLanguagesContract(engine, open);
    describeWindowsContract(engine, open);
  });
}
