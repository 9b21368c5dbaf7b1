import { describe, expect, it } from "vitest";
import { plainText } from "../../src/reply/reply.js";
import { CLOCKS, run } from "../fixtures/story.js";

describe("parties", () => {
  describe.each(Object.entries(CLOCKS))("%s phase one", (_label, at) => {
    const reply = run("parties", {}, at);
    const field = (name: string) => {
      const f = reply.fields?.find((x) => x.name === name);
      return f ? plainText(f.value).split("\n") : [];
    };

    it("names Israel and Hamas as the parties to the ceasefire", () => {
      expect(field("Parties to the ceasefire")).toEqual(["Israel", "Hamas"]);
    });

    it("names Qatar and the United States as mediators", () => {
      expect(field("Mediators").map((l) => l.split(":")[0])).toEqual(["Qatar", "United States"]);
    });

    it("names Egypt as host of the talks in Cairo", () => {
      expect(field("Hosts of talks")).toEqual([
        "Egypt: The phase-two talks take place in Cairo; Egypt's state information service reported them.",
      ]);
    });

    it("names the people as the source describes them", () => {
      expect(field("People")).toContain("Gideon Sa'ar, Israel's foreign minister");
      expect(field("People")).toContain("Steve Witkoff, US President Donald Trump's Middle East envoy");
    });
  });
});
