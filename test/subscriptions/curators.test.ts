/** /curators as the adapters call it: a story's curators' channel, kept as a `leads` subscription. */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderText } from "../../src/platforms/console/text.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";
import { curators, curatorsOptions } from "../../src/subscriptions/curators.js";
import type { Asker } from "../../src/subscriptions/subscriptions.js";
import { ManualClock } from "../../src/time/clock.js";
import { shippedData, tempDir } from "../support/index.js";

let store: Store;
let clock: ManualClock;
const dataset = shippedData();
const deps = () => ({ store, dataset, clock });
const manager: Asker = {
  platform: "slack",
  channelId: "C9",
  workspaceId: "T1",
  userId: "U1",
  canManage: true,
};
const gaza = { platform: "slack", channelId: "C9", story: "gaza-2025" };

beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock("2026-03-02T10:00:00Z");
});
afterEach(async () => {
  await store.close();
});

describe("/curators", () => {
  it("takes set, off or show, and one story's id", () => {
    expect(curatorsOptions.parse({ action: "set", story: "gaza-2025" })).toEqual({
      action: "set",
      story: "gaza-2025",
    });
    expect(curatorsOptions.safeParse({ action: "on" }).success).toBe(false);
    expect(curatorsOptions.safeParse({ story: "Gaza 2025" }).success).toBe(false);
  });

  it("keeps the channel as a leads subscription of the story from now, and says when it started", async () => {
    const reply = await curators(deps(), manager, { action: "set" });
    expect(renderText(reply)).toContain("new leads found since");
    expect(await store.subscription(gaza)).toMatchObject({ kind: "leads", workspaceId: "T1", active: true });
    expect((await store.subscription(gaza))?.since.toISOString()).toBe("2026-03-02T10:00:00.000Z");
  });

  it("keeps its start when set again, and answers that it already is the curators' channel", async () => {
    await curators(deps(), manager, { action: "set" });
    clock.set("2026-03-03T10:00:00Z");
    const reply = await curators(deps(), manager, { action: "set" });
    expect(reply.title).toBe("Curators' channel");
    expect((await store.subscription(gaza))?.since.toISOString()).toBe("2026-03-02T10:00:00.000Z");
  });

  it("refuses someone who may not manage the channel, whatever the action", async () => {
    for (const action of ["set", "off", "show"] as const) {
      const reply = await curators(deps(), { ...manager, canManage: false }, { action });
      expect(reply).toMatchObject({ kind: "error", code: "not-allowed", ephemeral: true });
    }
  });

  it("refuses a readers' channel of the story and leaves it one; a readers' channel of another story is free", async () => {
    await store.subscribe({ ...gaza, workspaceId: "T1", kind: "reminders" }, clock.now());
    const reply = await curators(deps(), manager, { action: "set" });
    expect(reply).toMatchObject({ kind: "error", code: "readers-channel", ephemeral: true });
    expect(await store.subscription(gaza)).toMatchObject({ kind: "reminders" });
    await store.subscribe({ ...gaza, story: "other-2025", workspaceId: "T1", kind: "all" }, clock.now());
    await store.deactivate(gaza, "test", clock.now());
    expect((await curators(deps(), manager, { action: "set" })).kind).toBe("answer");
  });

  it("turns off only the curators' channel of the story", async () => {
    await curators(deps(), manager, { action: "set" });
    await store.subscribe({ ...gaza, story: "other-2025", workspaceId: "T1", kind: "all" }, clock.now());
    await curators(deps(), manager, { action: "off" });
    expect(await store.subscription(gaza)).toMatchObject({
      active: false,
      deactivationReason: "curators off by U1",
    });
    expect(await store.subscription({ ...gaza, story: "other-2025" })).toMatchObject({ active: true });
  });
});
