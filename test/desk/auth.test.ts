/**
 * Who may use the desk: passwords hashed with scrypt and checked in constant time, the users of
 * DESK_USERS, sessions held in memory until they expire or are ended, and each session's CSRF token.
 */
import { describe, expect, it } from "vitest";
import { csrfMatches, hashPassword, parseUsers, Sessions, verifyPassword } from "../../src/desk/auth.js";
import { ManualClock } from "../../src/time/clock.js";

describe("a password", () => {
  it("is stored as scrypt with its cost, a salt and the key, never as itself", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain("correct horse");
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash); // a salt of its own
  });

  it("is verified against its hash, and nothing else is", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("Correct horse battery staple", hash)).toBe(false);
    expect(await verifyPassword("correct horse battery staple", "plain:text")).toBe(false);
  });
});

describe("the desk's users", () => {
  it("are name:hash pairs, separated by commas or lines, comments and blank lines skipped", () => {
    const users = parseUsers("ana:scrypt$1$2$3$a$b, ben:scrypt$1$2$3$c$d\n# a comment\n\ncy.d-e_f:scrypt$x");
    expect([...users]).toEqual([
      ["ana", "scrypt$1$2$3$a$b"],
      ["ben", "scrypt$1$2$3$c$d"],
      ["cy.d-e_f", "scrypt$x"],
    ]);
  });

  it("refuse an entry without a name or a scrypt hash, pointing at desk-password", () => {
    for (const bad of ["ana", ":scrypt$x", "ana:plain", "an a:scrypt$x"]) {
      expect(() => parseUsers(bad), bad).toThrow(/is not name:scrypt\$… \(see ceasefire-bot desk-password\)/);
    }
  });
});

describe("a session", () => {
  it("is found by its id until it expires, with a CSRF token of its own", () => {
    const clock = new ManualClock("2025-03-02T08:00:00Z");
    const sessions = new Sessions(clock, 60_000);
    const session = sessions.create("ana");
    expect(session.user).toBe("ana");
    expect(session.id).not.toBe(session.csrf);
    expect(sessions.get(session.id)).toBe(session);
    clock.advance(59_999);
    expect(sessions.get(session.id)).toBe(session);
    clock.advance(1);
    expect(sessions.get(session.id)).toBeUndefined();
  });

  it("lasts eight hours by default, and is gone once ended", () => {
    const clock = new ManualClock("2025-03-02T08:00:00Z");
    const sessions = new Sessions(clock);
    const session = sessions.create("ana");
    expect(session.expiresAt - clock.now().getTime()).toBe(8 * 3_600_000);
    sessions.destroy(session.id);
    expect(sessions.get(session.id)).toBeUndefined();
    expect(sessions.get(undefined)).toBeUndefined();
    expect(sessions.get("made-up")).toBeUndefined();
  });
});

describe("a form's CSRF token", () => {
  it("matches only the session's own token", () => {
    const session = new Sessions(new ManualClock("2025-03-02T08:00:00Z")).create("ana");
    expect(csrfMatches(session, session.csrf)).toBe(true);
    expect(csrfMatches(session, `${session.csrf}x`)).toBe(false);
    expect(csrfMatches(session, "forged")).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
    expect(csrfMatches(session, [session.csrf])).toBe(false);
  });
});
