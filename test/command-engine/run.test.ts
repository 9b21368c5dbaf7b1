/** runCommand: validation, the handler, and every failure as an ephemeral error reply. */
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineCommand } from "../../src/command-engine/definition.js";
import { createRegistry, runCommand } from "../../src/command-engine/run.js";
import type { Reply } from "../../src/reply/reply.js";
import { contextAt, DURING, registry } from "../support/index.js";

const ok: Reply = { kind: "answer", title: "ok", ephemeral: false };

const broken = defineCommand({
  name: "broken",
  description: "always fails",
  options: z.object({ n: z.int().optional() }),
  handle() {
    throw new Error("secret internal detail");
  },
});
const echo = defineCommand({
  name: "echo",
  description: "echoes its options",
  options: z.object({ n: z.int().min(1).max(9).optional() }),
  handle: (options) => ({ ...ok, title: `n=${options.n}` }),
});
const testRegistry = createRegistry([broken, echo]);

describe("runCommand", () => {
  it("turns a throwing handler into an ephemeral error and logs it", () => {
    const log = { error: vi.fn() };
    const reply = runCommand(testRegistry, "broken", {}, contextAt(DURING), log);
    expect(reply).toEqual({
      kind: "error",
      code: "internal",
      title: "Something went wrong",
      summary: ["The bot failed on our side. The error was logged; please try again later."],
      ephemeral: true,
    });
    expect(JSON.stringify(reply)).not.toContain("secret internal detail");
    expect(log.error).toHaveBeenCalledTimes(1);
    const [obj, msg] = log.error.mock.calls[0] ?? [];
    expect(msg).toBe("command handler failed");
    expect(obj).toMatchObject({ command: "broken", code: "internal" });
    expect((obj as { err: Error }).err.message).toBe("secret internal detail");
  });

  it("does not throw without a logger", () => {
    expect(runCommand(testRegistry, "broken", {}, contextAt(DURING)).kind).toBe("error");
  });

  it("answers an unknown command with the list of commands", () => {
    expect(runCommand(registry, "hostages", {}, contextAt(DURING))).toEqual({
      kind: "error",
      code: "unknown-command",
      title: "Unknown command",
      summary: [
        `There is no \`/hostages\` command. Try ${registry.list.map((c) => `\`/${c.name}\``).join(", ")}.`,
      ],
      ephemeral: true,
    });
  });

  it("answers invalid options with an ephemeral error naming the option", () => {
    expect(runCommand(testRegistry, "echo", { n: "x" }, contextAt(DURING))).toEqual({
      kind: "error",
      code: "invalid-option",
      title: "Invalid option for /echo",
      summary: ['Option `n` must be a whole number from 1 to 9 (got "x").'],
      ephemeral: true,
    });
  });

  it("passes converted options to the handler", () => {
    expect(runCommand(testRegistry, "echo", { n: "7" }, contextAt(DURING)).title).toBe("n=7");
  });

  it("makes a reply ephemeral with private:true, and only then", () => {
    expect(runCommand(testRegistry, "echo", { private: "true" }, contextAt(DURING)).ephemeral).toBe(true);
    expect(runCommand(testRegistry, "echo", {}, contextAt(DURING)).ephemeral).toBe(false);
    expect(runCommand(registry, "captives", { private: "true" }, contextAt(DURING)).ephemeral).toBe(true);
    expect(runCommand(registry, "captives", {}, contextAt(DURING)).ephemeral).toBe(false);
  });
});
