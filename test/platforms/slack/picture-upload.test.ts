/**
 * Sharing a public answer's picture into its Slack channel with the real Web API client against the
 * stand-in: the external upload flow, what is never uploaded, and a refusal logged once per reason.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noMetrics } from "../../../src/monitoring/metrics.js";
import { pictureSharer, RecentShares, uploadClient } from "../../../src/platforms/slack/picture-upload.js";
import type { Reply } from "../../../src/reply/reply.js";
import { ManualClock } from "../../../src/time/clock.js";
import {
  bidiTextViolations,
  captureLog,
  PNG_SIGNATURE,
  pngSize,
  StandInSlack,
  testPicture,
} from "../../support/index.js";
import { slackClient } from "../../support/standins/clients.js";

let slack: StandInSlack;
beforeEach(async () => {
  slack = await StandInSlack.start("xoxb-stand-in");
});
afterEach(async () => {
  await slack.stop();
});

const answer: Reply = { kind: "answer", title: "Phase one: day 41 of 42", ephemeral: false };

describe("sharing a reply's picture into a Slack channel", () => {
  it("uploads the PNG and shares it into the channel, titled by the reply, with its alt text", async () => {
    const share = pictureSharer(slackClient(slack.apiUrl), captureLog().log);
    await share({ ...answer, picture: testPicture({ width: 33, height: 11 }) }, "C0PICTURES");
    const [file] = slack.files.completed;
    expect(file).toMatchObject({
      channelId: "C0PICTURES",
      filename: "timeline-test.png",
      title: "Phase one: day 41 of 42",
      altText: testPicture().alt,
      field: "body",
    });
    expect(file?.bytes?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(file?.bytes ?? Buffer.alloc(0))).toEqual({ width: 33, height: 11 });
  });

  it("titles the file with the reply's title cut to 250 characters, every bidirectional control closed", async () => {
    const share = pictureSharer(slackClient(slack.apiUrl), captureLog().log);
    const title = `Timeline: \u2068\u202e${"evil ".repeat(60)}\u202c\u2069`;
    await share({ ...answer, title, picture: testPicture() }, "C0PICTURES");
    const shared = slack.files.completed[0]?.title ?? "";
    expect(shared.length).toBeLessThanOrEqual(250);
    expect(shared.endsWith("\u202c\u2069…")).toBe(true);
    expect(bidiTextViolations(shared)).toEqual([]);
  });

  it("uploads nothing for a private answer, an error, or a reply without a picture", async () => {
    const share = pictureSharer(slackClient(slack.apiUrl), captureLog().log);
    await share({ ...answer, ephemeral: true, picture: testPicture() }, "C0");
    await share({ ...answer, kind: "error", picture: testPicture() }, "C0");
    await share(answer, "C0");
    expect(slack.calls("files.getUploadURLExternal")).toEqual([]);
  });

  it("logs a refusal at warn once per reason, with what to do, then at debug", async () => {
    const { log, lines } = captureLog();
    const share = pictureSharer(slackClient(slack.apiUrl), log);
    const reply = { ...answer, picture: testPicture() };
    for (let i = 0; i < 2; i++) {
      slack.files.refuseOnce("files.completeUploadExternal", "not_in_channel");
      await share(reply, "C0ELSEWHERE");
    }
    slack.files.refuseOnce("files.getUploadURLExternal", "missing_scope");
    await share(reply, "C0ELSEWHERE");
    const refusals = lines().filter((l) => typeof l.reason === "string");
    expect(refusals.map((l) => [l.reason, l.level])).toEqual([
      ["not_in_channel", 40],
      ["not_in_channel", 20],
      ["missing_scope", 40],
    ]);
    expect(refusals[0]).toMatchObject({ channel: "C0ELSEWHERE", picture: "timeline-test.png" });
    expect(String(refusals[2]?.remedy)).toContain("files:write");
    expect(slack.files.completed).toEqual([]);
  });

  it("logs a picture that cannot be drawn, and uploads nothing", async () => {
    const { log, lines } = captureLog();
    const share = pictureSharer(slackClient(slack.apiUrl), log);
    const broken = testPicture({
      png: () => {
        throw new Error("no font");
      },
    });
    await share({ ...answer, picture: broken }, "C0");
    expect(lines()).toContainEqual(expect.objectContaining({ reason: "not drawn: no font", level: 40 }));
    expect(slack.calls("files.getUploadURLExternal")).toEqual([]);
  });

  it("uploads with a client of the app's token and address that counts its rate-limit waits", async () => {
    let waits = 0;
    const client = uploadClient(slackClient(slack.apiUrl), { ...noMetrics, rateLimited: () => waits++ });
    slack.rateLimitsOnce.set("files.getUploadURLExternal", 0);
    await pictureSharer(client, captureLog().log)({ ...answer, picture: testPicture() }, "C0");
    expect(waits).toBe(1);
    expect(slack.files.completed).toHaveLength(1);
  });
});

describe("sharing the same picture into a channel once a minute", () => {
  const reply = { ...answer, picture: testPicture() };

  it("shares a picture asked again in the same minute once, and again the next minute", async () => {
    const clock = new ManualClock("2025-02-01T10:00:05Z");
    const share = pictureSharer(slackClient(slack.apiUrl), captureLog().log, new RecentShares(clock));
    await share(reply, "C0ONE");
    clock.set("2025-02-01T10:00:59Z");
    await share(reply, "C0ONE");
    expect(slack.files.completed).toHaveLength(1);
    clock.set("2025-02-01T10:01:00Z");
    await share(reply, "C0ONE");
    expect(slack.files.completed).toHaveLength(2);
  });

  it("shares it once for answers asked at the same moment", async () => {
    const share = pictureSharer(
      slackClient(slack.apiUrl),
      captureLog().log,
      new RecentShares(new ManualClock("2025-02-01T10:00:00Z")),
    );
    await Promise.all([share(reply, "C0ONE"), share(reply, "C0ONE"), share(reply, "C0ONE")]);
    expect(slack.files.completed).toHaveLength(1);
  });

  it("still shares it into another channel, and shares another picture of the same name", async () => {
    const share = pictureSharer(
      slackClient(slack.apiUrl),
      captureLog().log,
      new RecentShares(new ManualClock("2025-02-01T10:00:00Z")),
    );
    await share(reply, "C0ONE");
    await share(reply, "C0TWO");
    const otherPage = { ...answer, picture: testPicture({ width: 50 }) };
    await share(otherPage, "C0ONE");
    await share(reply, "C0ONE");
    await share(otherPage, "C0ONE");
    expect(
      slack.files.completed.map((f) => [f.channelId, pngSize(f.bytes ?? Buffer.alloc(0))?.width]),
    ).toEqual([
      ["C0ONE", 48],
      ["C0TWO", 48],
      ["C0ONE", 50],
    ]);
  });

  it("tries again at the next answer when Slack refused the upload", async () => {
    const share = pictureSharer(
      slackClient(slack.apiUrl),
      captureLog().log,
      new RecentShares(new ManualClock("2025-02-01T10:00:00Z")),
    );
    slack.files.refuseOnce("files.completeUploadExternal", "not_in_channel");
    await share(reply, "C0ONE");
    expect(slack.files.completed).toEqual([]);
    await share(reply, "C0ONE");
    expect(slack.files.completed).toHaveLength(1);
  });

  it("forgets the oldest claims beyond its capacity, and every claim when the minute turns", () => {
    const clock = new ManualClock("2025-02-01T10:00:00Z");
    const recent = new RecentShares(clock, 2);
    const png = Buffer.from("png");
    expect(recent.claim("C1", "a.png", png)).toBeTypeOf("function");
    expect(recent.claim("C2", "a.png", png)).toBeTypeOf("function");
    expect(recent.claim("C1", "a.png", png)).toBeUndefined();
    expect(recent.claim("C3", "a.png", png)).toBeTypeOf("function");
    expect(recent.claim("C2", "a.png", png)).toBeUndefined();
    expect(recent.claim("C1", "a.png", png)).toBeTypeOf("function");
    clock.set("2025-02-01T10:01:00Z");
    expect(recent.claim("C3", "a.png", png)).toBeTypeOf("function");
  });
});
