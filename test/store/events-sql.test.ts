/**
 * Scheduled events' rows, as events-sql.ts keeps them in either dialect: the Store contract's section
 * on them, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeEventsContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("events_test");
afterAll(() => schemas.dropAll());

describeEventsContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeEventsContract("postgres", () => schemas.open());
