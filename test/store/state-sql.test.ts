/**
 * The scheduler's named values, as state-sql.ts keeps them and changes several in one step in
 * either dialect: the Store contract's state section, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeStateContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("state_test");
afterAll(() => schemas.dropAll());

describeStateContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeStateContract("postgres", () => schemas.open());
