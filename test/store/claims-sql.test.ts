/**
 * Claims held by a process, with an owner and a lease, as claims-sql.ts takes, retakes, renews
 * and ends them in either dialect: the Store contract's claims section, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeClaimsContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("claims_test");
afterAll(() => schemas.dropAll());

describeClaimsContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeClaimsContract("postgres", () => schemas.open());
