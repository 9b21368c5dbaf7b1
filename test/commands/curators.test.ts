/** /curators through the core, as a person types it: who may use it, what it keeps, what it refuses. */
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

describe("curators", () => {
  it("makes the channel the default story's curators' channel, said in the channel", async () => {
    rig = channelRig(DURING);
    const { reply, text } = await rig.run("curators", { action: "set" });
    expect(reply).toMatchObject({ kind: "answer", title: "Curators' channel set", ephemeral: false });
    expect(text).toContain(
      "This channel is the curators' channel of Israel-Hamas ceasefire in Gaza (2025): it gets a short digest of the story's new leads",
    );
    expect(await rig.store.subscription(GAZA)).toMatchObject({
      kind: "leads",
      active: true,
      createdBy: "U1",
    });
  });

  it("refuses, privately, someone who may not manage the channel, and changes nothing", async () => {
    rig = channelRig(DURING);
    const { reply, text } = await rig.run("curators", { action: "set" }, { canManage: false });
    expect(reply).toMatchObject({ kind: "error", code: "not-allowed", ephemeral: true });
    expect(text).toContain("Only people who can manage this channel can use /curators");
    expect(await rig.store.subscription(GAZA)).toBeUndefined();
  });

  it("refuses a channel that readers follow the story in, or every story in, and keeps their subscription", async () => {
    for (const story of ["gaza-2025", "all"]) {
      rig = channelRig(DURING);
      await rig.run("subscribe", { kind: "updates", story });
      const { reply, text } = await rig.run("curators", { action: "set", story: "gaza-2025" });
      expect(reply).toMatchObject({ kind: "error", code: "readers-channel", ephemeral: true });
      expect(text).toContain("This channel gets readers' alerts about Israel-Hamas ceasefire in Gaza (2025)");
      expect((await rig.store.channelSubscriptions(GAZA)).map((s) => s.kind)).toEqual(["updates"]);
      await rig.close();
    }
    rig = channelRig(DURING);
  });

  it("makes /subscribe refuse the curators' channel of the same story, for it or for every story", async () => {
    rig = channelRig(DURING);
    await rig.run("curators", { action: "set" });
    for (const story of ["gaza-2025", "all"]) {
      const { reply, text } = await rig.run("subscribe", { kind: "all", story });
      expect(reply).toMatchObject({ kind: "error", code: "curators-channel", ephemeral: true });
      expect(text).toContain(
        "This channel is the curators' channel of Israel-Hamas ceasefire in Gaza (2025)",
      );
    }
    expect((await rig.store.channelSubscriptions(GAZA)).map((s) => [s.story, s.kind])).toEqual([
      ["gaza-2025", "leads"],
    ]);
  });

  it("shows whether the channel is the story's curators' channel, privately", async () => {
    rig = channelRig(DURING);
    expect((await rig.run("curators")).reply).toMatchObject({
      title: "Not a curators' channel",
      ephemeral: true,
    });
    await rig.run("curators", { action: "set" });
    const { reply } = await rig.run("curators", { action: "show" });
    expect(reply).toMatchObject({ title: "Curators' channel", ephemeral: true });
  });

  it("stops the digest with action:off and leaves the channel free to be a readers' channel", async () => {
    rig = channelRig(DURING);
    await rig.run("curators", { action: "set" });
    const { reply } = await rig.run("curators", { action: "off" });
    expect(reply).toMatchObject({ title: "Curators' channel off", ephemeral: false });
    expect(await rig.store.subscription(GAZA)).toMatchObject({ active: false });
    expect((await rig.run("curators", { action: "off" })).reply.title).toBe("Not a curators' channel");
    expect((await rig.run("subscribe", { kind: "updates" })).reply.kind).toBe("answer");
  });

  it("refuses, privately, a story the data lacks, and every story at once", async () => {
    rig = channelRig(DURING);
    for (const story of ["atlantis", "all"]) {
      const { reply } = await rig.run("curators", { action: "set", story });
      expect(reply).toMatchObject({ kind: "error", code: "unknown-value", ephemeral: true });
    }
    expect((await rig.run("curators", { action: "sometimes" })).reply).toMatchObject({
      kind: "error",
      ephemeral: true,
    });
  });

  it("is listed by /subscriptions, and /unsubscribe stops it like any subscription", async () => {
    rig = channelRig(DURING);
    await rig.run("curators", { action: "set" });
    const { text } = await rig.run("subscriptions");
    expect(text).toContain(
      "This channel gets a digest of new leads (a curators' channel) about Israel-Hamas ceasefire in Gaza (2025)",
    );
    expect(text).not.toContain("Next reminders");
    expect((await rig.run("unsubscribe")).reply.title).toBe("Unsubscribed");
    expect(await rig.store.subscription(GAZA)).toMatchObject({ active: false });
  });

  it("is listed by /help", async () => {
    rig = channelRig(DURING);
    const { text } = await rig.run("help");
    expect(text).toContain("/curators [action:…] [story:…]");
  });
});

describe("/curators in Arabic, Hebrew and French", () => {
  it.each([
    [
      "ar",
      "هذه القناة هي قناة المحررين الخاصة بـIsrael-Hamas ceasefire in Gaza (2025): تتلقى موجزًا قصيرًا بالأخبار الجديدة عن القصة",
      "تم تعيين قناة المحررين",
    ],
    [
      "he",
      "הערוץ הזה הוא ערוץ העורכים של Israel-Hamas ceasefire in Gaza (2025): הוא מקבל תקציר קצר של הידיעות החדשות על הסיפור",
      "ערוץ העורכים נקבע",
    ],
    [
      "fr",
      "Ce canal est le canal de la rédaction de Israel-Hamas ceasefire in Gaza (2025) : il reçoit un bref récapitulatif des nouvelles pistes",
      "Canal de la rédaction défini",
    ],
  ] as const)(
    "says in %s that the channel is now the story's curators' channel",
    async (language, sentence, title) => {
      rig = channelRig(DURING);
      const { reply, text } = await rig.run("curators", { action: "set" }, { canManage: true, language });
      expectWrittenIn(reply, language, [title]);
      expect(withoutIsolates(text)).toContain(sentence);
    },
  );

  it.each(["ar", "he", "fr"] as const)(
    "writes no English in %s: shown, off, not one, refused",
    async (language) => {
      rig = channelRig(DURING);
      const who = { canManage: true, language };
      await rig.run("curators", { action: "set" }, who);
      const replies = [
        (await rig.run("curators", {}, who)).reply,
        (await rig.run("curators", { action: "off" }, who)).reply,
        (await rig.run("curators", { action: "show" }, who)).reply,
        (await rig.run("curators", { story: "atlantis" }, who)).reply,
        (await rig.run("curators", { action: "set" }, { canManage: false, language })).reply,
      ];
      await rig.run("subscribe", {}, who);
      replies.push((await rig.run("curators", { action: "set" }, who)).reply);
      expect(replies.map((r) => r.kind)).toEqual(["answer", "answer", "answer", "error", "error", "error"]);
      for (const reply of replies) {
        expect(reply.language).toBe(language);
        expect(replyLeaks(reply, language, shippedStory())).toEqual([]);
      }
    },
  );
});
