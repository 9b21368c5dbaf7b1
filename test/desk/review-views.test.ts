/**
 * The parts of the review pages: the instant a page shows, the story's tabs, a pager, and the story as
 * readers got it at that instant, each statement with its evidence beside it.
 */
import { describe, expect, it } from "vitest";
import { storyAt } from "../../src/dataset/asof.js";
import { instantOf, pager, reviewSections, storyNav } from "../../src/desk/review-views.js";
import { ManualClock } from "../../src/time/clock.js";
import { shippedData, truceDataset } from "../support/index.js";

const render = async (h: unknown) => String(await h);
const clock = new ManualClock("2025-03-02T08:00:00Z");

describe("the instant a page shows", () => {
  it("is the one its `at` names, else now", () => {
    expect(instantOf("2025-01-26T12:00:00Z", clock).toISOString()).toBe("2025-01-26T12:00:00.000Z");
    expect(instantOf("not a time", clock).toISOString()).toBe("2025-03-02T08:00:00.000Z");
    expect(instantOf(undefined, clock).toISOString()).toBe("2025-03-02T08:00:00.000Z");
  });
});

describe("the story's tabs", () => {
  it("keep the instant on the review and the preview, and open every form", async () => {
    const nav = await render(storyNav("truce", new Date("2025-01-26T12:00:00Z"), 0));
    expect(nav).toContain('<a href="/desk/stories/truce?at=2025-01-26T12%3A00%3A00.000Z">Review</a>');
    expect(nav).toContain(
      '<a href="/desk/stories/truce/preview?at=2025-01-26T12%3A00%3A00.000Z">Preview replies</a>',
    );
    expect(nav).toContain('<a href="/desk/stories/truce/record">Record</a>');
    expect(nav).toContain('<a href="/desk/stories/truce/edit/figure-value">Figure value</a>');
  });

  it("open the story's leads with how many are new, and its feeds", async () => {
    const nav = await render(storyNav("truce", new Date("2025-01-26T12:00:00Z"), 3));
    expect(nav).toContain('<a href="/desk/stories/truce/leads">Leads (3 new)</a>');
    expect(nav).toContain('<a href="/desk/stories/truce/feeds">Feeds</a>');
  });
});

describe("a pager", () => {
  it("links the previous and next pages, none before the first nor after the last", async () => {
    const middle = await render(pager("/desk/stories/truce/record?x=1", 2, 3));
    expect(middle).toContain('<a href="/desk/stories/truce/record?x=1&page=1">Previous</a>');
    expect(middle).toContain("Page 2 of 3");
    expect(middle).toContain('<a href="/desk/stories/truce/record?x=1&page=3">Next</a>');
    expect(await render(pager("/x?y=1", 1, 3))).not.toContain("Previous");
    expect(await render(pager("/x?y=1", 3, 3))).not.toContain("Next");
  });

  it("is nothing for one page", async () => {
    expect(await render(pager("/x?y=1", 1, 1))).toBe("");
  });
});

describe("the story as readers got it", () => {
  const story = truceDataset().defaultStory;

  it("shows what was known then, statements with their evidence, and nothing reported later", async () => {
    const early = await render(reviewSections(storyAt(story, new Date("2025-01-20T12:00:00Z"))));
    expect(early).toContain("<h2>Statements</h2>");
    expect(early).toContain("We agreed.");
    expect(early).not.toContain("The truce holds.");
    expect(early).toContain('<figure class="evidence">');
    const later = await render(reviewSections(storyAt(story, new Date("2025-02-06T12:00:00Z"))));
    expect(later).toContain("The truce holds.");
  });

  it("anchors each figure value, deadline and statement by its path, for links to a saved entry", async () => {
    const view = storyAt(story, new Date("2025-02-06T12:00:00Z"));
    const page = await render(reviewSections(view));
    expect(view.deadlines().length).toBeGreaterThan(0);
    expect(view.claims().length).toBeGreaterThan(0);
    for (const d of view.deadlines()) expect(page).toContain(`<li id="deadlines.${d.deadline.id}">`);
    for (const cl of view.claims()) expect(page).toContain(`<li id="claims.${cl.id}">`);
    // The shipped story's first figure: its values in the file's order.
    const shipped = shippedData().defaultStory;
    const values = await render(reviewSections(storyAt(shipped, new Date("2025-03-02T08:00:00Z"))));
    const figure = shipped.figures[0]?.id;
    expect(values).toContain(`<li id="figures.${figure}.values[0]">`);
    expect(values).toContain(`<li id="figures.${figure}.values[5]">`);
  });
});
