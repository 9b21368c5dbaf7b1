import { describe, expect, it } from "vitest";
import { plainText } from "../../src/reply/reply.js";
import { AFTER, BEFORE, DURING, run } from "../support/index.js";

describe("parties", () => {
  describe.each(Object.entries({ during: DURING, after: AFTER }))("%s phase one", (_label, at) => {
    const reply = run("parties", {}, at);
    const field = (name: string) => {
      const f = reply.fields?.find((x) => x.name === name);
      return f ? plainText(f.value).split("\n") : [];
    };

    it("names Israel and Hamas as the parties to the conflict", () => {
      expect(field("Parties to the conflict")).toEqual(["Israel", "Hamas"]);
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

  it("names on 17 January only the people the announcement named", () => {
    const reply = run("parties", {}, BEFORE);
    expect(reply.fields?.map((f) => f.name)).toEqual(["People"]);
    expect(plainText(reply.fields?.[0]?.value ?? [])).toBe(
      "Joe Biden, US President\nSheikh Mohammed bin Abdulrahman bin Jassim Al-Thani, Qatar's Prime Minister",
    );
  });

  it("adds Turkey as a mediator once the October 2025 deal was reported", () => {
    const mediators = (at: string) =>
      plainText(run("parties", {}, at).fields?.find((f) => f.name === "Mediators")?.value ?? []);
    expect(mediators(AFTER)).not.toContain("Turkey");
    expect(mediators("2025-10-20T10:00:00Z")).toContain("Turkey");
  });
});
