/**
 * Shared time windows, as windows-sql.ts keeps them in either dialect: the Store contract's windows
 * section, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeWindowsContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("windows_test");
afterAll(() => schemas.dropAll());

describeWindowsContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeWindowsContract("postgres", () => schemas.open());
