/**
 * What the desk's routes share: the story a URL names (only an id of the loaded dataset, never a
 * path), and the context commands run in as of an instant, for previews.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../src/config.js";
import { contextAt, type Env, storyOf } from "../../src/desk/context.js";
import { registry, shippedData } from "../support/index.js";

const dataset = shippedData();

describe("the story a URL names", () => {
  const app = new Hono<Env>();
  app.get("/desk/stories/:id", (c) => c.text(storyOf(dataset, c)?.story.id ?? "none"));

  it("is the dataset's story of that id, and none for any other", async () => {
    expect(await (await app.request("/desk/stories/gaza-2025")).text()).toBe("gaza-2025");
    expect(await (await app.request("/desk/stories/..%2Fdata")).text()).toBe("none");
    expect(await (await app.request("/desk/stories/constructor")).text()).toBe("none");
  });
});

describe("the context of a preview", () => {
  it("runs the commands on the dataset at the instant given, with the settings and every command", () => {
    const at = new Date("2025-02-28T10:00:00Z");
    const context = contextAt(dataset, at, defaultSettings);
    expect(context.dataset).toBe(dataset);
    expect(context.clock.now()).toEqual(at);
    expect(context.settings).toBe(defaultSettings);
    expect(context.commands.map((c) => c.name)).toEqual(registry.list.map((c) => c.name));
  });
});
