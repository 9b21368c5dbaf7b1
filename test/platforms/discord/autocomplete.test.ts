import { describe, expect, it } from "vitest";
import { optionValues, shortKey, suggestions } from "../../../src/command-engine/choices.js";
import { runCommand } from "../../../src/command-engine/run.js";
import type { Dataset } from "../../../src/dataset/dataset.js";
import { discordChoices, type Suggestion } from "../../../src/platforms/discord/autocomplete.js";
import { plainText } from "../../../src/reply/reply.js";
import {
  ARTICLE_KNOWN,
  contextAt,
  datasetOf,
  registry,
  shippedData,
  suggestionViolations,
  truceContext,
  truceStory,
} from "../../support/index.js";

const dataset = shippedData();

/** The command whose suggestions each option is tried on (each command suggests its own options). */
const SUGGESTED_BY: Record<string, string> = {
  tag: "timeline",
  story: "sources",
  phase: "phase",
  figure: "figures",
  party: "claims",
  page: "timeline",
};

/** What Discord is offered for `option` as `typed` is typed, with the story filled in, if any. */
function suggest(dataset: Dataset, option: string, typed: string, storyId?: string): Suggestion[] {
  const def = registry.get(SUGGESTED_BY[option] ?? "");
  const filled = storyId ? { story: storyId } : {};
  return discordChoices(suggestions(def, option, typed, filled, contextAt(ARTICLE_KNOWN, {}, dataset)));
}

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
    for (const option of ["tag", "party", "story", "phase", "figure"]) {
      const def = registry.get(SUGGESTED_BY[option] ?? "");
      const values = optionValues(def, option, {}, contextAt(ARTICLE_KNOWN, {}, long)).map((c) => c.value);
      for (const { value } of suggest(long, option, "")) {
        expect(
          values.includes(value) || values.some((v) => shortKey(v) === value),
          `${option}: ${value}`,
        ).toBe(true);
      }
    }
  });
});
