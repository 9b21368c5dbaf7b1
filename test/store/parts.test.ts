/**
 * The class both engines share (parts.ts): every Store method but pinging and closing is answered by
 * the one part that holds its SQL. Here on the SQLite engine, one method or so of each part; the contract
 * suite (test/support/store-contract.ts) specifies what each method does on both engines.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoreOnParts } from "../../src/store/parts.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { tempDir } from "../support/index.js";

const at = new Date("2025-03-01T07:00:00Z");
const channel = { platform: "console", channelId: "local" } as const;
let store: SqliteStore;

afterEach(async () => {
  await store?.close();
});

describe("a store on its parts", () => {
  it("is what each engine is", () => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    expect(store).toBeInstanceOf(StoreOnParts);
  });

  it("reaches every part: subscriptions, the ledger's claims and reads, the state, the edit record, the leads", async () => {
    store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
    await store.subscribe({ ...channel, story: "gaza-2025", workspaceId: "w", kind: "reminders" }, at);
    expect((await store.activeSubscriptions()).map((s) => s.channelId)).toEqual(["local"]);

    const entry = {
      key: "gaza-2025:phase-one-end:1d",
      ...channel,
      kind: "reminder",
      dueAt: at,
      marker: "m",
      summary: "s",
    } as const;
    expect(await store.claim(entry, at)).toBe(true);
    expect((await store.delivery({ key: entry.key, ...channel }))?.summary).toBe("s");

    await store.setState("watermark", "1", at);
    expect(await store.getState("watermark")).toBe("1");

    expect(await store.changes("gaza-2025", 10)).toEqual([]);

    const lead = { story: "gaza-2025", feedId: "wire", outlet: "Wire", title: "t", summary: "" };
    const [added] = await store.addLeads(
      [{ ...lead, link: "https://x.example/a", publishedAt: undefined, matched: [] }],
      at,
    );
    expect(await store.leadCounts("gaza-2025")).toEqual({ new: 1, used: 0, dismissed: 0 });
    expect(added && (await store.decideLead(added.id, { state: "dismissed" }, "ana", at))).toBe(true);
    expect(await store.feedStates("gaza-2025")).toEqual([]);
  });
});
