/**
 * Moving between stories: every page carries a switcher (a labelled select and a button, no script)
 * with the page's story chosen, and /desk/switch opens the same view of the story chosen, keeping the
 * instant shown; only ids of the loaded dataset are ever opened.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Env } from "../../src/desk/context.js";
import { placeOf, storySwitcher, switcherRoute } from "../../src/desk/story-switcher.js";
import { shippedStory, truceDataset } from "../support/index.js";

const gaza = shippedStory();
gaza.story.default = false;
const dataset = truceDataset(gaza);

function app() {
  const a = new Hono<Env>();
  a.get("/desk/*", (c, next) => (c.req.path === "/desk/switch" ? next() : c.html(storySwitcher(dataset, c))));
  a.route(
    "/",
    switcherRoute(
      () => dataset,
      (c, _title, body, status = 200) => c.html(body, status),
    ),
  );
  return a;
}

describe("where a page is", () => {
  it("is its story and its view, from its path", () => {
    expect(placeOf("/desk/stories/truce")).toEqual({ story: "truce", view: "" });
    expect(placeOf("/desk/stories/truce/preview")).toEqual({ story: "truce", view: "preview" });
    expect(placeOf("/desk/stories/truce/edit/event")).toEqual({ story: "truce", view: "edit/event" });
    expect(placeOf("/desk/stories/truce/leads")).toEqual({ story: "truce", view: "leads" });
    expect(placeOf("/desk/stories/truce/feeds")).toEqual({ story: "truce", view: "feeds" });
    expect(placeOf("/desk/")).toBeUndefined();
    expect(placeOf("/desk/stories/truce/other")).toBeUndefined();
  });
});

describe("the switcher", () => {
  it("lists every story by title, the page's own chosen, and carries its view and instant", async () => {
    const page = await (
      await app().request("/desk/stories/gaza-2025/preview?at=2025-02-28T10:00:00Z")
    ).text();
    expect(page).toContain('<label for="story-switch">Go to story</label>');
    expect(page).toContain('<option value="truce" >The invented truce</option>');
    expect(page).toMatch(/<option value="gaza-2025" selected>/);
    expect(page).toContain('<input type="hidden" name="view" value="preview" />');
    expect(page).toContain('<input type="hidden" name="at" value="2025-02-28T10:00:00Z" />');
  });

  it("asks to choose a story on a page of none, and drops an instant that is not one", async () => {
    const page = await (await app().request("/desk/?at=soon")).text();
    expect(page).toContain('<option value="" selected>Choose a story…</option>');
    expect(page).not.toContain('name="at"');
  });
});

describe("switching", () => {
  const go = async (query: string) => {
    const res = await app().request(`/desk/switch?${query}`);
    return { status: res.status, location: res.headers.get("location") };
  };

  it("opens the same view of the story chosen, keeping the instant of a review or a preview", async () => {
    expect(await go("story=truce&view=preview&at=2025-01-26T12:00:00Z")).toEqual({
      status: 303,
      location: "/desk/stories/truce/preview?at=2025-01-26T12%3A00%3A00Z",
    });
    expect(await go("story=truce&view=edit/event&at=2025-01-26T12:00:00Z")).toEqual({
      status: 303,
      location: "/desk/stories/truce/edit/event",
    });
    expect((await go("story=truce&view=leads")).location).toBe("/desk/stories/truce/leads");
    expect((await go("story=truce&view=feeds")).location).toBe("/desk/stories/truce/feeds");
  });

  it("opens the review for a view the desk does not have, and the list when no story is chosen", async () => {
    expect((await go("story=truce&view=edit/nothing")).location).toBe("/desk/stories/truce");
    expect((await go("story=")).location).toBe("/desk/");
  });

  it("opens no story the dataset does not have", async () => {
    expect((await go("story=..%2F..%2Fetc")).status).toBe(404);
  });
});
