/**
 * The edit forms over HTTP: a form opens with the version of the file it was opened at; a submitted
 * form is checked (what readers and channels will get) before it is saved; a save writes the file and
 * goes to the story; a form the story refuses comes back with its errors, and a save over a file
 * changed since the form opened is refused, writing nothing.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionOf } from "../../src/desk/edit-text.js";
import { type DeskRig, logIn, startDeskRig } from "../support/harness/desk.js";
import { shippedStory } from "../support/index.js";

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
