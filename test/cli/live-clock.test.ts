import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { botEnv, tempDir } from "../support/index.js";

/**
 * Runs `ceasefire-bot start --clock …` as a person would: types each line once the bot has printed
 * what the step waits for, then /exit, and returns everything the console bot printed. The scheduler
 * ticks every second here (SCHEDULER_CRON).
 */
function session(
  dataDir: string,
  clock: string,
  steps: { send: string; thenWaitFor: string }[],
): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = botEnv({ DATA_DIR: dataDir, SCHEDULER_CRON: "* * * * * *", LOG_LEVEL: "silent" });
    const child = spawn(process.execPath, ["bin/ceasefire-bot.mjs", "start", "--clock", clock], { env });
    let out = "";
    let step = 0;
    const next = () => {
      const current = steps[step];
      if (!current) {
        child.stdin.write("/exit\n");
        return;
      }
      step += 1;
      child.stdin.write(`${current.send}\n`);
    };
    child.stdout.on("data", (d) => {
      out += String(d);
      if (step > 0 && out.includes(steps[step - 1]?.thenWaitFor ?? "")) next();
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out at step ${step}; the bot printed:\n${out}`));
    }, 30_000);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
    next();
  });
}

const count = (text: string, phrase: string) => text.split(phrase).length - 1;
const SECOND_ALERT = "Reminder\n========\nThe Philadelphi corridor withdrawal is due to start tomorrow";

describe("ceasefire-bot start --clock", () => {
  it("fires the phase-one reminders live in a subscribed console, and never again after a restart", async () => {
    const dataDir = tempDir("cf-live-clock-");
    // 08:59:50 in Jerusalem: the day-before reminders are due at 09:00, ten seconds later.
    const first = await session(dataDir, "2025-02-28T06:59:50Z", [
      { send: "/subscribe kind:reminders", thenWaitFor: SECOND_ALERT },
    ]);
    expect(count(first, "Phase one ends tomorrow, Saturday 1 March 2025.")).toBe(2); // the list, then the alert
    expect(first).toContain("Reminder\n========\nPhase one ends tomorrow");

    // Same store, a moment later: the ledger already has both, so nothing is posted twice.
    const second = await session(dataDir, "2025-02-28T07:00:05Z", [
      { send: "/subscriptions", thenWaitFor: "Last deliveries" },
    ]);
    expect(second).not.toContain("Reminder\n========");
    expect(second).toContain("Phase one ends tomorrow, Saturday 1 March 2025. · sent");
  }, 70_000);
});
