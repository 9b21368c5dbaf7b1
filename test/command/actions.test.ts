/** Button ids: a command and its options, compact enough for Discord's 100-character custom_id. */
import { describe, expect, it } from "vitest";
import { decodeAction, encodeAction, MAX_ACTION_ID } from "../../src/command/actions.js";
import { run } from "../fixtures/story.js";

describe("action ids", () => {
  it("encode compactly", () => {
    expect(encodeAction({ command: "timeline", options: { page: "2", from: "2025-01-01" } })).toBe(
      "cf1:timeline:page=2&from=2025-01-01",
    );
    expect(encodeAction({ command: "help", options: {} })).toBe("cf1:help:");
  });

  it("decode back to the command and raw options", () => {
    const cases: Record<string, string>[] = [
      {},
      { page: "2" },
      { from: "2025-01-01", to: "2025-03-01", tag: "phase-one", page: "10000", story: "gaza-2025" },
      { tag: "a&b=c d", note: "Sa'ar: “common ground”?", empty: "" },
    ];
    for (const options of cases) {
      const id = encodeAction({ command: "timeline", options });
      expect(decodeAction(id), id).toEqual({ command: "timeline", options });
    }
  });

  it("ignores ids that are not ours", () => {
    expect(decodeAction("other:timeline:page=2")).toBeUndefined();
    expect(decodeAction("cf1:")).toBeUndefined();
    expect(decodeAction("cf1:Timeline:page=2")).toBeUndefined();
    expect(decodeAction("")).toBeUndefined();
  });

  it("allows exactly 100 characters and refuses more", () => {
    const prefix = "cf1:timeline:tag=";
    const fits = "x".repeat(MAX_ACTION_ID - prefix.length);
    expect(encodeAction({ command: "timeline", options: { tag: fits } })).toHaveLength(MAX_ACTION_ID);
    expect(() => encodeAction({ command: "timeline", options: { tag: `${fits}x` } })).toThrow(
      "button id longer than 100 characters",
    );
  });

  it("fit the timeline's buttons with every filter set", () => {
    const reply = run(
      "timeline",
      { from: "2023-10-07", to: "2025-03-09", tag: "phase-one", story: "gaza-2025", page: "1" },
      "2025-02-28T10:00:00Z",
      { timelinePageSize: 1 },
    );
    expect(reply.buttons).toHaveLength(2);
    for (const b of reply.buttons ?? []) {
      const id = encodeAction(b);
      expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
      expect(decodeAction(id)).toEqual({ command: b.command, options: b.options });
    }
  });
});
