/**
 * What the Slack sender posts for an alert: the rendered message untouched (the marker travels in the
 * metadata, which takes no room in the blocks), so a reply filled to Block Kit's limits still fits.
 */
import { ErrorCode, WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import { renderSlack } from "../../../src/platforms/slack/blocks.js";
import { alertArgs, METADATA_EVENT, SlackSender } from "../../../src/platforms/slack/slack-sender.js";
import type { Reply } from "../../../src/reply/reply.js";
import { slackViolations } from "../../support/index.js";

const marker = markerFor("gaza-2025:phase-one-end:1d");

describe("the Slack sender's post", () => {
  it("posts a reply filled to 50 blocks as rendered, with the marker in the metadata only", () => {
    const reply: Reply = {
      kind: "answer",
      title: "Reminder",
      summary: ["s".repeat(5_000)],
      fields: Array.from({ length: 80 }, (_, i) => ({ name: `Field ${i}`, value: ["v".repeat(4_000)] })),
      footer: {
        sources: [{ id: "a", title: "A".repeat(5_000), published: "2025-02-28" }],
        asOf: "2025-02-28",
      },
      ephemeral: false,
    };
    const rendered = renderSlack(reply);
    const args = alertArgs(renderSlack, reply, marker, "C1");
    expect(args.blocks).toEqual(rendered.blocks);
    expect(args.text).toBe(rendered.text);
    expect(args.metadata).toEqual({ event_type: METADATA_EVENT, event_payload: { marker } });
    expect(args.blocks).toHaveLength(50);
    expect(slackViolations(args)).toEqual([]);
    expect(JSON.stringify(args.blocks)).not.toContain(marker);
  });
});

describe("the Slack sender in threads", () => {
  it("takes a thread's missing first message for a gone thread, retried in a new one, and keeps the channel", () => {
    const sender = new SlackSender(new WebClient("xoxb-none"), renderSlack);
    const platform = (error: string) =>
      Object.assign(new Error(error), { code: ErrorCode.PlatformError, data: { error } });
    expect(sender.classify(platform("thread_not_found"))).toEqual({
      type: "transient",
      reason: "thread_not_found",
      threadGone: true,
    });
    expect(sender.classify(platform("channel_not_found"))).toMatchObject({ type: "gone" });
  });
});
