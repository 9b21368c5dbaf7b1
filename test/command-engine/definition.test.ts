/**
 * What a slash command is: a definition with its name, description, options as a zod object, the
 * values it suggests, and a pure handler `(options, context) => Reply`; a channel command's handler
 * is also told who asked and where, and given the store. The helpers keep a definition as written.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineChannelCommand, defineCommand } from "../../src/command-engine/definition.js";
import { contextAt, DURING, registry } from "../support/index.js";

describe("a command's definition", () => {
  it("is kept as written, its handler answering from the options and the context alone", () => {
    const handle = (options: { n?: number | undefined }) => ({
      kind: "answer" as const,
      title: `n is ${options.n ?? "unset"}`,
      ephemeral: false,
    });
    const def = { name: "echo", description: "says n", options: z.object({ n: z.int().optional() }), handle };
    const defined = defineCommand(def);
    expect(defined).toBe(def);
    expect(defined.handle({ n: 3 }, contextAt(DURING)).title).toBe("n is 3");
  });

  it("of a channel command is kept as written, and says who may run it", () => {
    const def = {
      kind: "channel" as const,
      name: "mute",
      description: "mutes the channel",
      options: z.object({}),
      permission: "manage-channel" as const,
      handle: async () => ({ kind: "answer" as const, title: "muted", ephemeral: true }),
    };
    expect(defineChannelCommand(def)).toBe(def);
  });

  it("of every shipped command has a name, a description and its options as an object schema", () => {
    for (const def of registry.list) {
      expect(def.name, def.name).toMatch(/^[a-z-]+$/);
      expect(def.description.length, def.name).toBeGreaterThan(0);
      expect(def.options).toBeInstanceOf(z.ZodObject);
    }
  });
});
