/**
 * The PostgreSQL store, in a fresh schema per store (test/support/postgres.ts: the server at
 * PGURL_TEST; when it is not reachable these tests fail, never skip, saying how to start it). The
 * Store contract runs on it section by section, in the test file of each part of the store.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { PostgresStore } from "../../src/store/postgres.js";
import { TestSchemas } from "../support/index.js";

const schemas = new TestSchemas("store_test");
afterAll(() => schemas.dropAll());

describe("PostgreSQL for the store tests", () => {
  it("is reachable", async () => {
    const client = await schemas.client();
    expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await client.end();
  });
});

describe("PostgresStore", () => {
  it("keeps every change of the scheduler's state when two processes make them at once", async () => {
    const schema = schemas.next("state");
    const a = await schemas.open(schema);
    const b = await schemas.open(schema);
    const append = (store: PostgresStore, item: string) =>
      store.updateState(
        ["updates.pending"],
        (values) => ({
          set: {
            "updates.pending": JSON.stringify([...JSON.parse(values.get("updates.pending") ?? "[]"), item]),
          },
          result: undefined,
        }),
        new Date(0),
      );
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(i % 2 ? a : b, `u${i}`)));
    const pending = JSON.parse((await a.getState("updates.pending")) ?? "[]") as string[];
    expect(pending.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `u${i}`).sort());
    await a.close();
    await b.close();
  });
});
