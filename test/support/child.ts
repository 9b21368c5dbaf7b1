/** A TypeScript script of this repository run as a bot process of its own, with what it prints kept. */
import { type ChildProcess, spawn } from "node:child_process";
import { repoRoot } from "./files.js";

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface Child {
  child: ChildProcess;
  /** Resolves when it has exited, with everything it printed. */
  done: Promise<Exit>;
}

const running: ChildProcess[] = [];

/** Runs `script` (from the repository's root) with `args`, and `env` on top of this process's environment. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ["bin/run-ts.mjs", script, ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  running.push(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const done = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

/** Kills (SIGKILL) every child still running: for afterEach. */
export function killChildren(): void {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  running.length = 0;
}
