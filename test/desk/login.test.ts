/**
 * Logging in to the desk: the right password gets a session cookie scripts cannot read and a redirect
 * to the desk; a wrong one is refused; a guesser's log-ins are slowed down without locking the right
 * password out. (In a real browser behind a trusted proxy: test/e2e/desk/login.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/desk/login.js";
import { type DeskRig, PASSWORD, startDeskRig, USER } from "../support/harness/desk.js";

let rig: DeskRig;

beforeAll(async () => {
  rig = await startDeskRig({ at: "2025-03-02T08:00:00Z" });
}, 30_000);
afterAll(async () => {
  await rig.close();
});

describe("the log-in page", () => {
  it("asks for a user and a password", async () => {
    const res = await fetch(`${rig.url}/desk/login`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('name="user"');
    expect(page).toContain('name="password"');
  });
});

describe("a log-in", () => {
  it("with the right password opens a session for the desk only, and goes to the desk", async () => {
    const res = await fetch(`${rig.url}/desk/login`, {
      method: "POST",
      body: new URLSearchParams({ user: USER, password: PASSWORD }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/desk");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+;`));
    expect(cookie).toContain("Path=/desk");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
  });

  it("with a wrong password, or for a user the desk lacks, is refused and opens no session", async () => {
    for (const [user, password] of [
      [USER, "wrong"],
      ["mallory", PASSWORD],
    ]) {
      const res = await fetch(`${rig.url}/desk/login`, {
        method: "POST",
        body: new URLSearchParams({ user: user ?? "", password: password ?? "" }),
        redirect: "manual",
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.text()).toContain("Wrong user or password.");
    }
    // A right log-in clears the failure counted against the account, for the tests that follow.
    const right = await fetch(`${rig.url}/desk/login`, {
      method: "POST",
      body: new URLSearchParams({ user: USER, password: PASSWORD }),
      redirect: "manual",
    });
    expect(right.status).toBe(303);
  });
});

describe("bad log-ins", () => {
  const attempt = (user: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${rig.url}/desk/login`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ user, password }),
      redirect: "manual",
    });

  it("are slowed down after three in a row for that account from that address, not for anyone else", async () => {
    for (let i = 0; i < 4; i++) expect((await attempt(USER, "nope")).status).toBe(401);
    const slowed = await attempt(USER, "correct horse battery staple");
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBe(1);
    // Another account from the same address is not slowed down.
    expect((await attempt("mallory", "nope")).status).toBe(401);
    // Nor does an X-Forwarded-For the desk does not trust get around the wait.
    expect((await attempt(USER, "nope", { "x-forwarded-for": "203.0.113.77" })).status).toBe(429);
    // Once the wait is over, the right password gets in.
    rig.clock.advance(1_000);
    const right = await attempt(USER, "correct horse battery staple");
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/desk");
  });
});
