import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Runs `ceasefire-bot start --clock …` as a person would: types lines with pauses, then /exit, and
 * returns what the console bot printed. The scheduler ticks every second here (SCHEDULER_CRON).
 */
function session(dataDir: string, clock: string, script: [number, string][]): Promise<string> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATA_DIR: dataDir,
      SCHEDULER_CRON: "* * * * * *",
      LOG_LEVEL: "silent",
    };
    delete env.DISCORD_TOKEN;
    delete env.SLACK_BOT_TOKEN;
    const child = spawn(process.execPath, ["bin/ceasefire-bot.mjs", "start", "--clock", clock], { env });
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.on("error", reject);
    child.on("close", () => resolve(out));
    let delay = 0;
    for (const [wait, line] of script) {
      delay += wait;
      setTimeout(() => child.stdin.write(`${line}\n`), delay);
    }
    setTimeout(() => child.kill("SIGKILL"), delay + 15_000);
  });
}

const count = (text: string, phrase: string) => text.split(phrase).length - 1;

describe("ceasefire-bot start --clock", () => {
  it("fires the phase-one reminders live in a subscribed console, and never again after a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cf-live-clock-"));
    // 08:59:57 in Jerusalem: the day-before reminders are due at 09:00.
    const first = await session(dataDir, "2025-02-28T06:59:57Z", [
      [1500, "/subscribe kind:reminders"],
      [5000, "/exit"],
    ]);
    expect(count(first, "Phase one ends tomorrow, Saturday 1 March 2025.")).toBe(2); // the list, then the alert
    expect(first).toContain("Reminder\n========\nPhase one ends tomorrow");
    expect(first).toContain("The Philadelphi corridor withdrawal is due to start tomorrow");

    // Same store, same moment: the ledger already has them, so nothing is posted twice.
    const second = await session(dataDir, "2025-02-28T07:00:05Z", [
      [3000, "/subscriptions"],
      [500, "/exit"],
    ]);
    expect(second).not.toContain("Reminder\n========");
    expect(second).toContain("Phase one ends tomorrow, Saturday 1 March 2025. · sent");
  }, 40_000);
});
