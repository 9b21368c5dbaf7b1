/** The desk's review of a story as of an instant, over HTTP: every event readers could see then. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeskRig, logIn, startDeskRig } from "../support/harness/desk.js";
import { shippedData } from "../support/index.js";

let rig: DeskRig;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  rig = await startDeskRig({ at: "2026-07-02T12:00:00Z" });
  session = await logIn(rig.url);
}, 30_000);
afterAll(async () => {
  await rig.close();
});

/** The review page at an instant, its text with hono's escapes read back. */
async function review(at: string): Promise<string> {
  const res = await fetch(`${rig.url}/desk/stories/gaza-2025?at=${encodeURIComponent(at)}`, {
    headers: { cookie: session.cookie },
  });
  expect(res.status).toBe(200);
  return (await res.text())
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The events section of a review page: its heading's count and its items. */
function eventsOf(page: string): { total: number; items: string[] } {
  const section = /<h2>Events \((\d+)\)<\/h2>\s*<ul>([\s\S]*?)<\/ul>/.exec(page);
  const items = [...(section?.[2] ?? "").matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? "");
  return { total: Number(section?.[1]), items };
}

describe("the review of a story", () => {
  it("lists every event visible at the instant, also those after one reported later than it happened", async () => {
    // The attack of 7 October 2023 heads the timeline but is known only from the article of 28 February.
    const at = "2025-02-20T12:00:00Z";
    const timeline = shippedData().byId.get("gaza-2025")?.timeline;
    const t = Date.parse(at);
    const visible = timeline?.items.filter((e) => e.visibleFrom <= t) ?? [];
    // The point of the test: an event not yet shown sits among the visible ones.
    expect(timeline?.items.slice(0, visible.length).some((e) => e.visibleFrom > t)).toBe(true);
    const { total, items } = eventsOf(await review(at));
    expect(total).toBe(visible.length);
    expect(items).toHaveLength(visible.length);
    expect(items.at(-1)).toContain(visible.at(-1)?.title);
  });
});
