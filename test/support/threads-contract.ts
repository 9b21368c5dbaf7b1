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

    it("lists the channels set to threads, and only those", async () => {
      await store.setThreadMode(channel, "on", T0);
      await store.setThreadMode({ platform: "discord", channelId: "F1" }, "forum", T0);
      await store.setThreadMode({ platform: "discord", channelId: "C9" }, "off", T0);
      const listed = await store.threadedChannels();
      expect(listed.sort((a, b) => a.channelId.localeCompare(b.channelId))).toEqual([
        { ...channel, mode: "on" },
        { platform: "discord", channelId: "F1", mode: "forum" },
      ]);
    });

    it("refuses a thread setting it does not know", async () => {
      await expect(store.setThreadMode(channel, "sideways" as "on", T0)).rejects.toThrow();
    });

    it("makes the first alert that claims an anchor its starter, whoever claims after", async () => {
      expect(await store.threadOf(deadline)).toBeUndefined();
      expect(await store.claimThread(deadline, "gaza-2025:phase-one-end:1d", T0)).toEqual({
        starterKey: "gaza-2025:phase-one-end:1d",
        threadId: undefined,
      });
      expect((await store.claimThread(deadline, "gaza-2025:phase-one-end:2h", T0)).starterKey).toBe(
        "gaza-2025:phase-one-end:1d",
      );
      expect(await store.threadOf({ ...deadline, channelId: "C2" })).toBeUndefined();
      expect(await store.threadOf({ ...deadline, anchor: "gaza-2025:other" })).toBeUndefined();
    });

    it("gives an anchor one starter when processes claim it at once", async () => {
      const keys = ["a", "b", "c", "d", "e"];
      const answers = await Promise.all(keys.map((key) => store.claimThread(deadline, key, T0)));
      expect(new Set(answers.map((a) => a.starterKey)).size).toBe(1);
      expect(keys).toContain(answers[0]?.starterKey);
    });

    it("records the thread its starter started, once", async () => {
      await store.claimThread(deadline, "first", T0);
      expect(await store.recordThread(deadline, "second", "1700000000.000200")).toBeUndefined();
      expect(await store.recordThread(deadline, "first", "1700000000.000100")).toBe("1700000000.000100");
      expect(await store.recordThread(deadline, "first", "1700000000.000300")).toBe("1700000000.000100");
      expect(await store.threadOf(deadline)).toEqual({ starterKey: "first", threadId: "1700000000.000100" });
    });

    it("hands a thread not yet started to another alert only from the starter named", async () => {
      await store.claimThread(deadline, "failed-one", T0);
      expect(await store.passThread(deadline, "someone-else", "next")).toBe(false);
      expect(await store.passThread(deadline, "failed-one", "next")).toBe(true);
      expect((await store.threadOf(deadline))?.starterKey).toBe("next");
      await store.recordThread(deadline, "next", "t1");
      expect(await store.passThread(deadline, "next", "third")).toBe(false);
    });

    it("forgets a gone thread only while it is still the recorded one", async () => {
      await store.claimThread(deadline, "first", T0);
      await store.recordThread(deadline, "first", "t1");
      expect(await store.forgetThread(deadline, "t0")).toBe(false);
      expect((await store.threadOf(deadline))?.threadId).toBe("t1");
      expect(await store.forgetThread(deadline, "t1")).toBe(true);
      expect(await store.threadOf(deadline)).toBeUndefined();
      expect((await store.claimThread(deadline, "later", T0)).starterKey).toBe("later");
    });
  });
}
