/**
 * The desk as the server puts it together refuses what it must: every page and action without a
 * session, every write without the session's CSRF token, ids that are not the dataset's; it escapes
 * every text of the data and sends strict security headers. (A guesser's log-ins: login.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeskRig, logIn, startDeskRig, USER } from "../support/harness/desk.js";
import { shippedStory } from "../support/index.js";

const PROBES = ['<script>alert("x")</script>', '<img src=x onerror="alert(1)">', "\u202Eevil"];
const EVIDENCE_PROBE = '</blockquote><script>alert("evidence")</script>';

let rig: DeskRig;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  // A story whose texts try to run script in the desk.
  const story = shippedStory();
  story.story.title = `Probe ${PROBES[0]}`;
  story.events[0].title = PROBES[1];
  story.figures[0].label = PROBES[0];
  story.people[0].role = PROBES[1];
  story.claims[0].text = PROBES[2];
  // The evidence beside a statement, and its source's title beside the quote.
  story.figures[0].values[0].evidence = EVIDENCE_PROBE;
  story.sources[0].title = PROBES[1];
  rig = await startDeskRig({ story, at: "2025-03-02T08:00:00Z" });
  session = await logIn(rig.url);
}, 30_000);
afterAll(async () => {
  await rig.close();
});

const PAGES = [
  "/desk/",
  "/desk/stories/gaza-2025",
  "/desk/stories/gaza-2025/preview",
  "/desk/stories/gaza-2025/record",
  "/desk/stories/gaza-2025/edit/figure-value",
  "/desk/stories/gaza-2025/edit/event",
];

describe("without a session", () => {
  it.each(PAGES)("sends GET %s to the log-in page", async (path) => {
    const res = await fetch(`${rig.url}${path}`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/desk/login");
  });

  it("refuses every action with 401", async () => {
    for (const path of ["/desk/logout", "/desk/stories/gaza-2025/edit/event"]) {
      const res = await fetch(`${rig.url}${path}`, { method: "POST", body: new URLSearchParams({ a: "b" }) });
      expect(res.status, path).toBe(401);
    }
  });
});

describe("with a session", () => {
  it("refuses a write without the CSRF token, or with another one", async () => {
    for (const token of [undefined, "forged"]) {
      const body = new URLSearchParams({
        id: "x",
        when: "2025-03-02",
        title: "t",
        sourceIds: "aj-2025-02-28",
      });
      if (token) body.set("_csrf", token);
      const res = await fetch(`${rig.url}/desk/stories/gaza-2025/edit/event`, {
        method: "POST",
        headers: { cookie: session.cookie },
        body,
      });
      expect(res.status).toBe(403);
    }
  });

  it("never takes a story id from the page as a path", async () => {
    for (const id of ["..%2F..%2Fetc%2Fpasswd", "%2e%2e%2fpackage.json", "gaza-2025%2F..%2F..%2Fpackage"]) {
      const res = await fetch(`${rig.url}/desk/stories/${id}`, { headers: { cookie: session.cookie } });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("root:");
    }
  });

  it.each(PAGES)("escapes every text of the data on %s", async (path) => {
    const res = await fetch(`${rig.url}${path}`, { headers: { cookie: session.cookie } });
    const page = await res.text();
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img src=x");
    expect(page).not.toMatch(/onerror="/);
  });

  it("shows the probes as text", async () => {
    const page = await (
      await fetch(`${rig.url}/desk/stories/gaza-2025`, { headers: { cookie: session.cookie } })
    ).text();
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain('dir="auto"');
    expect(page).toContain(
      '<blockquote dir="auto" cite="https://gvwire.com/2025/01/24/hamas-names-4-hostages-it-plans-to-release-on-saturday-in-latest-gaza-ceasefire-exchange">&lt;/blockquote&gt;&lt;script&gt;alert(&quot;evidence&quot;)&lt;/script&gt;</blockquote>',
    );
    expect(page).toContain('<cite dir="auto">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</cite>');
  });

  it("switches only to a story of the dataset, to a view the desk has, never reflecting a made-up instant", async () => {
    const go = (query: string) =>
      fetch(`${rig.url}/desk/switch?${query}`, { headers: { cookie: session.cookie }, redirect: "manual" });
    expect((await go("story=..%2F..%2Fpackage.json")).status).toBe(404);
    const odd = await go("story=gaza-2025&view=..%2F..%2Fetc&at=%22%3E%3Cscript%3E");
    expect(odd.status).toBe(303);
    expect(odd.headers.get("location")).toBe("/desk/stories/gaza-2025");
    const page = await (
      await fetch(`${rig.url}/desk/stories/gaza-2025/preview?at=2025-03-02T08:00:00Z%22%3E%3Cscript%3E`, {
        headers: { cookie: session.cookie },
      })
    ).text();
    expect(page).not.toContain("<script>");
    expect(page).not.toContain('name="at" value="2025-03-02T08:00:00Z&quot;');
  });

  it("sends a strict Content-Security-Policy and no-frame headers, and a session cookie scripts cannot read", async () => {
    const res = await fetch(`${rig.url}/desk/login`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const login = await fetch(`${rig.url}/desk/login`, {
      method: "POST",
      body: new URLSearchParams({ user: USER, password: "correct horse battery staple" }),
      redirect: "manual",
    });
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/desk/);
  });
});
