import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { tempDir } from "../support/index.js";
import { describeStoreContract } from "./contract.js";

describeStoreContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));

describe("SqliteStore", () => {
  it("creates the file and its folder, migrates once, and reopens the same data", async () => {
    const path = join(tempDir(), "nested", "dir", "bot.sqlite");
    const first = SqliteStore.open(path);
    expect(existsSync(path)).toBe(true);
    expect(await first.migrations()).toEqual([1, 2, 3, 4, 5]);
    await first.subscribe(
      { platform: "console", channelId: "console", story: "*", workspaceId: "console", kind: "all" },
      new Date(0),
    );
    await first.close();

    const again = SqliteStore.open(path);
    expect(await again.migrations()).toEqual([1, 2, 3, 4, 5]);
    expect((await again.activeSubscriptions()).map((s) => s.channelId)).toEqual(["console"]);
    await again.close();
  });

  it("carries a subscription made before stories could be chosen over to every story (*)", async () => {
    const path = join(tempDir(), "v1.sqlite");
    const db = new Database(path);
    db.exec(MIGRATIONS[0]?.sqlite ?? "");
    db.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)",
    );
    db.exec("INSERT INTO schema_migrations VALUES (1, 'v1', 0)");
    db.exec(`INSERT INTO subscriptions (platform, channel_id, workspace_id, kind, since_ms, updated_ms)
             VALUES ('discord', '111', 'g1', 'reminders', 0, 0)`);
    db.close();
    const store = SqliteStore.open(path);
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5]);
    expect((await store.activeSubscriptions()).map((s) => [s.channelId, s.story, s.kind])).toEqual([
      ["111", "*", "reminders"],
    ]);
    await store.close();
  });

  it("carries a claim made before claims had leases over as free at once", async () => {
    const path = join(tempDir(), "v2.sqlite");
    const db = new Database(path);
    db.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)",
    );
    for (const m of MIGRATIONS.slice(0, 2)) {
      db.exec(m.sqlite);
      db.prepare("INSERT INTO schema_migrations VALUES (?, ?, 0)").run(m.version, m.name);
    }
    const claimedMs = Date.parse("2025-02-28T07:00:00Z");
    db.prepare(
      `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_ms, marker, summary, owner, attempts, claimed_ms)
       VALUES ('k', 'discord', '111', 'reminder', 'claimed', 0, 'm', 's', 'old:1', 1, ?)`,
    ).run(claimedMs);
    db.close();
    const store = SqliteStore.open(path);
    expect(await store.migrations()).toEqual([1, 2, 3, 4, 5]);
    const [row] = await store.unconfirmed(new Date(claimedMs));
    expect(row?.leaseUntil.toISOString()).toBe("2025-02-28T07:00:00.000Z");
    await store.close();
  });

  it("lets only one of two connections to one file claim a row", async () => {
    const path = join(tempDir(), "shared.sqlite");
    const a = SqliteStore.open(path);
    const b = SqliteStore.open(path);
    const row = {
      key: "k",
      platform: "slack" as const,
      channelId: "C1",
      kind: "reminder" as const,
      dueAt: new Date(0),
      marker: "m",
      summary: "s",
    };
    expect(await a.claim(row, new Date(0))).toBe(true);
    expect(await b.claim(row, new Date(0))).toBe(false);
    await a.close();
    await b.close();
  });
});
