/**
 * Each command suggests the values of its own options that come from the data (its definition's
 * `suggest`, beside its options and handler); the core narrows them to what was typed, and the
 * platforms only fit them to their pickers.
 */
import { describe, expect, it } from "vitest";
import { DATA_OPTIONS, matching, optionValues, suggestions } from "../../src/command-engine/choices.js";
import { optionSpecs, parseOptions } from "../../src/command-engine/options.js";
import { runCommand } from "../../src/command-engine/run.js";
import { contextAt, DURING, registry, shippedStory, truceDataset } from "../support/index.js";

const context = contextAt(DURING);
/** After everything in the data was known: every value of the story is one the commands answer about. */
const later = contextAt("2030-01-01T00:00:00Z");

describe("the commands' suggestions", () => {
  it.each(registry.list.map((def) => [def.name, def] as const))(
    "/%s suggests exactly its options that name something in the data",
    (_name, def) => {
      const fromData = optionSpecs(def.options)
        .map((s) => s.name)
        .filter((name) => DATA_OPTIONS.has(name));
      expect(Object.keys(def.suggest ?? {}).sort()).toEqual(fromData.sort());
    },
  );

  it("offers values each command accepts, once they are known", () => {
    const refused: string[] = [];
    for (const def of registry.list) {
      for (const option of Object.keys(def.suggest ?? {})) {
        const values = optionValues(def, option, {}, later);
        if (values.length === 0) refused.push(`/${def.name} ${option}: nothing suggested`);
        for (const { value } of values) {
          const ok =
            def.kind === "channel"
              ? parseOptions(def, { [option]: value }).ok
              : runCommand(registry, def.name, { [option]: value }, later).kind === "answer";
          if (!ok) refused.push(`/${def.name} ${option}:${value}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it("names values by their label: /claims suggests the parties of the story", () => {
    expect(suggestions(registry.get("claims"), "party", "ham", {}, context)).toEqual([
      { value: "hamas", label: "Hamas" },
    ]);
  });

  it("offers `all` for the story of /subscribe and /unsubscribe only", () => {
    const stories = (name: string) =>
      optionValues(registry.get(name), "story", {}, context).map((c) => c.value);
    expect(stories("subscribe")).toEqual(["gaza-2025", "all"]);
    expect(stories("unsubscribe")).toEqual(["gaza-2025", "all"]);
    expect(stories("timeline")).toEqual(["gaza-2025"]);
  });

  it("draws the other options' values from the story filled in, else the default story", () => {
    const s = shippedStory();
    delete s.story.default;
    // Once every phase of both stories is known.
    const two = contextAt("2030-01-01T00:00:00Z", {}, truceDataset(s));
    const phases = (filled: Record<string, unknown>) =>
      optionValues(registry.get("phase"), "phase", filled, two).map((c) => c.value);
    const ids = (story: string) => two.dataset.byId.get(story)?.phases.map((p) => p.id);
    expect(phases({ story: "gaza-2025" })).toEqual(ids("gaza-2025"));
    expect(phases({})).toEqual(ids("truce"));
    expect(ids("truce")).not.toEqual(ids("gaza-2025"));
  });

  it("suggests nothing for an option its command does not suggest", () => {
    expect(suggestions(registry.get("timeline"), "page", "1", {}, context)).toEqual([]);
    expect(suggestions(registry.get("captives"), "tag", "", {}, context)).toEqual([]);
    expect(suggestions(undefined, "story", "", {}, context)).toEqual([]);
  });
});

describe("matching what was typed", () => {
  const values = [{ value: "phase-one" }, { value: "phase-two" }, { value: "truce", label: "Second phase" }];

  it("puts the values starting with it first, then those or whose labels contain it, ignoring case", () => {
    expect(matching(values, "PHA").map((c) => c.value)).toEqual(["phase-one", "phase-two", "truce"]);
    expect(matching(values, "two").map((c) => c.value)).toEqual(["phase-two"]);
  });

  it("offers every value when nothing is typed yet", () => {
    expect(matching(values, "  ")).toEqual(values);
  });
});

describe("suggestions at an instant", () => {
  it("offers, on 28 February 2025, only values known then, each of which the command accepts", () => {
    const refused: string[] = [];
    for (const def of registry.list) {
      if (def.kind === "channel") continue;
      for (const option of Object.keys(def.suggest ?? {})) {
        if (option === "story") continue;
        for (const { value } of optionValues(def, option, {}, context)) {
          if (runCommand(registry, def.name, { [option]: value }, context).kind !== "answer")
            refused.push(`/${def.name} ${option}:${value}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it("does not offer a party or a tag first reported later", () => {
    const parties = optionValues(registry.get("claims"), "party", {}, context).map((c) => c.value);
    expect(parties).toContain("hamas");
    expect(parties).not.toContain("board-of-peace");
    const tags = optionValues(registry.get("timeline"), "tag", {}, context).map((c) => c.value);
    expect(tags).toContain("phase-one");
    expect(tags).not.toContain("board-of-peace");
    expect(runCommand(registry, "timeline", { tag: "board-of-peace" }, context).code).toBe("unknown-value");
  });
});
