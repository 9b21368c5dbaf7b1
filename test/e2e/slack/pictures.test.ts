/**
 * Pictures on Slack: the real Bolt App answers a slash command in its response as ever, then shares a
 * public answer's picture into the channel by the external upload flow (files.getUploadURLExternal,
 * the bytes POSTed to the upload URL, files.completeUploadExternal with the channel). Private answers
 * and page turns upload nothing and describe the picture; a refused upload is logged once per reason.
 * The specs give the answers a test picture (a real PNG) through the core, so they check the transport
 * whatever the commands draw; the last spec asks the shipped /timeline for its own picture.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../../src/bot/core.js";
import { SLACK_LIMITS } from "../../../src/platforms/slack/limits.js";
import type { ReplyPicture } from "../../../src/reply/reply.js";
import { blockText, buttonIds, type SlackHarness, startSlackHarness } from "../../support/harness/slack.js";
import {
  PNG_SIGNATURE,
  picturingCore,
  pngSize,
  slackViolations,
  testPicture,
  until,
} from "../../support/index.js";

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The real core, every answer given `picture()`'s picture. */
const picturing = (picture: () => ReplyPicture | undefined) => (core: BotCore) =>
  picturingCore(core, picture);

/** The bot's log lines, parsed. */
function logLines(harness: SlackHarness): Record<string, unknown>[] {
  return harness
    .logText()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const completed = (harness: SlackHarness) =>
  harness.standin.waitFor((r) => r.path === "/api/files.completeUploadExternal");

describe("pictures on Slack (real Bolt App, stand-in Slack)", () => {
  it("answers at once, then shares the picture into the channel by the external upload flow", async () => {
    h = await startSlackHarness({ wrapCore: picturing(() => testPicture({ width: 64, height: 32 })) });
    const response = await h.command("/phase");
    expect(response.status).toBe(200);
    expect(response.json?.response_type).toBe("in_channel");
    expect(blockText(response.json)).toContain(`🖼 ${testPicture().alt}`);
    expect(slackViolations(response.json)).toEqual([]);
    await completed(h);
    const [getUrl] = h.standin.calls("files.getUploadURLExternal");
    expect(getUrl?.fields).toMatchObject({ filename: "timeline-test.png", alt_text: testPicture().alt });
    const [file] = h.standin.files.completed;
    expect(file?.channelId).toBe("C0CHANNEL");
    expect(file?.filename).toBe("timeline-test.png");
    expect(file?.title).toContain("Phase");
    expect(file?.bytes?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(file?.bytes ?? Buffer.alloc(0))).toEqual({ width: 64, height: 32 });
  });

  it("cuts a long alt text to the upload's limit", async () => {
    h = await startSlackHarness({ wrapCore: picturing(() => testPicture({ alt: "A bar. ".repeat(400) })) });
    const response = await h.command("/phase");
    expect(slackViolations(response.json)).toEqual([]);
    await completed(h);
    const alt = h.standin.files.completed[0]?.altText ?? "";
    expect(alt.length).toBeLessThanOrEqual(SLACK_LIMITS.fileAltText);
    expect(alt.endsWith("…")).toBe(true);
  });

  it("shares a slow answer's picture after the answer sent through the response_url", async () => {
    const slow = (core: BotCore): BotCore => {
      const pictured = picturingCore(core);
      const wrapped: BotCore = Object.create(pictured);
      wrapped.answerInChannel = async (name, raw, invocation) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return pictured.answerInChannel(name, raw, invocation);
      };
      return wrapped;
    };
    h = await startSlackHarness({ wrapCore: slow, deferAfterMs: 20 });
    const response = await h.command("/phase");
    expect(response.text).toBe("");
    const answer = await h.standin.waitFor((r) => r.path.startsWith("/respond/"));
    expect(blockText(answer.fields)).toContain(`🖼 ${testPicture().alt}`);
    await completed(h);
    const complete = h.standin.requests.findIndex((r) => r.path === "/api/files.completeUploadExternal");
    expect(complete).toBeGreaterThan(h.standin.requests.indexOf(answer));
    expect(h.standin.files.completed[0]?.channelId).toBe("C0CHANNEL");
  });

  it("uploads nothing for a private answer, which describes its picture instead", async () => {
    h = await startSlackHarness({ wrapCore: picturing(() => testPicture()) });
    const response = await h.command("/phase", "private:true");
    expect(response.json?.response_type).toBe("ephemeral");
    expect(blockText(response.json)).toContain(
      `Picture (shared with answers to the channel only): ${testPicture().alt}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.standin.calls("files.getUploadURLExternal")).toEqual([]);
  });

  it("uploads nothing when a button turns the page", async () => {
    h = await startSlackHarness({ wrapCore: picturing(() => testPicture()) });
    const first = await h.command("/timeline");
    await completed(h);
    const next = buttonIds(first.json)?.find((id) => id.includes("page=2"));
    const { responsePath } = await h.click(next ?? "");
    const page = await h.standin.waitFor((r) => r.path === responsePath);
    expect(blockText(page.fields)).toContain(`🖼 ${testPicture().alt}`);
    expect(h.standin.calls("files.getUploadURLExternal")).toHaveLength(1);
  });

  it("still answers when the bot is not in the channel, and says so once in the log", async () => {
    h = await startSlackHarness({ wrapCore: picturing(() => testPicture()) });
    h.standin.files.refuseOnce("files.completeUploadExternal", "not_in_channel");
    const response = await h.command("/phase");
    expect(response.status).toBe(200);
    expect(blockText(response.json)).toContain("Phase");
    await completed(h);
    h.standin.files.refuseOnce("files.completeUploadExternal", "not_in_channel");
    await h.command("/phase");
    const harness = h;
    await until("the second refusal logged", () =>
      logLines(harness).filter((l) => l.reason === "not_in_channel").length === 2 ? true : undefined,
    );
    const refused = logLines(h).filter((l) => l.reason === "not_in_channel");
    expect(refused).toHaveLength(2);
    expect(refused.filter((l) => l.level === 40)).toHaveLength(1);
    expect(refused[0]).toMatchObject({ channel: "C0CHANNEL", remedy: expect.stringContaining("/invite") });
    expect(h.standin.files.completed).toEqual([]);
  });

  it("names the missing files:write scope when Slack refuses the upload for it", async () => {
    h = await startSlackHarness({ wrapCore: picturing(() => testPicture()) });
    h.standin.files.refuseOnce("files.getUploadURLExternal", "missing_scope");
    const response = await h.command("/phase");
    expect(response.status).toBe(200);
    await h.standin.waitFor((r) => r.path === "/api/files.getUploadURLExternal");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const warning = logLines(h).find((l) => l.reason === "missing_scope");
    expect(warning).toMatchObject({ level: 40, remedy: expect.stringContaining("files:write") });
    expect(h.standin.calls("files.completeUploadExternal")).toEqual([]);
  });

  // Passes once the commands draw pictures (/timeline with a picture): the transport is above.
  it("shares the shipped /timeline's own picture into the channel", async () => {
    h = await startSlackHarness();
    await h.command("/timeline");
    await completed(h);
    const [file] = h.standin.files.completed;
    expect(file?.channelId).toBe("C0CHANNEL");
    expect(file?.bytes?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(file?.altText?.length).toBeGreaterThan(0);
  });

  it("shares the same picture into the channel once a minute, under answers alike byte for byte", async () => {
    h = await startSlackHarness();
    const first = await h.command("/timeline");
    await completed(h);
    const again = await h.command("/timeline");
    const umbrella = await h.command("/ceasefire", "timeline");
    expect(again.text).toBe(first.text);
    expect(umbrella.text).toBe(first.text);
    // Time for the answers' listeners to have uploaded, had they shared the picture again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.standin.calls("files.getUploadURLExternal")).toHaveLength(1);
    expect(h.standin.files.completed.map((f) => f.channelId)).toEqual(["C0CHANNEL"]);
  });
});
