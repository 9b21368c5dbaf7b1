/** Button ids: a command and its options, compact enough for Discord's 100-character custom_id. */
import { describe, expect, it } from "vitest";
import { decodeAction, encodeAction, MAX_ACTION_ID } from "../../src/command-engine/actions.js";
import { shortKey } from "../../src/command-engine/choices.js";
import { runCommand } from "../../src/command-engine/run.js";
import { isCommandButton, plainText } from "../../src/reply/reply.js";
import { datasetOf, registry, run, truceContext, truceStory } from "../support/index.js";

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

  it("allows exactly 100 characters, then writes a value from the data as its short key", () => {
    const prefix = "cf1:timeline:tag=";
    const fits = "x".repeat(MAX_ACTION_ID - prefix.length);
    expect(encodeAction({ command: "timeline", options: { tag: fits } })).toHaveLength(MAX_ACTION_ID);
    expect(encodeAction({ command: "timeline", options: { tag: `${fits}x`, page: "2" } })).toBe(
      `cf1:timeline:tag=${shortKey(`${fits}x`)}&page=2`,
    );
  });

  it("refuses an id that cannot fit when no value from the data can give way", () => {
    expect(() => encodeAction({ command: "timeline", options: { note: "x".repeat(100) } })).toThrow(
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
    for (const b of (reply.buttons ?? []).filter(isCommandButton)) {
      const id = encodeAction(b);
      expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
      expect(decodeAction(id)).toEqual({ command: b.command, options: b.options });
    }
  });
});

describe("paging buttons for a tag longer than an id can hold", () => {
  const longTag = `talks-${"and-more-talks-".repeat(10)}end`;
  const dataset = datasetOf(
    truceStory((s) => {
      for (const e of s.events) e.tags = [longTag];
    }),
  );
  const truce = truceContext("2025-03-01T10:00:00Z", dataset);
  const context = { ...truce, settings: { ...truce.settings, timelinePageSize: 2 } };
  const press = (id: string) => {
    const action = decodeAction(id);
    if (!action) throw new Error(`not a button id: ${id}`);
    return runCommand(registry, action.command, action.options, context);
  };

  it("keeps Previous and Next within 100 characters, and pressing Next shows page 2 of the tag", () => {
    const first = runCommand(registry, "timeline", { tag: longTag }, context);
    expect(first.buttons).toHaveLength(2);
    const next = encodeAction(first.buttons?.filter(isCommandButton)[1] ?? { command: "", options: {} });
    expect(next.length).toBeLessThanOrEqual(MAX_ACTION_ID);
    expect(next).toContain(`tag=${shortKey(longTag)}`);
    const page2 = press(next);
    expect(page2.kind).toBe("answer");
    expect(plainText(page2.summary ?? [])).toBe(`4 events tagged ${longTag} · page 2 of 2`);
  });

  it("says the value is gone when the data no longer has the tag its key stands for", () => {
    const reply = press(`cf1:timeline:tag=${shortKey("a-tag-nobody-has")}&page=2`);
    expect(reply).toMatchObject({ kind: "error", title: "Invalid option for /timeline" });
    expect(reply.summary).toEqual([
      "Option `tag` stands for a value that is no longer in the data. Run the command again.",
    ]);
  });
});
