/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else a SQLite file in
 * DATA_DIR, created on first start.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, SQLITE_FILE } from "../../src/store/open.js";
import { pgUrl, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("open_test");
afterAll(() => schemas.dropAll());

describe("the store the configuration asks for", () => {
  it("is a SQLite file in DATA_DIR, created on first start, when DATABASE_URL is not set", async () => {
    const dir = join(tempDir(), "data");
    const store = await openStore({ DATA_DIR: dir, DATABASE_URL: undefined });
    expect(store.engine).toBe("sqlite");
    expect(existsSync(join(dir, SQLITE_FILE))).toBe(true);
    expect(SQLITE_FILE).toBe("ceasefire-bot.sqlite");
    await store.close();
  });

  it("is PostgreSQL at DATABASE_URL when it is set, with no SQLite file written", async () => {
    const schema = schemas.next("url");
    const client = await schemas.client();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const url = new URL(pgUrl);
    url.searchParams.set("options", `-c search_path=${schema}`);
    const dir = join(tempDir(), "data");
    const store = await openStore({ DATA_DIR: dir, DATABASE_URL: url.toString() });
    expect(store.engine).toBe("postgres");
    await expect(store.ping()).resolves.toBeUndefined();
    expect(existsSync(join(dir, SQLITE_FILE))).toBe(false);
    await store.close();
  });
});
