/** A bounded map whose entries are kept until an instant. */
import { describe, expect, it } from "vitest";
import { Expiring, keptCall } from "../../src/time/expiring.js";

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

  it("makes one call for callers arriving together, and asks again once a call has failed", async () => {
    const kept = new Expiring<Promise<string>>(10);
    let calls = 0;
    const ask = async () => {
      calls++;
      if (calls === 1) throw new Error("away");
      return `answer ${calls}`;
    };
    const failed = () => "unknown";
    const first = await Promise.all([
      keptCall(kept, "u", 0, 1_000, ask, failed),
      keptCall(kept, "u", 0, 1_000, ask, failed),
    ]);
    expect(first).toEqual(["unknown", "unknown"]);
    expect(await keptCall(kept, "u", 1, 1_000, ask, failed)).toBe("answer 2");
    expect(await keptCall(kept, "u", 2, 1_000, ask, failed)).toBe("answer 2");
    expect(await keptCall(kept, "u", 1_000, 2_000, ask, failed)).toBe("answer 3");
    expect(calls).toBe(3);
  });
});
