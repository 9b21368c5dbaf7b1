/**
 * The record of changes, as edit-record-sql.ts keeps it in either dialect: the Store contract's
 * section on it, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeChangesContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("edit_record_test");
afterAll(() => schemas.dropAll());

describeChangesContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeChangesContract("postgres", () => schemas.open());
