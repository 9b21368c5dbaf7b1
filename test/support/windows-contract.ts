/**
 * The Store contract's shared time windows (windows-sql.ts): a window taken is closed to everyone for
 * its length, on the database's clock, and of callers racing for an open window exactly one takes it.
 * Run by test/store/windows-sql.test.ts on both engines, and by describeStoreContract.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";

export function describeWindowsContract(engine: string, open: () => Promise<Store>): void {
  describe(`shared windows (${engine})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("gives a window nobody took to its first caller", async () => {
      expect(await store.takeWindow("identify:app:0", 5_000)).toBe(0);
    });

    it("tells the next caller how long the window stays closed, and closes it to them too", async () => {
      await store.takeWindow("identify:app:0", 5_000);
      const wait = await store.takeWindow("identify:app:0", 5_000);
      expect(wait).toBeGreaterThan(4_000);
      expect(wait).toBeLessThanOrEqual(5_000);
      const again = await store.takeWindow("identify:app:0", 5_000);
      expect(again).toBeGreaterThan(0);
      expect(again).toBeLessThanOrEqual(wait);
    });

    it("keeps each key's window apart", async () => {
      expect(await store.takeWindow("identify:app:0", 5_000)).toBe(0);
      expect(await store.takeWindow("identify:app:1", 5_000)).toBe(0);
      expect(await store.takeWindow("identify:other-app:0", 5_000)).toBe(0);
    });

    it("opens the window again once its time has passed", async () => {
      expect(await store.takeWindow("identify:app:0", 150)).toBe(0);
      const wait = await store.takeWindow("identify:app:0", 150);
      expect(wait).toBeGreaterThan(0);
      await sleep(wait + 50);
      expect(await store.takeWindow("identify:app:0", 150)).toBe(0);
    });

    it("gives an open window to exactly one of many callers at once", async () => {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => store.takeWindow("identify:app:3", 5_000)),
      );
      expect(answers.filter((wait) => wait === 0)).toHaveLength(1);
      expect(answers.filter((wait) => wait > 0)).toHaveLength(11);
    });
  });
}
