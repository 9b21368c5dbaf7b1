/**
 * Running the desk: its users from DESK_USERS and DESK_USERS_FILE (none: it does not run), the desk
 * served where the configuration says, and `ceasefire-bot desk-password`, which reads a password and
 * prints the hash to put in DESK_USERS.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { verifyPassword } from "../../src/desk/auth.js";
import { deskUsers, passwordCommand } from "../../src/desk/run.js";
import { tempDir } from "../support/index.js";

describe("the desk's users", () => {
  it("are those of DESK_USERS and of DESK_USERS_FILE together", async () => {
    const file = join(tempDir(), "desk-users");
    writeFileSync(file, "# curators\nben:scrypt$b\n");
    const config = loadConfig({ DESK_USERS: "ana:scrypt$a", DESK_USERS_FILE: file });
    expect([...(await deskUsers(config))]).toEqual([
      ["ana", "scrypt$a"],
      ["ben", "scrypt$b"],
    ]);
  });

  it("are none when neither is set", async () => {
    expect((await deskUsers(loadConfig({}))).size).toBe(0);
  });
});

describe("desk-password", () => {
  it("prints the hash of the password read, without its line break, to put in DESK_USERS", async () => {
    const out: string[] = [];
    expect(
      await passwordCommand(Readable.from(["correct horse ", "battery staple\n"]), (t) => out.push(t)),
    ).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^scrypt\$/);
    expect(await verifyPassword("correct horse battery staple", out[0] ?? "")).toBe(true);
  });

  it("refuses a password shorter than 12 characters", async () => {
    const out: string[] = [];
    expect(await passwordCommand(Readable.from(["short\n"]), (t) => out.push(t))).toBe(1);
    expect(out).toEqual(["A desk password needs at least 12 characters."]);
  });
});
