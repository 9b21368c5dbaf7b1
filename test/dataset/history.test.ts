/**
 * Lookups "as of an instant" without scanning: how many sorted instants are at or before t; the entry
 * of a history in force at t, even when a change was reported late; and the items of a long list in
 * display order that are visible at t, counted and paged across its blocks of 64.
 */
import { describe, expect, it } from "vitest";
import { countAtOrBefore, History, VisibleList } from "../../src/dataset/history.js";

const item = (name: string, visibleFrom: number) => ({ name, visibleFrom });

describe("counting sorted instants", () => {
  it("counts those at or before t", () => {
    const sorted = [1, 3, 3, 7];
    expect(countAtOrBefore(sorted, 0)).toBe(0);
    expect(countAtOrBefore(sorted, 3)).toBe(3);
    expect(countAtOrBefore(sorted, 6)).toBe(3);
    expect(countAtOrBefore(sorted, 7)).toBe(4);
    expect(countAtOrBefore([], 7)).toBe(0);
    expect(countAtOrBefore([Number.NEGATIVE_INFINITY], 0)).toBe(1);
  });
});

describe("a history", () => {
  const history = new History([item("first", 10), item("second", 20), item("third", 30)]);

  it("has nothing in force before its first entry is visible", () => {
    expect(history.at(9)).toBeUndefined();
    expect(history.visibleAt(9)).toEqual([]);
  });

  it("has the latest visible entry in force, from the instant it is visible", () => {
    expect(history.at(10)?.name).toBe("first");
    expect(history.at(25)?.name).toBe("second");
    expect(history.at(1_000)?.name).toBe("third");
    expect(history.visibleAt(25).map((e) => e.name)).toEqual(["first", "second"]);
  });

  it("keeps a later entry in force when an earlier change is only reported after it", () => {
    // The second change took effect before the third, but its source came out later.
    const late = new History([item("first", 10), item("reported late", 40), item("third", 30)]);
    expect(late.at(35)?.name).toBe("third");
    expect(late.at(40)?.name).toBe("third");
    expect(late.visibleAt(40).map((e) => e.name)).toEqual(["first", "reported late", "third"]);
  });
});

describe("a visible list", () => {
  // 200 items in display order; item i becomes visible at instant 200 - i (the newest first).
  const items = Array.from({ length: 200 }, (_, i) => item(`e${i}`, 200 - i));
  const list = new VisibleList(items);

  it("counts the items visible at t, in all or in a range of positions, across blocks", () => {
    expect(list.length).toBe(200);
    expect(list.count(0)).toBe(0);
    expect(list.count(100)).toBe(100);
    expect(list.count(1_000)).toBe(200);
    expect(list.count(150, 30, 130)).toBe(80);
  });

  it("pages the visible items in display order, skipping and taking across blocks", () => {
    const page = list.slice(150, 0, 200, 10, 5);
    expect(page.map((e) => e.name)).toEqual(["e60", "e61", "e62", "e63", "e64"]);
    expect(list.slice(150, 0, 200, 140, 5).map((e) => e.name)).toEqual([
      "e190",
      "e191",
      "e192",
      "e193",
      "e194",
    ]);
    expect(list.slice(150, 0, 200, 1_000, 5)).toEqual([]);
  });

  it("gives every visible item of a range", () => {
    expect(list.all(5).map((e) => e.name)).toEqual(["e195", "e196", "e197", "e198", "e199"]);
    expect(list.all(1_000, 190, 195).map((e) => e.name)).toEqual(["e190", "e191", "e192", "e193", "e194"]);
  });

  it("holds items visible from always", () => {
    const always = new VisibleList([item("a", Number.NEGATIVE_INFINITY), item("b", 5)]);
    expect(always.all(0).map((e) => e.name)).toEqual(["a"]);
  });
});
