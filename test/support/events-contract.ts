/**
 * The Store contract's section on scheduled events (src/store/events-sql.ts): rows claimed under a
 * lease, saved and freed by their owner only. Run by test/store/events-sql.test.ts on both engines
 * and by `describeStoreContract` with the rest.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EventRef } from "../../src/store/event-store.js";
import type { Store } from "../../src/store/store.js";

const T0 = new Date("2025-02-27T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const lease = (owner: string, minutes: number) => ({ owner, until: at(minutes) });

const ref: EventRef = {
  platform: "discord",
  workspaceId: "g1",
  story: "gaza-2025",
  deadline: "phase-one-end",
};

export function describeEventsContract(engine: string, open: () => Promise<Store>): void {
  describe(`scheduled events (${engine})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("creates a row on its first claim, with no event yet, held by the claimant", async () => {
      const row = await store.claimEvent(ref, lease("a", 2), T0);
      expect(row).toMatchObject({ ...ref, eventId: undefined, synced: undefined, ended: false, owner: "a" });
      expect(row?.leaseUntil.getTime()).toBe(at(2).getTime());
      expect(await store.openEvents("discord")).toHaveLength(1);
      expect(await store.openEvents("slack")).toEqual([]);
    });

    it("lets nobody else claim a row while its lease runs, and anyone once it has ended", async () => {
      await store.claimEvent(ref, lease("a", 2), T0);
      expect(await store.claimEvent(ref, lease("b", 3), at(1))).toBeUndefined();
      expect(await store.claimEvent(ref, lease("a", 3), at(1))).toMatchObject({ owner: "a" });
      expect(await store.claimEvent(ref, lease("b", 5), at(3))).toMatchObject({ owner: "b" });
    });

    it("saves what a step did and frees the lease, for the owner only", async () => {
      await store.claimEvent(ref, lease("a", 2), T0);
      const state = { eventId: "e1", synced: "f1", ended: false };
      expect(await store.saveEvent(ref, "b", state, at(1))).toBe(false);
      expect(await store.saveEvent(ref, "a", state, at(1))).toBe(true);
      const [row] = await store.openEvents("discord");
      expect(row).toMatchObject({ eventId: "e1", synced: "f1", ended: false });
      expect(row?.updatedAt.getTime()).toBe(at(1).getTime());
      expect(await store.claimEvent(ref, lease("b", 3), at(1))).toMatchObject({ owner: "b", eventId: "e1" });
    });

    it("frees the lease without changing the row when nothing was done", async () => {
      await store.claimEvent(ref, lease("a", 2), T0);
      await store.saveEvent(ref, "a", { eventId: "e1", synced: "f1", ended: false }, at(1));
      await store.claimEvent(ref, lease("a", 5), at(2));
      expect(await store.saveEvent(ref, "a", undefined, at(3))).toBe(true);
      expect(await store.claimEvent(ref, lease("b", 6), at(3))).toMatchObject({
        eventId: "e1",
        synced: "f1",
      });
    });

    it("lists only rows not ended, and keeps an ended row, which a later claim may bring back", async () => {
      await store.claimEvent(ref, lease("a", 2), T0);
      await store.saveEvent(ref, "a", { eventId: "e1", synced: "f1", ended: true }, at(1));
      expect(await store.openEvents("discord")).toEqual([]);
      expect(await store.claimEvent(ref, lease("a", 3), at(2))).toMatchObject({ ended: true, eventId: "e1" });
    });

    it("gives one claimant the row when two claim it at once", async () => {
      const claims = await Promise.all(
        ["a", "b", "c", "d"].map((owner) => store.claimEvent(ref, lease(owner, 2), T0)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it("keeps a row per server, story and deadline", async () => {
      await store.claimEvent(ref, lease("a", 2), T0);
      await store.claimEvent({ ...ref, workspaceId: "g2" }, lease("a", 2), T0);
      await store.claimEvent({ ...ref, deadline: "other" }, lease("a", 2), T0);
      expect((await store.openEvents("discord")).map((r) => `${r.workspaceId}/${r.deadline}`)).toEqual([
        "g1/other",
        "g1/phase-one-end",
        "g2/phase-one-end",
      ]);
    });

    it("keeps subscriptions of kind events", async () => {
      const sub = await store.subscribe(
        { platform: "discord", channelId: "111", story: "gaza-2025", workspaceId: "g1", kind: "events" },
        T0,
      );
      expect(sub).toMatchObject({ kind: "events", active: true });
    });
  });
}
