import { describe, expect, it } from "vitest";
import { choicesFor, shortKey } from "../../../src/command/choices.js";
import { runCommand } from "../../../src/command/run.js";
import { suggest } from "../../../src/platforms/discord/autocomplete.js";
import { plainText } from "../../../src/reply/reply.js";
import {
  datasetOf,
  registry,
  shippedData,
  suggestionViolations,
  truceContext,
  truceStory,
} from "../../support/index.js";

const dataset = shippedData();

describe("discord autocomplete", () => {
  it("suggests the tags that start with what was typed", () => {
    expect(suggest(dataset, "tag", "pha").map((s) => s.value)).toEqual(["phase-one", "phase-two"]);
  });

  it("then suggests values that contain it", () => {
    expect(suggest(dataset, "tag", "two").map((s) => s.value)).toEqual(["phase-two"]);
  });

  it("names phases, figures and stories by their labels too", () => {
    expect(suggest(dataset, "phase", "")[0]).toEqual({ name: "phase-one — Phase one", value: "phase-one" });
    expect(suggest(dataset, "story", "")[0]?.value).toBe("gaza-2025");
    expect(suggest(dataset, "figure", "alive")[0]?.value).toBe("captives-believed-alive");
  });

  it("suggests nothing for options without suggestions or an unknown story", () => {
    expect(suggest(dataset, "page", "1")).toEqual([]);
    expect(suggest(dataset, "tag", "", "no-such-story").length).toBeGreaterThan(0);
  });
});

describe("discord autocomplete with values longer than Discord's 100 characters", () => {
  const longTag = `talks-${"x".repeat(120)}`;
  const longParty = `east-${"y".repeat(110)}`;
  const long = datasetOf(
    truceStory((s) => {
      s.events[1].tags = [longTag, "short"];
      s.parties[2].id = longParty;
      s.parties[2].name = `East, ${"the mediator ".repeat(12)}`;
      s.claims[0].partyIds = ["west", longParty];
    }),
  );

  it("offers a long value as a short key the command accepts, named within 100 characters", () => {
    const [tag] = suggest(long, "tag", "talks");
    expect(tag).toEqual({ name: `${longTag.slice(0, 99)}…`, value: shortKey(longTag) });
    expect(suggestionViolations(suggest(long, "party", ""))).toEqual([]);

    const timeline = runCommand(
      registry,
      "timeline",
      { tag: tag?.value },
      truceContext("2025-03-01T10:00:00Z", long),
    );
    expect(plainText(timeline.summary ?? [])).toBe(`1 event tagged ${longTag} · page 1 of 1`);
  });

  it("finds the statements of a party offered by its key", () => {
    const party = suggest(long, "party", "east").find((s) => s.name.startsWith("east-"));
    expect(party?.value).toBe(shortKey(longParty));
    const claims = runCommand(
      registry,
      "claims",
      { party: party?.value },
      truceContext("2025-03-01T10:00:00Z", long),
    );
    expect(claims.kind).toBe("answer");
    expect(plainText(claims.summary ?? [])).toBe("1 statement, oldest first.");
  });

  it("never offers a value cut short: each is a value of the data, or the key of one", () => {
    const story = long.defaultStory;
    for (const option of ["tag", "party", "story", "phase", "figure"]) {
      const values = choicesFor(long, option, story).map((c) => c.value);
      for (const { value } of suggest(long, option, "")) {
        expect(
          values.includes(value) || values.some((v) => shortKey(v) === value),
          `${option}: ${value}`,
        ).toBe(true);
      }
    }
  });
});
