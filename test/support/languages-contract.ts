/**
 * The Store contract's languages section: each person's chosen language (languages-sql.ts) and the
 * language of each subscription (subscriptions-sql.ts). Run by test/store/languages-sql.test.ts on
 * both engines, and by describeStoreContract.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";

const T0 = new Date("2026-12-07T10:00:00Z");
const T1 = new Date("2026-12-07T11:00:00Z");
const reader = { platform: "discord", userId: "U1" };
const channel = { platform: "slack", channelId: "C1", story: "gaza-2025", workspaceId: "T1" };

export function describeLanguagesContract(engine: string, open: () => Promise<Store>): void {
  describe(`languages (${engine})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("knows no choice for a person who never made one", async () => {
      expect(await store.userLanguage(reader)).toBeUndefined();
    });

    it("remembers a person's choice per platform, the last one winning", async () => {
      await store.setUserLanguage(reader, "he", T0);
      expect(await store.userLanguage(reader)).toBe("he");
      expect(await store.userLanguage({ ...reader, platform: "slack" })).toBeUndefined();
      expect(await store.userLanguage({ ...reader, userId: "U2" })).toBeUndefined();
      await store.setUserLanguage(reader, "ar", T1);
      expect(await store.userLanguage(reader)).toBe("ar");
    });

    it("forgets a choice reset to none, and a reset with no choice is no error", async () => {
      await store.setUserLanguage(reader, "fr", T0);
      await store.setUserLanguage(reader, undefined, T1);
      expect(await store.userLanguage(reader)).toBeUndefined();
      await store.setUserLanguage(reader, undefined, T1);
      expect(await store.userLanguage(reader)).toBeUndefined();
    });

    it("refuses a language it does not write in", async () => {
      await expect(store.setUserLanguage(reader, "de" as "en", T0)).rejects.toThrow();
    });

    it("keeps no language for a subscription made without one (its alerts are English)", async () => {
      const sub = await store.subscribe({ ...channel, kind: "all" }, T0);
      expect(sub.language).toBeUndefined();
      expect((await store.subscription(channel))?.language).toBeUndefined();
    });

    it("keeps the language a subscription was made with, and gives it back with every row", async () => {
      const sub = await store.subscribe({ ...channel, kind: "all", language: "ar" }, T0);
      expect(sub.language).toBe("ar");
      expect((await store.subscription(channel))?.language).toBe("ar");
      expect((await store.channelSubscriptions(channel)).map((s) => s.language)).toEqual(["ar"]);
      expect((await store.activeSubscriptions()).map((s) => s.language)).toEqual(["ar"]);
    });

    it("replaces a subscription's language when one is given again, and keeps it when none is", async () => {
      await store.subscribe({ ...channel, kind: "all", language: "ar" }, T0);
      expect((await store.subscribe({ ...channel, kind: "reminders" }, T1)).language).toBe("ar");
      expect((await store.subscribe({ ...channel, kind: "reminders", language: "he" }, T1)).language).toBe(
        "he",
      );
      expect((await store.subscribe({ ...channel, kind: "reminders", language: "en" }, T1)).language).toBe(
        "en",
      );
    });

    it("keeps the language of a subscription stopped and started again without one", async () => {
      await store.subscribe({ ...channel, kind: "all", language: "fr" }, T0);
      await store.deactivate(channel, "unsubscribed by U1", T0);
      expect((await store.subscribe({ ...channel, kind: "all" }, T1)).language).toBe("fr");
    });

    it("refuses a subscription in a language it does not write in", async () => {
      await expect(
        store.subscribe({ ...channel, kind: "all", language: "de" as "en" }, T0),
      ).rejects.toThrow();
    });
  });
}
