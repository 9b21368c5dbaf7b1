import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockText, type SlackHarness, startSlackHarness } from "../../support/harness/slack.js";

let bot: SlackHarness;
beforeAll(async () => {
  bot = await startSlackHarness({ level: "info", adminUsers: ["U0ALLOWED"] });
  bot.standin.admins.add("U0ADMIN");
});
afterAll(async () => {
  await bot.close();
});

const channel = { platform: "slack" as const, channelId: "C0CHANNEL", workspaceId: "T0TEAM" };

describe("slack subscriptions", () => {
  it("refuses /subscribe, privately, to someone who is not a workspace admin", async () => {
    const res = await bot.command("/subscribe", "kind:reminders", "U0READER");
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockText(res.json)).toContain("Only people who can manage this channel");
    expect(bot.standin.calls("users.info").some((c) => c.fields.user === "U0READER")).toBe(true);
    expect(await bot.store.subscription({ ...channel, story: "gaza-2025" })).toBeUndefined();
  });

  it("lets a workspace admin (users.info is_admin) subscribe the channel", async () => {
    const res = await bot.command("/subscribe", "kind:reminders lead:1d,2h", "U0ADMIN");
    expect(res.json?.response_type).toBe("in_channel");
    const sub = await bot.store.subscription({ ...channel, story: "gaza-2025" });
    expect(sub).toMatchObject({ kind: "reminders", leadTimes: ["1d", "2h"], active: true });
  });

  it("lets a user on SLACK_ADMIN_USERS manage it without asking users.info whether they are an admin", async () => {
    // users.info is asked for the user's locale (include_locale), never for whether they are an admin.
    const adminChecks = () =>
      bot.standin.calls("users.info").filter((c) => c.fields.include_locale !== "true");
    const before = adminChecks().length;
    const res = await bot.command("/ceasefire", "subscribe kind:all", "U0ALLOWED");
    expect(blockText(res.json)).not.toContain("Only people who can manage");
    expect(adminChecks()).toHaveLength(before);
    expect((await bot.store.subscription({ ...channel, story: "gaza-2025" }))?.kind).toBe("all");
  });

  it("shows anyone what the channel gets and its next alerts with /subscriptions", async () => {
    const res = await bot.command("/subscriptions", "", "U0READER");
    expect(res.json?.response_type).toBe("ephemeral");
    const text = blockText(res.json);
    expect(text).toContain("deadline reminders and news updates");
    expect(text).toContain("Phase one ends today, Saturday 1 March 2025");
  });

  it("refuses kind:events, privately: a Slack workspace has no scheduled events", async () => {
    const res = await bot.command("/subscribe", "kind:events", "U0ADMIN");
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockText(res.json)).toContain("this workspace has no scheduled events");
    expect((await bot.store.subscription({ ...channel, story: "gaza-2025" }))?.kind).not.toBe("events");
  });

  it("explains a bad lead time, privately", async () => {
    const res = await bot.command("/subscribe", "lead:tomorrow", "U0ADMIN");
    expect(res.json?.response_type).toBe("ephemeral");
    expect(blockText(res.json)).toContain("lead");
  });

  it("subscribes to every story with story:all, lists each, and stops one story with /unsubscribe story:", async () => {
    const res = await bot.command("/subscribe", "story:all kind:updates", "U0ADMIN");
    expect(blockText(res.json)).toContain("news updates (new timeline events and figures) about every story");
    expect(await bot.store.subscription({ ...channel, story: "*" })).toMatchObject({ kind: "updates" });
    const listed = blockText((await bot.command("/subscriptions", "", "U0READER")).json);
    expect(listed).toContain("about every story");
    expect(listed).toContain("about Israel-Hamas ceasefire in Gaza (2025)");
    const unknown = await bot.command("/subscribe", "story:atlantis", "U0ADMIN");
    expect(unknown.json?.response_type).toBe("ephemeral");
    expect(blockText(unknown.json)).toContain("There is no story `atlantis`");
    await bot.command("/unsubscribe", "story:all", "U0ADMIN");
    expect((await bot.store.subscription({ ...channel, story: "*" }))?.active).toBe(false);
    expect((await bot.store.subscription({ ...channel, story: "gaza-2025" }))?.active).toBe(true);
  });

  it("lets an admin unsubscribe the channel", async () => {
    const res = await bot.command("/unsubscribe", "", "U0ADMIN");
    expect(res.status).toBe(200);
    expect((await bot.store.subscription({ ...channel, story: "gaza-2025" }))?.active).toBe(false);
  });
});

describe("slack answers that wait on Slack itself", () => {
  it("acks within the window and posts the answer through the response_url when users.info is slow", async () => {
    const slow = await startSlackHarness({ level: "info", deferAfterMs: 100 });
    try {
      slow.standin.admins.add("U0ADMIN");
      slow.standin.delays.set("users.info", 400);
      const res = await slow.command("/subscribe", "kind:reminders", "U0ADMIN");
      expect(res.status).toBe(200);
      expect(res.text).toBe(""); // acked empty, before the answer was ready
      const followUp = await slow.standin.waitFor((r) => r.path.startsWith("/respond/"));
      const body = JSON.parse(followUp.body);
      expect(body.response_type).toBe("in_channel");
      expect(JSON.stringify(body.blocks)).toContain("Subscribed");
      expect((await slow.store.subscription({ ...channel, story: "gaza-2025" }))?.kind).toBe("reminders");
    } finally {
      await slow.close();
    }
  });
});
