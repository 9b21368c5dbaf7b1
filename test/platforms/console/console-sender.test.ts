/**
 * The console's Sender: alerts printed on its stream. It has no history, so it finds by marker only
 * what it printed itself in this process.
 */
import { describe, expect, it } from "vitest";
import { ConsoleSender } from "../../../src/platforms/console/console-sender.js";
import type { Reply } from "../../../src/reply/reply.js";

const reply: Reply = { kind: "answer", title: "Phase one ends tomorrow", ephemeral: false };

function printer() {
  let printed = "";
  return { out: { write: (text: string) => (printed += text) }, printed: () => printed };
}

describe("the console sender", () => {
  it("prints each alert as text between blank lines, numbering the messages", async () => {
    const p = printer();
    const sender = new ConsoleSender(p.out);
    expect(await sender.send("console", reply, "m1")).toEqual({ messageId: "1" });
    expect(await sender.send("console", reply, "m2")).toEqual({ messageId: "2" });
    expect(p.printed()).toBe("\nPhase one ends tomorrow\n=======================\n".repeat(2));
  });

  it("renders with the renderer it is given", async () => {
    const p = printer();
    await new ConsoleSender(p.out, (r) => `<${r.title}>`).send("console", reply, "m");
    expect(p.printed()).toBe("\n<Phase one ends tomorrow>\n");
  });

  it("finds what it printed by channel and marker, and nothing else", async () => {
    const sender = new ConsoleSender(printer().out);
    await sender.send("console", reply, "m1");
    expect(await sender.findByMarker("console", "m1")).toBe("1");
    expect(await sender.findByMarker("console", "m2")).toBeUndefined();
    expect(await sender.findByMarker("other", "m1")).toBeUndefined();
  });

  it("is not idempotent, and calls every failure a rejection", () => {
    const sender = new ConsoleSender(printer().out);
    expect(sender).toMatchObject({ platform: "console", idempotent: false });
    expect(sender.classify(new Error("disk full"))).toMatchObject({ type: "rejected" });
    expect(sender.classify(new Error("disk full")).reason).toContain("disk full");
  });
});
