/**
 * The desk's review of a story as of an instant, over HTTP: every event readers could see then, in the
 * wording they got, and every statement with its evidence beside it (the quote and its source), by
 * the statements list `validate` checks (src/dataset/statements.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementsOf } from "../../src/dataset/statements.js";
import { type DeskRig, logIn, startDeskRig } from "../support/harness/desk.js";
import { shippedData, shippedStory } from "../support/index.js";

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

  it("shows an event in the wording of the latest report out by then, with that report's quote and source", async () => {
    const event = shippedStory().events.find((e: { id: string }) => e.id === "ceasefire-agreement-announced");
    const [first, second] = event.updates;
    const on16 = eventsOf(await review("2025-01-16T12:00:00Z")).items.find((i) => i.includes(event.title));
    expect(on16).toContain(first.description);
    expect(on16).toContain(first.evidence);
    expect(on16).toContain("(<code>hindustantimes-2025-01-16</code>)");
    expect(on16).not.toContain(event.evidence);
    const on17 = eventsOf(await review("2025-01-17T12:00:00Z")).items.find((i) => i.includes(event.title));
    expect(on17).toContain(second.evidence);
    expect(on17).toContain("(<code>thesouthasiantimes-2025-01-17</code>)");
  });

  it("shows beside every figure value, claim, phase, deadline and status the quote it rests on and its source", async () => {
    const page = await review("2026-07-02T12:00:00Z");
    const story = shippedData().byId.get("gaza-2025");
    if (!story) throw new Error("no gaza-2025");
    const shown = new Set(["figure-value", "claim", "phase", "phase-status", "deadline", "deadline-status"]);
    const statements = statementsOf(story).filter((s) => shown.has(s.kind) && s.evidence);
    expect(statements.length).toBeGreaterThan(150);
    const missing = statements.filter((s) => {
      const source = story.sourcesById.get(s.sourceIds[0] ?? "");
      const beside = `<blockquote dir="auto"${source?.url ? ` cite="${source.url}"` : ""}>${s.evidence}</blockquote>`;
      return !page.includes(beside) || !page.includes(`(<code>${source?.id}</code>)`);
    });
    expect(missing.map((s) => s.path)).toEqual([]);
  });

  it("shows the summary, each party's and person's current role with their evidence", async () => {
    const page = await review("2026-07-02T12:00:00Z");
    const raw = shippedStory();
    expect(page).toContain(raw.story.summary.at(-1).evidence);
    for (const person of raw.people) {
      const roles = typeof person.role === "string" ? [{ evidence: person.evidence }] : person.role;
      expect(page, person.id).toContain(roles.at(-1).evidence);
    }
    for (const party of raw.parties) {
      const roles = Array.isArray(party.roles) && typeof party.roles[0] === "object" ? party.roles : [party];
      expect(page, party.id).toContain(roles.at(-1).evidence);
    }
  });
});
