/**
 * The calendar feeds as deployed: `ceasefire-bot start` in a child process on Slack's HTTP mode
 * against the stand-in Slack, with the health routes, and so the feeds, on Slack's own port
 * (HEALTH_PORT = PORT). A curator's edit of the story file reaches the next fetch: the moved deadline
 * raises its SEQUENCE and the ETag changes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  type BotProcess,
  freePort,
  handoverSequence,
  StandInSlack,
  spawnBot,
  truceStory,
  until,
  writeStoryFolder,
} from "../support/index.js";

const TOKEN = "xoxb-calendar-test";

let slack: StandInSlack | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGTERM");
  await bot?.exited;
  await slack?.stop();
  bot = undefined;
  slack = undefined;
});

describe("calendar feeds on Slack's HTTP server", () => {
  it("serves a story's feed, and the next fetch after an edit of the data has the moved deadline", async () => {
    const folder = writeStoryFolder({ "truce.json": truceStory() });
    slack = await StandInSlack.start(TOKEN);
    const port = await freePort();
    bot = spawnBot(
      {
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: "calendar-signing-secret",
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        HEALTH_PORT: String(port),
        DATA_PATH: folder,
        FEEDS: "off",
      },
      ["--clock", "2025-02-21T00:00:00Z"],
    );
    await bot.logged("slack adapter started");
    const url = `http://127.0.0.1:${port}/calendar/truce.ics`;

    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const etag = first.headers.get("etag") ?? "";
    expect(handoverSequence(await first.text())).toBe(1);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
    expect((await fetch(url, { headers: { "if-none-match": etag } })).status).toBe(304);

    const moved = truceStory((s) => {
      s.deadlines[0].moves.push({
        at: "2025-02-19",
        due: "2025-03-01",
        kind: "postponed",
        attribution: "West",
        sourceIds: ["s-0220"],
        evidence: "As the source reports.",
      });
    });
    writeFileSync(join(folder, "truce.json"), `${JSON.stringify(moved, null, 2)}\n`);
    const next = await until("the feed to follow the edit", async () => {
      const res = await fetch(url, { headers: { "if-none-match": etag } });
      return res.status === 200 ? res : undefined;
    });
    expect(next.headers.get("etag")).not.toBe(etag);
    const text = await next.text();
    expect(handoverSequence(text)).toBe(2);
    expect(text).toContain("DTSTART;VALUE=DATE:20250301");
    expect((await fetch(`http://127.0.0.1:${port}/calendar/nowhere.ics`)).status).toBe(404);
    // A broken escape in the path is refused (by Bolt's router, which decodes the path), and the
    // server goes on serving.
    expect((await fetch(`http://127.0.0.1:${port}/calendar/%E0%A4%A.ics`)).status).toBeGreaterThanOrEqual(
      400,
    );
    expect((await fetch(url)).status).toBe(200);
  });
});
