/**
 * The delivery ledger, as ledger-sql.ts reads it in either dialect (its rows claimed and finished
 * by claims-sql.ts): the Store contract's ledger section, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeLedgerContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("ledger_test");
afterAll(() => schemas.dropAll());

describeLedgerContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeLedgerContract("postgres", () => schemas.open());
