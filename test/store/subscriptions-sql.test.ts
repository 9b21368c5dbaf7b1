/**
 * Subscriptions, as subscriptions-sql.ts keeps them in either dialect: the Store contract's
 * subscriptions section, on SQLite and on PostgreSQL.
 */
import { join } from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";
import { describeSubscriptionsContract, TestSchemas, tempDir } from "../support/index.js";

const schemas = new TestSchemas("subscriptions_test");
afterAll(() => schemas.dropAll());

describeSubscriptionsContract("sqlite", async () => SqliteStore.open(join(tempDir(), "store.sqlite")));
describeSubscriptionsContract("postgres", () => schemas.open());
