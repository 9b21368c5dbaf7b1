import { afterEach, describe, expect, it } from "vitest";
import { pause } from "../../src/calendar-events/pause.js";
import { AFTER, BEFORE, type ChannelRig, channelRig, DURING } from "../support/index.js";

let rig: ChannelRig;
afterEach(async () => {
  await rig.close();
});

describe("subscriptions", () => {
  it("shows the channel's thread setting", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe");
    expect((await rig.run("subscriptions")).text).toContain("Threads: off (every alert in the channel).");
    await rig.run("subscribe", { threads: "also-channel" });
    expect((await rig.run("subscriptions")).text).toContain("Threads: also-channel");
  });

  it("says a channel that never subscribed gets nothing, to anyone who asks", async () => {
    rig = channelRig(DURING);
    const { reply, text } = await rig.run("subscriptions", {}, { canManage: false });
    expect(reply.ephemeral).toBe(true);
    expect(text.toLowerCase()).toContain("not subscribed");
  });

  it("before phase one: the next reminder is that phase one ends tomorrow, on 28 February at 09:00", async () => {
    rig = channelRig(BEFORE);
    await rig.run("subscribe", { kind: "reminders" });
    const { text } = await rig.run("subscriptions", {}, { canManage: false });
    expect(text).toContain("28 Feb 2025, 09:00");
    expect(text).toContain("Phase one ends tomorrow, Saturday 1 March 2025.");
  });

  it("during phase one (after the 09:00 reminder): the next is that phase one ends today", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe", { kind: "reminders" });
    const { text } = await rig.run("subscriptions");
    expect(text).not.toContain("Phase one ends tomorrow");
    expect(text).toContain("Phase one ends today, Saturday 1 March 2025.");
  });

  it("after phase one: only the Philadelphi completion reminders are left, with the dispute", async () => {
    rig = channelRig(AFTER);
    await rig.run("subscribe", { kind: "reminders" });
    const { text } = await rig.run("subscriptions");
    expect(text).not.toContain("Phase one ends");
    expect(text).toContain("The Philadelphi corridor withdrawal is due to be complete tomorrow");
    expect(text).toContain("Disputed: Israeli officials said they would not withdraw as planned");
  });

  it("lists an events subscription, and says when the server's events are paused", async () => {
    rig = channelRig(DURING);
    await rig.run(
      "subscribe",
      { kind: "events" },
      { canManage: true, scheduledEvents: { botMayManage: true } },
    );
    expect((await rig.run("subscriptions")).text).toContain("scheduled events (one per upcoming deadline");
    await pause(
      rig.store,
      { platform: "console", workspaceId: "W1" },
      "the bot lacks Manage Events (50013)",
      rig.clock.now(),
    );
    expect((await rig.run("subscriptions")).text).toContain(
      "Scheduled events paused: the bot lacks Manage Events (50013)",
    );
  });
});

describe("subscriptions' languages", () => {
  it("says each subscription's language, English for one made without", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe");
    expect((await rig.run("subscriptions")).text).toContain("Its alerts are written in English.");
    await rig.run("subscribe", { story: "all", language: "ar" });
    const { text } = await rig.run("subscriptions");
    expect(text).toContain("Its alerts are written in العربية.");
  });

  it("says a subscription's language in the reader's words", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe", { language: "he" });
    await rig.run("language", { language: "fr" });
    const { reply, text } = await rig.run("subscriptions");
    expect(reply.language).toBe("fr");
    expect(text).toContain("Ses alertes sont écrites en עברית.");
  });
});
