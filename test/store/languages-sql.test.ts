/**
 * Languages, as languages-sql.ts (each person's choice) and subscriptions-sql.ts (each subscription's)
 * keep them in either dialect: the Store contract's languages section, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeLanguagesContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("languages_test");
afterAll(() => schemas.dropAll());

describeLanguagesContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeLanguagesContract("postgres", () => schemas.open());
