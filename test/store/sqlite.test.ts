import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { tempDir } from "../support/index.js";

describe("SqliteStore", () => {
  it("creates the file and its folder, migrates once, and reopens the same data", async () => {
    const path = join(tempDir(), "nested", "dir", "bot.sqlite");
    const first = SqliteStore.open(path);
    expect(existsSync(path)).toBe(true);
    expect(await first.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await first.subscribe(
      { platform: "console", channelId: "console", story: "*", workspaceId: "console", kind: "all" },
      new Date(0),
    );
    await first.close();

    const again = SqliteStore.open(path);
    expect(await again.migrations()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await again.activeSubscriptions()).map((s) => s.channelId)).toEqual(["console"]);
    await again.close();
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
