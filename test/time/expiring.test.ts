/** A bounded map whose entries are kept until an instant. */
import { describe, expect, it } from "vitest";
import { Expiring } from "../../src/time/expiring.js";

describe("an expiring map", () => {
  it("gives an entry until its end, then none", () => {
    const kept = new Expiring<string>(10);
    kept.set("a", "x", 1_000);
    expect(kept.get("a", 999)).toEqual({ value: "x", until: 1_000 });
    expect(kept.get("a", 1_000)).toBeUndefined();
  });

  it("keeps undefined as a value, told apart from no entry", () => {
    const kept = new Expiring<string | undefined>(10);
    kept.set("a", undefined, 1_000);
    expect(kept.get("a", 0)).toEqual({ value: undefined, until: 1_000 });
    expect(kept.get("b", 0)).toBeUndefined();
  });

  it("drops the entry set longest ago past its capacity, a set again counting as new", () => {
    const kept = new Expiring<number>(2);
    kept.set("a", 1, 1_000);
    kept.set("b", 2, 1_000);
    kept.set("a", 3, 1_000);
    kept.set("c", 4, 1_000);
    expect(kept.size).toBe(2);
    expect(kept.get("b", 0)).toBeUndefined();
    expect(kept.get("a", 0)?.value).toBe(3);
    kept.delete("a");
    expect(kept.get("a", 0)).toBeUndefined();
  });
});
