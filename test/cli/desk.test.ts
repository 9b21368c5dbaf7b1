/**
 * The desk as an operator runs it: `ceasefire-bot desk` alone, and `ceasefire-bot start` serving it
 * beside the console bot when it has users; both on 127.0.0.1, stopped by a signal.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/desk/auth.js";
import { botEnv, tempDir } from "../support/index.js";

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  children.length = 0;
});

/** Starts the CLI with the desk on a free port, and resolves with that port once it listens. */
async function run(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; port: number }> {
  const env = botEnv({
    DATA_DIR: tempDir(),
    DESK_USERS: `ana:${await hashPassword("a desk password for tests")}`,
    DESK_PORT: "0",
    LOG_LEVEL: "info",
  });
  const child = spawn(process.execPath, ["bin/ceasefire-bot.mjs", ...args], { env });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const look = (d: Buffer) => {
      seen += String(d);
      const m = /"port":(\d+)[^\n]*curator desk listening/.exec(seen);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${seen}`)));
    setTimeout(() => reject(new Error(`the desk did not start: ${seen}`)), 20_000);
  });
  return { child, port };
}

describe("the desk from the command line", () => {
  it("runs alone with `ceasefire-bot desk`, answers its log-in page and stops on SIGTERM", async () => {
    const { child, port } = await run(["desk"]);
    const res = await fetch(`http://127.0.0.1:${port}/desk/login`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<h1>Log in</h1>");
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);

  it("is served by `ceasefire-bot start` beside the console bot when it has users", async () => {
    const { child, port } = await run(["start"]);
    const res = await fetch(`http://127.0.0.1:${port}/desk/`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/desk/login");
    child.stdin.write("/exit\n");
  }, 30_000);
});
