import { afterEach, describe, expect, it } from "vitest";
import {
  type ChannelRig,
  channelRig,
  DURING,
  expectWrittenIn,
  GAZA,
  replyLeaks,
  shippedStory,
  withoutIsolates,
} from "../support/index.js";

let rig: ChannelRig;
afterEach(async () => {
  await rig.close();
});

describe("unsubscribe", () => {
  it("stops a subscribed channel's reminders and updates", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe");
    const { reply } = await rig.run("unsubscribe");
    expect(reply.kind).toBe("answer");
    expect((await rig.store.subscription(GAZA))?.active).toBe(false);
  });

  it("stops a server's scheduled events and says their events are removed", async () => {
    rig = channelRig(DURING);
    await rig.run(
      "subscribe",
      { kind: "events" },
      { canManage: true, scheduledEvents: { botMayManage: true } },
    );
    const { text } = await rig.run("unsubscribe");
    expect(text).toContain("The server's scheduled events of its deadlines are removed.");
    expect((await rig.store.subscription(GAZA))?.active).toBe(false);
  });

  it("refuses someone who may not manage the channel and leaves the subscription alone", async () => {
    rig = channelRig(DURING);
    await rig.run("subscribe");
    const { reply } = await rig.run("unsubscribe", {}, { canManage: false });
    expect(reply.kind).toBe("error");
    expect(reply.ephemeral).toBe(true);
    expect((await rig.store.subscription(GAZA))?.active).toBe(true);
  });

  it("says so when the channel was not subscribed", async () => {
    rig = channelRig(DURING);
    const { text } = await rig.run("unsubscribe");
    expect(text.toLowerCase()).toContain("not subscribed");
  });
});

describe("/unsubscribe in Arabic, Hebrew and French", () => {
  it.each([
    [
      "ar",
      "لن تتلقى هذه القناة بعد الآن أي تذكيرات أو تحديثات عن Israel-Hamas ceasefire in Gaza (2025).",
      "تم إلغاء الاشتراك",
    ],
    [
      "he",
      "הערוץ הזה לא יקבל עוד תזכורות או עדכונים בנושא Israel-Hamas ceasefire in Gaza (2025).",
      "ההרשמה בוטלה",
    ],
    [
      "fr",
      "Ce canal ne reçoit plus ni rappels ni mises à jour sur Israel-Hamas ceasefire in Gaza (2025).",
      "Abonnement arrêté",
    ],
  ] as const)("says in %s that the channel gets no more of a story", async (language, sentence, title) => {
    rig = channelRig(DURING);
    const who = { canManage: true, language };
    await rig.run("subscribe", {}, who);
    const { reply, text } = await rig.run("unsubscribe", { story: "gaza-2025" }, who);
    expectWrittenIn(reply, language, [title]);
    expect(withoutIsolates(text)).toContain(sentence);
  });

  it.each(["ar", "he", "fr"] as const)(
    "writes no English in %s: every story, events removed, not subscribed, refused",
    async (language) => {
      rig = channelRig(DURING);
      const server = { canManage: true, scheduledEvents: { botMayManage: true }, language };
      await rig.run("subscribe", { kind: "events" }, server);
      await rig.run("subscribe", { story: "all" }, server);
      const replies = [
        (await rig.run("unsubscribe", {}, server)).reply,
        (await rig.run("unsubscribe", {}, server)).reply,
        (await rig.run("unsubscribe", { story: "atlantis" }, server)).reply,
        (await rig.run("unsubscribe", {}, { canManage: false, language })).reply,
      ];
      expect(replies.map((r) => r.kind)).toEqual(["answer", "answer", "error", "error"]);
      for (const reply of replies) {
        expect(reply.language).toBe(language);
        expect(replyLeaks(reply, language, shippedStory())).toEqual([]);
      }
    },
  );
});
