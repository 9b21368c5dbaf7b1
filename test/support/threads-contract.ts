/**
 * The Store contract's threads section (threads-sql.ts): each channel's thread setting and the
 * thread each deadline or story got in it, the first recorded winning. Run by
 * test/store/threads-sql.test.ts on both engines, and by describeStoreContract.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";

const T0 = new Date("2026-03-02T10:00:00Z");
const channel = { platform: "slack", channelId: "C1" };
const deadline = { ...channel, anchor: "gaza-2025:phase-one-end" };

export function describeThreadsContract(engine: string, open: () => Promise<Store>): void {
  describe(`threads (${engine})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("says off for a channel whose thread setting was never set", async () => {
      expect(await store.threadMode(channel)).toBe("off");
    });

    it("keeps a channel's thread setting until it is set again", async () => {
      await store.setThreadMode(channel, "also-channel", T0);
      expect(await store.threadMode(channel)).toBe("also-channel");
      expect(await store.threadMode({ ...channel, platform: "discord" })).toBe("off");
      await store.setThreadMode(channel, "off", T0);
      expect(await store.threadMode(channel)).toBe("off");
    });

    it("refuses a thread setting it does not know", async () => {
      await expect(store.setThreadMode(channel, "sideways" as "on", T0)).rejects.toThrow();
    });

    it("records the first thread of an anchor and answers it to whoever records another", async () => {
      expect(await store.threadOf(deadline)).toBeUndefined();
      expect(await store.recordThread(deadline, "1700000000.000100", T0)).toBe("1700000000.000100");
      expect(await store.recordThread(deadline, "1700000000.000200", T0)).toBe("1700000000.000100");
      expect(await store.threadOf(deadline)).toBe("1700000000.000100");
      expect(await store.threadOf({ ...deadline, channelId: "C2" })).toBeUndefined();
      expect(await store.threadOf({ ...deadline, anchor: "gaza-2025:other" })).toBeUndefined();
    });

    it("gives one thread to processes recording theirs at once", async () => {
      const ids = ["a", "b", "c", "d", "e"];
      const answers = await Promise.all(ids.map((id) => store.recordThread(deadline, id, T0)));
      expect(new Set(answers).size).toBe(1);
      expect(ids).toContain(answers[0]);
    });

    it("forgets a gone thread only when it is still the recorded one", async () => {
      await store.recordThread(deadline, "t1", T0);
      expect(await store.forgetThread(deadline, "t0")).toBe(false);
      expect(await store.threadOf(deadline)).toBe("t1");
      expect(await store.forgetThread(deadline, "t1")).toBe(true);
      expect(await store.threadOf(deadline)).toBeUndefined();
      expect(await store.recordThread(deadline, "t2", T0)).toBe("t2");
    });
  });
}
