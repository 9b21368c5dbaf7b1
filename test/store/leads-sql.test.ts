/**
 * Leads and feed states, as leads-sql.ts keeps them in either dialect: the Store contract's section on
 * them, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeLeadsContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("leads_test");
afterAll(() => schemas.dropAll());

describeLeadsContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeLeadsContract("postgres", () => schemas.open());
