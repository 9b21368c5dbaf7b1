/**
 * Exactly once across a crash: a bot process fans the 28 Feb 09:00 reminders out to 1,000 channels
 * of a stand-in platform, is SIGKILLed mid fan-out (with requests in flight: messages the platform
 * stored but the bot never heard back about), and is started again on the same database file. Every
 * channel must then hold each reminder exactly once — counted on the platform's side.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import type { PlatformName } from "../../../src/store/store.js";
import { ManualClock } from "../../../src/time/clock.js";
import {
  killScripts,
  makeScheduler,
  RecordingSender,
  type RunningScript,
  runScript,
  StandInDiscordChannels,
  StandInSlackChannels,
  tempDir,
  truceDataset,
  truceStory,
  until,
} from "../../support/index.js";

const CHANNELS = 1_000;
const ALERTS = ["gaza-2025:phase-one-end:1d", "gaza-2025:philadelphi-withdrawal-start:1d"];
afterEach(killScripts);

function runChild(platform: PlatformName, api: string, db: string, more: string[] = []): RunningScript {
  return runScript("test/support/scripts/fanout-child.ts", [platform, api, db, ...more]);
}

async function prepare(platform: PlatformName): Promise<{ db: string; channels: string[] }> {
  const db = join(tempDir(), "bot.sqlite");
  const store = SqliteStore.open(db);
  const channels = Array.from({ length: CHANNELS }, (_, i) =>
    platform === "slack" ? `C${100000 + i}` : String(900000 + i),
  );
  for (const channelId of channels) {
    await store.subscribe(
      { platform, channelId, story: "gaza-2025", workspaceId: "w1", kind: "reminders" },
      new Date("2025-02-20T00:00:00Z"),
    );
  }
  await store.close();
  return { db, channels };
}

/** A stand-in platform: what it holds, and the marker in each message. */
type Platformish = Pick<StandInDiscordChannels | StandInSlackChannels, "apiUrl" | "total" | "markersIn">;

async function crashAndRestart(
  platform: PlatformName,
  standin: Platformish,
  db: string,
  channels: string[],
  alerts: string[] = ALERTS,
  more: string[] = [],
) {
  const first = runChild(platform, standin.apiUrl, db, more);
  // Polled every 2 ms, so that the kill lands mid fan-out.
  await until(
    "the fan-out under way",
    () => (standin.total() >= CHANNELS * 0.6 ? true : undefined),
    30_000,
    2,
  );
  first.child.kill("SIGKILL");
  const killed = await first.done;
  expect(killed.signal).toBe("SIGKILL");
  const afterKill = standin.total();
  expect(afterKill).toBeLessThan(CHANNELS * alerts.length); // it really died mid fan-out

  const second = await runChild(platform, standin.apiUrl, db, more).done;
  expect(second.code, second.err).toBe(0);
  const report = JSON.parse(second.out.trim().split("\n").pop() ?? "{}") as { recovered: number };
  expect(report.recovered).toBeGreaterThan(0); // it found unconfirmed claims and settled them

  const wrong = channels.filter((c) => {
    const markers = standin.markersIn(c).sort();
    return markers.length !== alerts.length || alerts.map(markerFor).sort().join() !== markers.join();
  });
  expect(wrong, `channels without each alert exactly once, e.g. ${wrong.slice(0, 3).join(", ")}`).toEqual([]);
  expect(standin.total()).toBe(CHANNELS * alerts.length);
  return { afterKill, recovered: report.recovered };
}

describe("a fan-out to 1,000 channels killed with SIGKILL and restarted", () => {
  it("leaves every Discord channel with each alert exactly once", async () => {
    const standin = await StandInDiscordChannels.start({ postLatencyMs: 15 });
    try {
      const { db, channels } = await prepare("discord");
      await crashAndRestart("discord", standin, db, channels);
    } finally {
      await standin.stop();
    }
  }, 60_000);

  it("leaves every Slack channel with each alert exactly once (no nonce: the marker look-up alone)", async () => {
    const standin = await StandInSlackChannels.start({ postLatencyMs: 15 });
    try {
      const { db, channels } = await prepare("slack");
      await crashAndRestart("slack", standin, db, channels);
    } finally {
      await standin.stop();
    }
  }, 60_000);
});

describe("a moved-deadline notice fanned out to 1,000 channels, killed with SIGKILL and restarted", () => {
  it("leaves every Discord channel that was reminded of the old date with the notice exactly once", async () => {
    const standin = await StandInDiscordChannels.start({ postLatencyMs: 15 });
    try {
      // The bot ran on the invented truce and reminded every channel of the handover's old date at
      // 09:00 on 25 January (UTC+2); the move of 12:00 is then fanned out by the process killed.
      const dir = tempDir();
      writeFileSync(join(dir, "truce.json"), JSON.stringify(truceStory()));
      const db = join(dir, "bot.sqlite");
      const store = SqliteStore.open(db);
      const channels = Array.from({ length: CHANNELS }, (_, i) => String(700000 + i));
      for (const channelId of channels) {
        await store.subscribe(
          { platform: "discord", channelId, story: "truce", workspaceId: "w1", kind: "reminders" },
          new Date("2025-01-20T00:00:00Z"),
        );
      }
      const clock = new ManualClock("2025-01-25T07:00:00Z");
      await makeScheduler({
        store,
        data: { dataset: truceDataset() },
        clock,
        sender: new RecordingSender(),
      }).tick();
      await store.close();

      await crashAndRestart(
        "discord",
        standin,
        db,
        channels,
        ["truce:handover@2025-02-18:moved"],
        [dir, "2025-01-25T10:00:30Z"],
      );
    } finally {
      await standin.stop();
    }
  }, 60_000);
});
