/** A server's paused events: a back-off from 5 minutes to 6 hours, fresh only the first time, cleared once. */
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { backOffMs, pause, pauseName, pauseOf, resume } from "../../src/calendar-events/pause.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { tempDir } from "../support/index.js";

const T0 = new Date("2026-03-02T10:00:00Z");
const server = { platform: "discord", workspaceId: "g1" };
let store: SqliteStore;
beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "store.sqlite"));
});

describe("a paused server", () => {
  it("waits 5 minutes after the first refusal, doubling up to 6 hours", () => {
    expect([1, 2, 3, 4].map(backOffMs)).toEqual([300_000, 600_000, 1_200_000, 2_400_000]);
    expect(backOffMs(20)).toBe(6 * 3_600_000);
  });

  it("is fresh only on its first refusal, and keeps when it began", async () => {
    expect(await pause(store, server, "the bot lacks Manage Events", T0)).toMatchObject({ fresh: true });
    const later = new Date(T0.getTime() + 300_000);
    const second = await pause(store, server, "the bot lacks Manage Events", later);
    expect(second).toMatchObject({ fresh: false, pause: { since: T0, failures: 2 } });
    expect(second.pause.retryAt).toEqual(new Date(later.getTime() + 600_000));
    expect(await pauseOf(store, "discord", "g1")).toMatchObject({ failures: 2 });
    expect(await pauseOf(store, "discord", "g2")).toBeUndefined();
  });

  it("is cleared once", async () => {
    await pause(store, server, "the bot lacks Manage Events", T0);
    expect(await resume(store, server, T0)).toBe(true);
    expect(await resume(store, server, T0)).toBe(false);
    expect(await pauseOf(store, "discord", "g1")).toBeUndefined();
    expect(pauseName("discord", "g1")).toBe("events-paused:discord:g1");
  });
});
