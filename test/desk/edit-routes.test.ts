/**
 * The edit forms over HTTP: a form opens with the version of the file it was opened at; a submitted
 * form is checked (what readers and channels will get) before it is saved; a save writes the file and
 * goes to the story; a form the story refuses comes back with its errors, and a save over a file
 * changed since the form opened is refused, writing nothing.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionOf } from "../../src/desk/edit-text.js";
import { draftValues, SOURCE_FIELDS } from "../../src/desk/lead-draft.js";
import { type DeskRig, logIn, startDeskRig, USER } from "../support/harness/desk.js";
import { newLead, shippedStory, storedLead } from "../support/index.js";

let rig: DeskRig;
let session: { cookie: string; csrf: string };
const PERSON = shippedStory().people[0].id as string;

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-02T08:00:00Z" });
  session = await logIn(rig.url);
}, 30_000);
afterAll(async () => {
  await rig.close();
});

const get = (path: string) => fetch(`${rig.url}${path}`, { headers: { cookie: session.cookie } });
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${rig.url}${path}`, {
    method: "POST",
    headers: { cookie: session.cookie },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
    redirect: "manual",
  });
const role = (extra: Record<string, string> = {}) => ({
  person: PERSON,
  role: "Acting foreign minister",
  from: "2026-07-01",
  sourceIds: "vinnews-2026-07-01",
  evidence: "As the source reports.",
  version: versionOf(readFileSync(rig.file, "utf8")),
  ...extra,
});

describe("a form", () => {
  it("opens with its title, its fields and the version of the file it was opened at", async () => {
    const res = await get("/desk/stories/gaza-2025/edit/person-role");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("<h1>Give a person a new role</h1>");
    expect(page).toContain(`name="version" value="${versionOf(readFileSync(rig.file, "utf8"))}"`);
  });

  it("is not found for a form the desk lacks or a story the dataset lacks", async () => {
    expect((await get("/desk/stories/gaza-2025/edit/nothing")).status).toBe(404);
    expect((await get("/desk/stories/nowhere/edit/event")).status).toBe(404);
  });
});

describe("a submitted form", () => {
  it("is checked before anything is written: the check page offers to save it", async () => {
    const before = readFileSync(rig.file, "utf8");
    const res = await post("/desk/stories/gaza-2025/edit/person-role", role());
    const page = await res.text();
    expect(res.status, page).toBe(200);
    expect(page).toContain("<title>Check: Give a person a new role — ceasefire-bot desk</title>");
    expect(page).toContain('<button type="submit" name="action" value="save">Save</button>');
    expect(page).toContain("How readers will see it now");
    expect(readFileSync(rig.file, "utf8")).toBe(before);
  });

  it("comes back with its errors when the story refuses it, writing nothing", async () => {
    const before = readFileSync(rig.file, "utf8");
    const res = await post("/desk/stories/gaza-2025/edit/person-role", role({ from: "2026-02-30" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("must be a calendar date YYYY-MM-DD");
    expect(readFileSync(rig.file, "utf8")).toBe(before);
  });

  it("is not saved over a file changed since the form opened", async () => {
    const stale = role({ version: versionOf("an older file"), action: "save" });
    const before = readFileSync(rig.file, "utf8");
    const res = await post("/desk/stories/gaza-2025/edit/person-role", stale);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(
      "<title>Not saved: Give a person a new role — ceasefire-bot desk</title>",
    );
    expect(readFileSync(rig.file, "utf8")).toBe(before);
  });

  it("is saved: the file gets the entry, the bot serves it, and the story's review opens", async () => {
    const res = await post("/desk/stories/gaza-2025/edit/person-role", role({ action: "save" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/desk/stories/gaza-2025?saved=1");
    expect(readFileSync(rig.file, "utf8")).toContain('"role": "Acting foreign minister"');
    const person = rig.live.dataset.byId.get("gaza-2025")?.people.find((p) => p.id === PERSON);
    expect(JSON.stringify(person?.role)).toContain("Acting foreign minister");
  });
});

describe("a draft from a lead", () => {
  const QUOTE = "Delegations left Cairo without an agreement on the second phase.";
  const addLead = async (path: string) =>
    (await rig.store.addLeads([newLead({ link: `https://www.reuters.com/${path}` })], rig.clock.now()))[0]
      ?.id ?? 0;
  const figureDraft = (lead: number, extra: Record<string, string> = {}) => ({
    ...draftValues(storedLead({ id: lead }), rig.live.dataset.defaultStory, "figure-value"),
    [SOURCE_FIELDS.url]: `https://www.reuters.com/draft-${lead}`,
    figure: "captives-remaining",
    value: "57",
    attribution: "Israel",
    evidence: QUOTE,
    version: versionOf(readFileSync(rig.file, "utf8")),
    ...extra,
  });

  it("opens the form with the new source made from the lead", async () => {
    const lead = await addLead("opens");
    const res = await get(`/desk/stories/gaza-2025/edit/figure-value?lead=${lead}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(`<input type="hidden" name="lead" value="${lead}" />`);
    expect(page).toContain('value="Talks on phase two stall in Cairo"');
    expect(page).toContain("https://www.reuters.com/opens");
  });

  it("is not opened for a lead someone dismissed, saying so, nor for a form a lead cannot start", async () => {
    const lead = await addLead("dismissed");
    await rig.store.decideLead(lead, { state: "dismissed" }, "bea", rig.clock.now());
    const res = await get(`/desk/stories/gaza-2025/edit/event?lead=${lead}`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("This lead is no longer open");
    const other = await addLead("person");
    expect((await get(`/desk/stories/gaza-2025/edit/person-role?lead=${other}`)).status).toBe(404);
  });

  it("saves the source and the entry in one save, and the lead becomes used for that entry", async () => {
    const lead = await addLead("saved");
    const res = await post(
      "/desk/stories/gaza-2025/edit/figure-value",
      figureDraft(lead, { action: "save" }),
    );
    expect(res.status, await res.text()).toBe(303);
    const story = JSON.parse(readFileSync(rig.file, "utf8"));
    const source = story.sources.find(
      (s: { url?: string }) => s.url === `https://www.reuters.com/draft-${lead}`,
    );
    expect(source).toMatchObject({ publisher: "Reuters", published: "2025-03-02T11:40:00+02:00" });
    const values = story.figures[0].values as { sourceId: string; evidence: string }[];
    const index = values.findIndex((v) => v.sourceId === source.id);
    expect(values[index]).toMatchObject({ value: 57, evidence: QUOTE });
    expect(await rig.store.lead(lead)).toMatchObject({
      state: "used",
      usedFor: `figures.captives-remaining.values[${index}]`,
      decidedBy: USER,
    });
  });

  it("is not saved when someone decided the lead after the form opened, writing nothing", async () => {
    const lead = await addLead("raced");
    const form = figureDraft(lead, { action: "save" });
    await rig.store.decideLead(lead, { state: "dismissed" }, "bea", rig.clock.now());
    const before = readFileSync(rig.file, "utf8");
    const res = await post("/desk/stories/gaza-2025/edit/figure-value", form);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Dismissed by bea");
    expect(readFileSync(rig.file, "utf8")).toBe(before);
  });
});
