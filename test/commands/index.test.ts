/** The command list: every slash command of the bot, listed (never found by scanning), in the order /help lists them. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands, registry } from "../../commands/index.js";
import { repoRoot } from "../support/index.js";

describe("the command list", () => {
  it("lists the commands in the order /help shows them", () => {
    expect(commands.map((c) => c.name)).toEqual([
      "phase",
      "captives",
      "timeline",
      "deadlines",
      "calendar",
      "figures",
      "parties",
      "claims",
      "sources",
      "subscribe",
      "unsubscribe",
      "subscriptions",
      "curators",
      "language",
      "help",
    ]);
  });

  it("lists every command file of commands/, each named after its command", () => {
    const files = readdirSync(join(repoRoot, "commands")).filter(
      (f) => f.endsWith(".ts") && f !== "index.ts",
    );
    expect(files.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  it("is the registry the bot answers from, each command found by its name", () => {
    expect(registry.list.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of commands) expect(registry.get(c.name)?.name).toBe(c.name);
    expect(registry.get("nope")).toBeUndefined();
  });
});
