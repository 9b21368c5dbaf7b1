import { afterEach, describe, expect, it } from "vitest";
import type { Invocation } from "../../src/command-engine/definition.js";
import { runCommand } from "../../src/command-engine/run.js";
import { ENGLISH } from "../../src/language/words.js";
import {
  BEFORE,
  type ChannelRig,
  channelRig,
  DURING,
  expectWrittenIn,
  GAZA,
  registry,
  replyLeaks,
  shippedData,
  shippedStory,
  truceDataset,
  withoutIsolates,
} from "../support/index.js";

/** The shipped story beside the truce, which is the default. */
function shippedWithoutDefault() {
  const s = shippedStory();
  delete s.story.default;
  return s;
}

let rig: ChannelRig;
afterEach(async () => {
  await rig.close();
});

describe("subscribe", () => {
  it("puts each deadline's alerts in a thread of their own with threads:on, and refuses other values", async () => {
    rig = channelRig(DURING);
    const { text } = await rig.run("subscribe", { threads: "on" });
    expect(text).toContain("in a thread of their own");
    expect(await rig.store.threadMode(GAZA)).toBe("on");
    const { reply } = await rig.run("subscribe", { threads: "sideways" });
    expect(reply).toMatchObject({ kind: "error", code: "invalid-option" });
  });

  it("subscribes the channel to reminders and updates by default, from this moment on", async () => {
    rig = channelRig(DURING);
    const { reply } = await rig.run("subscribe");
    expect(reply.kind).toBe("answer");
    expect(reply.ephemeral).toBe(false);
    const sub = await rig.store.subscription(GAZA);
    expect(sub).toMatchObject({ kind: "all", active: true });
    expect(sub?.since.toISOString()).toBe("2025-02-28T10:00:00.000Z");
  });

  it("refuses, privately, someone who may not manage the channel, and changes nothing", async () => {
    rig = channelRig(DURING);
    const { reply, text } = await rig.run("subscribe", { kind: "reminders" }, { canManage: false });
    expect(reply.kind).toBe("error");
    expect(reply.ephemeral).toBe(true);
    expect(text).toContain("Only people who can manage this channel can use /subscribe");
    expect(await rig.store.subscription(GAZA)).toBeUndefined();
  });

  it("takes the channel's own lead times", async () => {
    rig = channelRig(BEFORE);
    await rig.run("subscribe", { kind: "reminders", lead: "2d, 2h" });
    expect(await rig.store.subscription(GAZA)).toMatchObject({
      kind: "reminders",
      leadTimes: ["2d", "2h"],
    });
  });

  it("subscribes the console to one story, another, or every story with story:, each its own subscription", async () => {
    rig = channelRig(DURING, truceDataset(shippedWithoutDefault()));
    await rig.run("subscribe", { story: "gaza-2025", kind: "reminders" });
    await rig.run("subscribe", { story: "all", kind: "updates" });
    const { text } = await rig.run("subscriptions");
    expect(text).toContain(
      "This channel gets deadline reminders about Israel-Hamas ceasefire in Gaza (2025)",
    );
    expect(text).toContain(
      "This channel gets news updates (new timeline events and figures) about every story",
    );
    expect(await rig.store.subscription({ ...GAZA, story: "*" })).toMatchObject({ kind: "updates" });
    const { reply } = await rig.run("subscribe", { story: "atlantis" });
    expect(reply).toMatchObject({ kind: "error", ephemeral: true, title: "Unknown story" });
    expect(reply.summary?.join("")).toBe(
      "There is no story `atlantis`. Stories: `truce`, `gaza-2025`, `all`.",
    );
  });

  it("subscribes to the default story when none is named", async () => {
    rig = channelRig(DURING, truceDataset(shippedWithoutDefault()));
    await rig.run("subscribe");
    expect((await rig.store.channelSubscriptions(GAZA)).map((s) => s.story)).toEqual(["truce"]);
  });

  it("names the option and what it expects for a bad kind", async () => {
    rig = channelRig(DURING);
    const { reply, text } = await rig.run("subscribe", { kind: "weekly" });
    expect(reply.ephemeral).toBe(true);
    expect(text).toContain("Option `kind` must be one of reminders, updates, all");
  });

  it("explains a lead time it cannot read", async () => {
    rig = channelRig(DURING);
    const { reply } = await rig.run("subscribe", { lead: "1 day" });
    expect(reply.kind).toBe("error");
    expect(await rig.store.subscription(GAZA)).toBeUndefined();
  });

  it("says it works in a channel when asked outside one (ceasefire-bot ask)", () => {
    const reply = runCommand(
      registry,
      "subscribe",
      {},
      {
        dataset: shippedData(),
        clock: { now: () => new Date(DURING) },
        settings: { staleAfterDays: 7, reminderHour: 9, timelinePageSize: 8 },
        commands: registry.list,
        words: ENGLISH,
      },
    );
    expect(reply.kind).toBe("error");
    expect(reply.title).toBe("/subscribe works in a channel");
  });

  describe("kind:events", () => {
    const server = { canManage: true, scheduledEvents: { botMayManage: true } };

    it("is refused, privately, where the workspace has no scheduled events (Slack, the console)", async () => {
      rig = channelRig(DURING);
      const { reply } = await rig.run("subscribe", { kind: "events" });
      expect(reply).toMatchObject({ code: "no-scheduled-events", ephemeral: true });
      expect(await rig.store.subscription(GAZA)).toBeUndefined();
    });

    it("is refused, privately and naming the permission, where the bot lacks Manage Events", async () => {
      rig = channelRig(DURING);
      const { reply, text } = await rig.run(
        "subscribe",
        { kind: "events" },
        { canManage: true, scheduledEvents: { botMayManage: false } },
      );
      expect(reply).toMatchObject({ code: "events-permission", ephemeral: true });
      expect(text).toContain("Manage Events");
      expect(await rig.store.subscription(GAZA)).toBeUndefined();
    });

    it("makes the server's scheduled events follow the story's deadlines, without lead times", async () => {
      rig = channelRig(DURING);
      const { reply, text } = await rig.run("subscribe", { kind: "events", lead: "1d" }, server);
      expect(reply.ephemeral).toBe(false);
      expect(text).toContain("scheduled events (one per upcoming deadline");
      expect(await rig.store.subscription(GAZA)).toMatchObject({ kind: "events", leadTimes: undefined });
    });
  });
});

describe("/subscribe in Arabic, Hebrew and French", () => {
  it.each([
    [
      "ar",
      "تتلقى هذه القناة الآن التذكير بالمواعيد النهائية عن Israel-Hamas ceasefire in Gaza (2025) (للتذكير قبل كل موعد نهائي بـ1d, 2h)؛ تنبيهات كل موعد نهائي، وأخبار كل شهر، في سلسلة رسائل خاصة بها.",
      ["تم الاشتراك", "التذكيرات التالية"],
    ],
    [
      "he",
      "מעכשיו הערוץ הזה יקבל תזכורות על מועדים בנושא Israel-Hamas ceasefire in Gaza (2025) (תזכורת 1d, 2h לפני כל מועד); ההתראות של כל מועד, והחדשות של כל חודש, בשרשור משלהן.",
      ["ההרשמה בוצעה", "התזכורות הבאות"],
    ],
    [
      "fr",
      "Ce canal reçoit désormais : rappels d'échéances, sur Israel-Hamas ceasefire in Gaza (2025) (rappel 1d, 2h avant chaque échéance) ; les alertes de chaque échéance, et les nouvelles de chaque mois, dans un fil à part.",
      ["Abonnement activé", "Prochains rappels"],
    ],
  ] as const)(
    "says in %s what the channel now gets, its lead times, threads and next reminders",
    async (language, sentence, expected) => {
      rig = channelRig(BEFORE);
      const { reply, text } = await rig.run(
        "subscribe",
        { kind: "reminders", lead: "1d,2h", threads: "on" },
        { canManage: true, language },
      );
      expectWrittenIn(reply, language, expected);
      expect(withoutIsolates(text)).toContain(sentence);
    },
  );

  it.each(["ar", "he", "fr"] as const)(
    "writes no English when the subscription changes, in %s",
    async (language) => {
      rig = channelRig(DURING);
      const who = { canManage: true, language };
      await rig.run("subscribe", { kind: "reminders" }, who);
      const changes: Record<string, string>[] = [
        {},
        { kind: "updates" },
        { story: "all", threads: "also-channel" },
      ];
      for (const options of changes) {
        const { reply } = await rig.run("subscribe", options, who);
        expect(reply.kind).toBe("answer");
        expect(replyLeaks(reply, language, shippedStory())).toEqual([]);
      }
    },
  );

  it.each(["ar", "he", "fr"] as const)(
    "refuses in %s, without English, whatever it refuses",
    async (language) => {
      rig = channelRig(DURING);
      const cases: [
        Record<string, string>,
        { canManage: boolean; scheduledEvents?: { botMayManage: boolean } },
      ][] = [
        [{ lead: "40d" }, { canManage: true }],
        [{ lead: "1d,2d,3d,4d,5d" }, { canManage: true }],
        [{ lead: "1x" }, { canManage: true }],
        [{ story: "atlantis" }, { canManage: true }],
        [{ kind: "events" }, { canManage: true }],
        [{ kind: "events" }, { canManage: true, scheduledEvents: { botMayManage: false } }],
        [{}, { canManage: false }],
      ];
      for (const [options, who] of cases) {
        const { reply } = await rig.run("subscribe", options, { ...who, language });
        expect(reply).toMatchObject({ kind: "error", language });
        expect(replyLeaks(reply, language, shippedStory()), JSON.stringify(options)).toEqual([]);
      }
      expect(await rig.store.subscription(GAZA)).toBeUndefined();
    },
  );

  it("says in Arabic how many lead times a channel may have, with Arabic's plural", async () => {
    rig = channelRig(DURING);
    const { text } = await rig.run(
      "subscribe",
      { lead: "1d,2d,3d,4d,5d" },
      { canManage: true, language: "ar" },
    );
    expect(withoutIsolates(text)).toContain("4 مهل تذكير على الأكثر لكل قناة.");
    const far = await rig.run("subscribe", { lead: "40d" }, { canManage: true, language: "ar" });
    expect(withoutIsolates(far.text)).toContain("مهلة التذكير 40d أطول من 30 يومًا.");
  });
});

describe("subscribe language:", () => {
  /** /subscribe in Discord server G1's channel C1, or Slack's, with the platform's locales. */
  async function subscribeIn(
    options: Record<string, string>,
    where: Partial<Pick<Invocation, "platform" | "guildLocale">> & { channelLocale?: string } = {},
  ) {
    const { channelLocale, ...rest } = where;
    const invocation: Invocation = {
      platform: "discord",
      channelId: "C1",
      workspaceId: "G1",
      userId: "U1",
      canManage: async () => true,
      ...rest,
      ...(channelLocale ? { channelLocale: async () => channelLocale } : {}),
    };
    return rig.core.answerInChannel("subscribe", options, invocation);
  }
  const sub = (platform = "discord") =>
    rig.store.subscription({ platform, channelId: "C1", story: "gaza-2025" });

  it("writes the channel's alerts in the language chosen, and says so", async () => {
    rig = channelRig(DURING);
    const { text } = await rig.run("subscribe", { language: "ar" });
    expect(text).toContain("Its alerts are written in Arabic.");
    expect((await rig.store.subscription(GAZA))?.language).toBe("ar");
  });

  it("refuses a language it does not write in", async () => {
    rig = channelRig(DURING);
    const { reply } = await rig.run("subscribe", { language: "de" });
    expect(reply).toMatchObject({ kind: "error", code: "invalid-option" });
    expect(await rig.store.subscription(GAZA)).toBeUndefined();
  });

  it("keeps the channel's language when it subscribes again without one, and changes it with one", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe", { language: "he" });
    await rig.run("subscribe", { kind: "reminders", lead: "1d" });
    expect((await rig.store.subscription(GAZA))?.language).toBe("he");
    await rig.run("subscribe", { language: "en" });
    expect((await rig.store.subscription(GAZA))?.language).toBe("en");
  });

  it("without a choice, records a Slack channel's own locale when it is one of ours", async () => {
    rig = channelRig(DURING);
    await subscribeIn({}, { platform: "slack", channelLocale: "fr-FR" });
    expect((await sub("slack"))?.language).toBe("fr");
  });

  it("without a choice, records a Discord server's locale when it is one of ours, and nothing otherwise", async () => {
    rig = channelRig(DURING);
    await subscribeIn({}, { guildLocale: "fr" });
    expect((await sub())?.language).toBe("fr");
    await rig.store.deactivate({ platform: "discord", channelId: "C1" }, "test", new Date(DURING));
    await rig.store.subscribe(
      { platform: "discord", channelId: "C2", story: "gaza-2025", workspaceId: "G1", kind: "all" },
      new Date(DURING),
    );
    const other = await rig.core.answerInChannel(
      "subscribe",
      {},
      {
        platform: "discord",
        channelId: "C3",
        workspaceId: "G1",
        userId: "U1",
        guildLocale: "pt-BR",
        canManage: async () => true,
      },
    );
    expect(other.kind).toBe("answer");
    expect(
      (await rig.store.subscription({ platform: "discord", channelId: "C3", story: "gaza-2025" }))?.language,
    ).toBeUndefined();
  });

  it("prefers the language chosen to any locale", async () => {
    rig = channelRig(DURING);
    await subscribeIn({ language: "ar" }, { platform: "slack", channelLocale: "fr-FR" });
    expect((await sub("slack"))?.language).toBe("ar");
  });
});
