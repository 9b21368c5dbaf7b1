import { describe, expect, it } from "vitest";
import { CLOCKS, registry, run, runText } from "../support/index.js";

describe("help", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    it("lists every command with its options, private last", () => {
      const reply = run("help", {}, at);
      expect(reply.fields?.map((f) => f.name.split(" ")[0])).toEqual(registry.list.map((c) => `/${c.name}`));
      expect(runText("help", {}, at)).toContain(
        "/timeline [from:…] [to:…] [tag:…] [page:…] [story:…] [private:…]:",
      );
    });

    it("is shown only to the person who asked", () => {
      expect(run("help", {}, at).ephemeral).toBe(true);
      expect(runText("help", {}, at)).toContain("(only you can see this)");
    });
  });

  it("says how options are written", () => {
    expect(runText("help")).toContain(
      "Options are written name:value, like /timeline from:2025-01-01 tag:phase-one.",
    );
  });

  it("takes no options", () => {
    expect(run("help", { story: "gaza-2025" }).summary).toEqual(["/help takes no options (got `story`)."]);
  });
});
