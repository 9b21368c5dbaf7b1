import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/dataset/dataset.js";
import { LiveDataset } from "../../../src/dataset/live.js";
import { createLogger } from "../../../src/log.js";
import { suggest } from "../../../src/platforms/discord/autocomplete.js";

let dataset: Dataset;
beforeAll(async () => {
  const live = await LiveDataset.open("data", createLogger("silent"));
  dataset = live.dataset;
  live.close();
});

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
