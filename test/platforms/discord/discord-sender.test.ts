/**
 * What the Discord sender posts for an alert: the rendered reply with the delivery marker in the
 * footer, still within Discord's limits however full the reply was, so a reminder is never refused.
 */
import { describe, expect, it } from "vitest";
import { markerFor, nonceFor } from "../../../src/delivery/marker.js";
import { alertBody, messageHasMarker, withMarker } from "../../../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../../../src/platforms/discord/embeds.js";
import type { Reply } from "../../../src/reply/reply.js";
import { discordViolations, testPicture } from "../../support/index.js";

const marker = markerFor("gaza-2025:phase-one-end:1d");

/** A reminder whose text and sources fill the embed to Discord's 6,000 characters. */
function fullReminder(sourceTitle: number): Reply {
  return {
    kind: "answer",
    title: "Reminder",
    summary: [`Phase one ends tomorrow. Disputed: ${"x".repeat(8_000)}`],
    footer: {
      sources: [{ id: "a", title: "T".repeat(sourceTitle), publisher: "Wire", published: "2025-02-28" }],
      asOf: "2025-02-28",
      staleWarning: "This data is 12 days old and may be out of date.",
    },
    ephemeral: false,
  };
}

describe("the Discord sender's post", () => {
  it.each([
    ["a footer under its limit", 1_880],
    ["a footer at its 2,048 characters", 3_000],
  ])("keeps a reminder filled to 6,000 characters within every limit with its marker (%s)", (_, title) => {
    const reply = fullReminder(title);
    const plain = renderDiscord(reply).embeds[0];
    const filled =
      (plain?.title.length ?? 0) + (plain?.description?.length ?? 0) + (plain?.footer?.text.length ?? 0);
    expect(filled).toBe(6_000);

    const body = alertBody(renderDiscord, reply, marker, "1001");
    expect(discordViolations(body)).toEqual([]);
    const footer = body.embeds?.[0]?.footer?.text ?? "";
    expect(footer.endsWith(`⚠ This data is 12 days old and may be out of date.\nref ${marker}`)).toBe(true);
    expect(messageHasMarker({ id: "m", embeds: body.embeds ?? [] }, marker)).toBe(true);
    expect(body.nonce).toBe(nonceFor(marker, "1001"));
    expect(body.enforce_nonce).toBe(true);
  });

  it("would have gone over 6,000 characters had the marker been added to the reply as rendered for an answer", () => {
    const appended = withMarker(renderDiscord(fullReminder(1_880)), marker);
    expect(discordViolations(appended)).toEqual([
      expect.stringMatching(/^embeds \(total characters\): 6020 > 6000/),
    ]);
  });

  it("posts a private reply to the channel without the ephemeral flag", () => {
    const body = alertBody(renderDiscord, { ...fullReminder(10), ephemeral: true }, marker, "1001");
    expect("flags" in body).toBe(false);
  });

  it("adds the marker as a footer when the reply has none, within the embed's total", () => {
    const reply: Reply = { kind: "answer", title: "Update", summary: ["x".repeat(7_000)], ephemeral: false };
    const body = alertBody(renderDiscord, reply, marker, "1001");
    expect(body.embeds?.[0]?.footer?.text).toBe(`ref ${marker}`);
    expect(discordViolations(body)).toEqual([]);
  });

  it("posts an alert with a picture without it: no attachment, no image naming one", () => {
    const reply: Reply = { kind: "answer", title: "Reminder", ephemeral: false, picture: testPicture() };
    const body = alertBody(renderDiscord, reply, marker, "1001");
    expect(body).not.toHaveProperty("attachments");
    expect(body.embeds?.[0]).not.toHaveProperty("image");
    expect(body.embeds?.[0]?.footer?.text).toContain(marker);
  });
});
