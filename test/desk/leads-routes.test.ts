/**
 * The leads page over HTTP: a story's leads newest first by state, paged, with the count of new ones
 * in the story's tabs; "Dismiss" records who and when (and a line of the edit record), and a lead
 * someone else decided meanwhile is not dismissed again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeskClient, type DeskRig, deskClient, startDeskRig, USER } from "../support/harness/desk.js";
import { newLead } from "../support/index.js";

let rig: DeskRig;
let desk: DeskClient;
const FOUND = new Date("2025-03-02T10:00:00Z");

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-02T12:00:00Z" });
  desk = await deskClient(rig.url);
}, 30_000);
afterAll(async () => {
  await rig.close();
});

/** Adds leads published one hour apart, the last one newest; returns their ids. */
async function addLeads(count: number, prefix: string): Promise<number[]> {
  const leads = Array.from({ length: count }, (_, i) =>
    newLead({
      title: `${prefix} ${i}`,
      link: `https://example.org/${prefix}/${i}`,
      publishedAt: new Date(Date.UTC(2025, 2, 1, i % 24, 0, 0) + Math.floor(i / 24) * 86_400_000),
    }),
  );
  return (await rig.store.addLeads(leads, FOUND)).map((l) => l.id);
}

const titles = (page: string) => [...page.matchAll(/id="lead-\d+-title"[^>]*>([^<]*)</g)].map((m) => m[1]);

describe("the leads page", () => {
  it("lists the new leads newest first, and counts them in the story's tabs", async () => {
    await addLeads(3, "first");
    const res = await desk.get("/desk/stories/gaza-2025/leads");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(titles(page)).toEqual(["first 2", "first 1", "first 0"]);
    expect(page).toContain('<a href="/desk/stories/gaza-2025/leads">Leads (3 new)</a>');
    expect(page).toContain('aria-current="page">New (3)</a>');
    const review = await (await desk.get("/desk/stories/gaza-2025")).text();
    expect(review).toContain("Leads (3 new)");
  });

  it("pages the leads, 25 a page", async () => {
    await addLeads(30, "many");
    const first = await (await desk.get("/desk/stories/gaza-2025/leads?state=new")).text();
    expect(titles(first)).toHaveLength(25);
    expect(first).toContain("Page 1 of 2");
    const second = await (await desk.get("/desk/stories/gaza-2025/leads?state=new&page=2")).text();
    expect(titles(second)).toHaveLength(8);
    expect(second).toContain('<a href="/desk/stories/gaza-2025/leads?state=new">Previous</a>');
  });

  it("is not found for a story the dataset lacks", async () => {
    expect((await desk.get("/desk/stories/nowhere/leads")).status).toBe(404);
  });
});

describe("dismissing a lead", () => {
  it("records who and when, moves it to the dismissed tab and writes a line of the edit record", async () => {
    const [id] = await addLeads(1, "dismiss-me");
    const res = await desk.post(`/desk/stories/gaza-2025/leads/${id}/dismiss`, { state: "new", page: "1" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/desk/stories/gaza-2025/leads?state=new");
    const lead = await rig.store.lead(id ?? 0);
    expect(lead).toMatchObject({ state: "dismissed", decidedBy: USER, decidedAt: rig.clock.now() });
    const dismissed = await (await desk.get("/desk/stories/gaza-2025/leads?state=dismissed")).text();
    expect(titles(dismissed)).toEqual(["dismiss-me 0"]);
    expect(dismissed).toContain(`Dismissed by ${USER}`);
    const record = await rig.store.changes("gaza-2025", 10);
    expect(record.find((ch) => ch.path === `leads.${id}`)).toMatchObject({ by: USER, new: '"dismissed"' });
  });

  it("is refused, saying who decided it, when someone else did meanwhile", async () => {
    const [id] = await addLeads(1, "raced");
    await rig.store.decideLead(id ?? 0, { state: "dismissed" }, "bea", rig.clock.now());
    const res = await desk.post(`/desk/stories/gaza-2025/leads/${id}/dismiss`, {});
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toContain("This lead is no longer open");
    expect(page).toContain("Dismissed by bea");
  });

  it("is not found for a lead of another story or none", async () => {
    const [other] = await rig.store.addLeads(
      [newLead({ story: "elsewhere", link: "https://example.org/elsewhere" })],
      FOUND,
    );
    expect((await desk.post(`/desk/stories/gaza-2025/leads/${other?.id}/dismiss`, {})).status).toBe(404);
    expect((await desk.post("/desk/stories/gaza-2025/leads/999999/dismiss", {})).status).toBe(404);
  });

  it("needs the session's CSRF token", async () => {
    const [id] = await addLeads(1, "csrf");
    const res = await desk.post(`/desk/stories/gaza-2025/leads/${id}/dismiss`, { _csrf: "forged" });
    expect(res.status).toBe(403);
    expect((await rig.store.lead(id ?? 0))?.state).toBe("new");
  });
});
