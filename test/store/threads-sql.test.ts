/**
 * Threads, as threads-sql.ts keeps them in either dialect: the Store contract's threads section, on
 * SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeThreadsContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("threads_test");
afterAll(() => schemas.dropAll());

describeThreadsContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeThreadsContract("postgres", () => schemas.open());
