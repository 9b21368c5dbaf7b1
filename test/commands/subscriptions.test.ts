import { afterEach, describe, expect, it } from "vitest";
import { planAlerts } from "../../src/alerts/plan.js";
import { pause } from "../../src/calendar-events/pause.js";
import {
  AFTER,
  BEFORE,
  CHANNEL,
  type ChannelRig,
  channelRig,
  DURING,
  expectWrittenIn,
  replyLeaks,
  shippedData,
  shippedStory,
  withoutIsolates,
} from "../support/index.js";

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

describe("/subscriptions in Arabic, Hebrew and French", () => {
  /** The channel subscribed to the shipped story with threads, and a reminder in its ledger. */
  async function subscribedWithDelivery(language: "ar" | "he" | "fr") {
    rig = channelRig(BEFORE);
    await rig.run("subscribe", { lead: "1d,2h", threads: "on" }, { canManage: true, language });
    const [alert] = planAlerts(
      shippedData(),
      { from: new Date(BEFORE), to: new Date("2025-03-10T00:00:00Z") },
      { reminderHour: 9 },
    );
    if (!alert) throw new Error("the shipped story has no reminder");
    const row = {
      ...CHANNEL,
      key: alert.id,
      kind: "reminder" as const,
      dueAt: alert.at,
      marker: "m",
      summary: alert.text,
    };
    await rig.store.claim(row, new Date(BEFORE));
  }

  it.each([
    [
      "ar",
      "تتلقى هذه القناة التذكير بالمواعيد النهائية وتحديثات الأخبار عن Israel-Hamas ceasefire in Gaza (2025) (للتذكير قبل كل موعد نهائي بـ1d, 2h)، منذ",
      [
        "التنبيهات في هذه القناة",
        "سلاسل الرسائل:",
        "التذكيرات التالية",
        "آخر الرسائل المرسلة",
        "قيد الإرسال",
      ],
    ],
    [
      "he",
      "הערוץ הזה מקבל תזכורות על מועדים ועדכוני חדשות בנושא Israel-Hamas ceasefire in Gaza (2025) (תזכורת 1d, 2h לפני כל מועד), מאז",
      ["ההתראות בערוץ הזה", "שרשורים:", "התזכורות הבאות", "המשלוחים האחרונים", "בשליחה"],
    ],
    [
      "fr",
      "Ce canal reçoit : rappels d'échéances et mises à jour, sur Israel-Hamas ceasefire in Gaza (2025) (rappel 1d, 2h avant chaque échéance), depuis le",
      ["Alertes de ce canal", "Fils : on", "Prochains rappels", "Derniers envois", "en cours d'envoi"],
    ],
  ] as const)(
    "says in %s what the channel gets, its threads, next reminders and last deliveries",
    async (language, sentence, expected) => {
      await subscribedWithDelivery(language);
      const { reply, text } = await rig.run("subscriptions", {}, { canManage: false, language });
      expectWrittenIn(reply, language, expected);
      expect(withoutIsolates(text)).toContain(sentence);
    },
  );

  it.each(["ar", "he", "fr"] as const)(
    "writes no English in %s: stopped, never subscribed, events paused, nothing ahead",
    async (language) => {
      const who = { canManage: true, language };
      const server = { ...who, scheduledEvents: { botMayManage: true } };
      await subscribedWithDelivery(language);
      await rig.run("unsubscribe", {}, who);
      const replies = [(await rig.run("subscriptions", {}, who)).reply];
      await rig.close();
      rig = channelRig("2026-06-01T10:00:00Z");
      replies.push((await rig.run("subscriptions", {}, who)).reply);
      await rig.run("subscribe", { kind: "reminders", story: "all" }, who);
      await rig.run("subscribe", { kind: "events" }, server);
      await pause(
        rig.store,
        { platform: "console", workspaceId: "W1" },
        "the bot lacks Manage Events (50013)",
        rig.clock.now(),
      );
      replies.push((await rig.run("subscriptions", {}, who)).reply);
      for (const reply of replies) {
        expect(reply.language).toBe(language);
        expect(replyLeaks(reply, language, shippedStory())).toEqual([]);
      }
    },
  );

  it("says in Arabic that no reminder is due in the next 60 days, with Arabic's plural", async () => {
    rig = channelRig("2026-06-01T10:00:00Z");
    await rig.run("subscribe", { kind: "reminders" }, { canManage: true, language: "ar" });
    const { text } = await rig.run("subscriptions", {}, { canManage: true, language: "ar" });
    expect(withoutIsolates(text)).toContain("لا تذكيرات خلال الـ60 يومًا القادمة.");
  });
});

describe("subscriptions' languages", () => {
  it("says each subscription's language, English for one made without", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe");
    expect((await rig.run("subscriptions")).text).toContain("Its alerts are written in English.");
    await rig.run("subscribe", { story: "all", language: "ar" });
    const { text } = await rig.run("subscriptions");
    expect(text).toContain("Its alerts are written in Arabic.");
  });

  it("says a subscription's language in the reader's words", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe", { language: "he" });
    await rig.run("language", { language: "fr" });
    const { reply, text } = await rig.run("subscriptions");
    expect(reply.language).toBe("fr");
    expect(text).toContain("Ses alertes sont écrites en hébreu.");
  });
});
