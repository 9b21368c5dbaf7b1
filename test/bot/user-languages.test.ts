/**
 * Each reader's language as the core resolves it: their stored choice, looked up at most once a
 * minute per platform and user (a choice made through this process is seen at once), then their
 * locale, then the server's, then English; a store that cannot answer is no choice.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UserLanguages } from "../../src/bot/user-languages.js";
import type { UserLanguageStore } from "../../src/store/languages-sql.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ManualClock } from "../../src/time/clock.js";
import { tempDir } from "../support/index.js";

const reader = { platform: "discord", userId: "U1" };
let store: SqliteStore;
afterEach(async () => {
  await store?.close();
});

/** A store that counts the lookups it is asked. */
function counting(inner: UserLanguageStore): UserLanguageStore & { lookups: number } {
  const counted = {
    lookups: 0,
    userLanguage: async (ref: Parameters<UserLanguageStore["userLanguage"]>[0]) => {
      counted.lookups++;
      return inner.userLanguage(ref);
    },
    setUserLanguage: inner.setUserLanguage.bind(inner),
  };
  return counted;
}

describe("a reader's language", () => {
  it("follows the chain: choice, locale, server, English", async () => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    const languages = new UserLanguages(store, new ManualClock("2026-12-07T10:00:00Z"));
    expect(await languages.of({ ...reader, locale: "pt-BR", guildLocale: "fr" })).toEqual({
      language: "fr",
      reason: "server",
    });
    await languages.choose(reader, "he", new Date("2026-12-07T10:00:00Z"));
    expect(await languages.of({ ...reader, locale: "fr" })).toEqual({ language: "he", reason: "choice" });
    expect(await languages.language({ platform: "slack", userId: "U1", locale: "fr-FR" })).toBe("fr");
  });

  it("looks the choice up once a minute per reader, and at once after a change made here", async () => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    const clock = new ManualClock("2026-12-07T10:00:00Z");
    const backing = counting(store);
    const languages = new UserLanguages(backing, clock);
    expect(await languages.language(reader)).toBe("en");
    expect(await languages.language(reader)).toBe("en");
    expect(backing.lookups).toBe(1);
    // Another process's change is seen when the minute is up.
    await store.setUserLanguage(reader, "ar", clock.now());
    clock.set("2026-12-07T10:00:59Z");
    expect(await languages.language(reader)).toBe("en");
    clock.set("2026-12-07T10:01:00Z");
    expect(await languages.language(reader)).toBe("ar");
    expect(backing.lookups).toBe(2);
    // This process's own change is seen at once.
    await languages.choose(reader, "fr", clock.now());
    expect(await languages.language(reader)).toBe("fr");
    await languages.choose(reader, undefined, clock.now());
    expect(await languages.language({ ...reader, locale: "he" })).toBe("he");
  });

  it("is the locale's when the store cannot answer, and asks again next time", async () => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    let away = true;
    const flaky: UserLanguageStore = {
      userLanguage: async (ref) => {
        if (away) throw new Error("connection refused");
        return store.userLanguage(ref);
      },
      setUserLanguage: (ref, language, at) => store.setUserLanguage(ref, language, at),
    };
    await store.setUserLanguage(reader, "ar", new Date("2026-12-07T10:00:00Z"));
    const languages = new UserLanguages(flaky, new ManualClock("2026-12-07T10:00:00Z"));
    expect(await languages.language({ ...reader, locale: "fr" })).toBe("fr");
    away = false;
    expect(await languages.language({ ...reader, locale: "fr" })).toBe("ar");
  });

  it("has no choice to look up without a store, and cannot remember one", async () => {
    const languages = new UserLanguages(undefined, new ManualClock("2026-12-07T10:00:00Z"));
    expect(await languages.language({ ...reader, locale: "fr" })).toBe("fr");
    await expect(languages.choose(reader, "he", new Date())).rejects.toThrow();
  });
});
