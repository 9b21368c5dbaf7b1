/**
 * Each command suggests the values of its own options that come from the data (its definition's
 * `suggest`, beside its options and handler); the core narrows them to what was typed, and the
 * platforms only fit them to their pickers. A value too long for a platform's button or picker stands
 * in as a short key, resolved back to the value among those the command suggests.
 */
import { describe, expect, it } from "vitest";
import {
  DATA_OPTIONS,
  KEY_LENGTH,
  matching,
  optionValues,
  resolveKeys,
  shortKey,
  storyOf,
  suggestions,
} from "../../src/command-engine/choices.js";
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

describe("short keys", () => {
  it("stand for a value as _ and 12 hex digits, the same every time", () => {
    const key = shortKey("a tag far too long to fit in a button's custom id");
    expect(key).toMatch(/^_[0-9a-f]{12}$/);
    expect(key).toHaveLength(KEY_LENGTH);
    expect(shortKey("a tag far too long to fit in a button's custom id")).toBe(key);
  });

  it("are resolved to the value they stand for among the command's suggestions, the story first", () => {
    const timeline = registry.get("timeline");
    if (!timeline) throw new Error("no /timeline");
    const tag = optionValues(timeline, "tag", {}, context)[0]?.value ?? "";
    const resolved = resolveKeys(
      timeline,
      { story: shortKey("gaza-2025"), tag: shortKey(tag), page: 2 },
      context,
    );
    expect(resolved).toEqual({ ok: true, raw: { story: "gaza-2025", tag, page: 2 } });
  });

  it("leave options that are not keys as they are", () => {
    const timeline = registry.get("timeline");
    if (!timeline) throw new Error("no /timeline");
    const raw = { tag: "talks" };
    expect(resolveKeys(timeline, raw, context)).toEqual({ ok: true, raw });
  });

  it("name the option whose value is no longer in the data", () => {
    const timeline = registry.get("timeline");
    if (!timeline) throw new Error("no /timeline");
    expect(resolveKeys(timeline, { tag: shortKey("a tag removed since") }, context)).toEqual({
      ok: false,
      option: "tag",
      message: "Option `tag` stands for a value that is no longer in the data. Run the command again.",
    });
  });
});

describe("the story an option's values come from", () => {
  it("is the one named, by id or by key, else the default story", () => {
    const gaza = shippedStory();
    gaza.story.default = false;
    const dataset = truceDataset(gaza);
    expect(storyOf(dataset, "gaza-2025").story.id).toBe("gaza-2025");
    expect(storyOf(dataset, shortKey("gaza-2025")).story.id).toBe("gaza-2025");
    expect(storyOf(dataset, undefined).story.id).toBe("truce");
    expect(storyOf(dataset, "no-such-story").story.id).toBe("truce");
  });
});
