/** Calls made in one turn of the event loop, run as one statement, each with its own answer. */
import { describe, expect, it } from "vitest";
import { TurnBatch } from "../../src/store/turn-batch.js";

/** A batch whose statements double each number, recording what each statement held. */
function doubling(max = 100, fail?: (items: number[]) => boolean) {
  const statements: number[][] = [];
  const batch = new TurnBatch<number, number>({
    run: async (items) => {
      statements.push(items);
      if (fail?.(items)) throw new Error("the statement failed");
      return items.map((n) => n * 2);
    },
    keyOf: (n) => String(n),
    max,
  });
  return { batch, statements };
}

describe("a turn's batch", () => {
  it("runs the calls of one turn as one statement, and gives each its own answer", async () => {
    const { batch, statements } = doubling();
    const answers = await Promise.all([1, 2, 3].map((n) => batch.add(n)));
    expect(answers).toEqual([2, 4, 6]);
    expect(statements).toEqual([[1, 2, 3]]);
  });

  it("runs a call about a row already in the statement in the next one, after it", async () => {
    const { batch, statements } = doubling();
    await Promise.all([1, 2, 1, 1].map((n) => batch.add(n)));
    expect(statements).toEqual([[1, 2], [1], [1]]);
  });

  it("holds no more than its maximum in one statement", async () => {
    const { batch, statements } = doubling(2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => batch.add(n)));
    expect(statements).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("fails each call of a statement that failed, and only those", async () => {
    const { batch } = doubling(2, (items) => items.includes(3));
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => batch.add(n)));
    expect(settled.map((s) => s.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
  });

  it("runs calls of a later turn as a statement of their own", async () => {
    const { batch, statements } = doubling();
    await batch.add(1);
    await batch.add(2);
    expect(statements).toEqual([[1], [2]]);
  });
});
