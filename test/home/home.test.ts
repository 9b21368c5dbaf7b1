import { afterEach, describe, expect, it } from "vitest";
import { registry } from "../../commands/index.js";
import { createCore } from "../../src/bot/core.js";
import { defaultSettings } from "../../src/config.js";
import { buildHome, type HomeAnswer, type HomeChannels, latestEvents } from "../../src/home/home.js";
import { wordsFor } from "../../src/language/words.js";
import { plainText } from "../../src/reply/reply.js";
import { ALL_STORIES } from "../../src/store/store.js";
import {
  type ChannelRig,
  channelRig,
  DURING,
  datasetOf,
  englishLeaks,
  silentLog,
  truceStory,
  truceWithElections,
} from "../support/index.js";

const viewer = (userId: string, all = false) => ({
  platform: "slack" as const,
  workspaceId: "T1",
  userId,
  managesAll: async () => all,
});

function answers(sections: Awaited<ReturnType<typeof buildHome>>["sections"]): HomeAnswer[] {
  return sections.filter((s): s is HomeAnswer => s.kind === "answer");
}

function channels(sections: Awaited<ReturnType<typeof buildHome>>["sections"]): HomeChannels {
  const found = sections.find((s): s is HomeChannels => s.kind === "channels");
  if (!found) throw new Error("no channels section");
  return found;
}

let rig: ChannelRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe("a person's Home", () => {
  it("shows the default story as /phase, /deadlines show:upcoming and the latest of /timeline say it", async () => {
    rig = channelRig(DURING);
    const home = await buildHome(rig.core, viewer("U1"));
    const shown = answers(home.sections);
    expect(shown.map((a) => a.command).slice(0, 3)).toEqual([
      "/phase",
      "/deadlines show:upcoming",
      expect.stringMatching(/^\/timeline from:\d{4}-\d\d-\d\d( page:\d+)?$/),
    ]);
    expect(shown[0]?.reply).toEqual(rig.core.answerQuestion("phase", {}));
    expect(shown[1]?.reply).toEqual(rig.core.answerQuestion("deadlines", { show: "upcoming" }));
    expect(home.at).toEqual(new Date(DURING));
  });

  it("shows at least the five latest events known now, ending with the latest", async () => {
    rig = channelRig(DURING);
    const home = await buildHome(rig.core, viewer("U1"));
    const timeline = answers(home.sections)[2]?.reply;
    expect(timeline?.lines?.length).toBeGreaterThanOrEqual(5);
    const story = rig.core.dataset().defaultStory;
    const latest = latestEvents(story, new Date(DURING));
    expect(latest?.known).toBeGreaterThanOrEqual(5);
    // The last line is the latest event known at DURING: nothing after it is on the timeline yet.
    const all = rig.core.answerQuestion("timeline", { from: latest?.from ?? "", page: "1" });
    expect(plainText(timeline?.lines?.at(-1) ?? [])).toBe(plainText(all.lines?.at(-1) ?? []));
  });

  it("shows the last page of the timeline when the latest days hold more than a page", async () => {
    rig = channelRig(DURING);
    const core = createCore({
      registry,
      data: { dataset: rig.core.dataset() },
      clock: rig.clock,
      settings: { ...defaultSettings, timelinePageSize: 2 },
      log: silentLog(),
    });
    const home = await buildHome(core, viewer("U1"));
    const timeline = answers(home.sections)[2];
    const latest = latestEvents(core.dataset().defaultStory, new Date(DURING));
    const pages = Math.ceil((latest?.known ?? 0) / 2);
    expect(pages).toBeGreaterThan(1);
    expect(timeline?.command).toBe(`/timeline from:${latest?.from} page:${pages}`);
    const full = rig.core.answerQuestion("timeline", { from: latest?.from ?? "" });
    expect(plainText(timeline?.reply.lines?.at(-1) ?? [])).toBe(plainText(full.lines?.at(-1) ?? []));
  });

  it("says nothing of a deadline before the report that first gives it", async () => {
    rig = channelRig("2025-02-19T10:00:00Z", truceWithElections());
    const before = await buildHome(rig.core, viewer("U1"));
    expect(JSON.stringify(before)).not.toContain("Elections in the North");
    rig.clock.set("2025-02-21T10:00:00Z");
    const after = await buildHome(rig.core, viewer("U1"));
    const deadlines = answers(after.sections).find((a) => a.command.startsWith("/deadlines"));
    expect(JSON.stringify(deadlines?.reply.fields)).toContain("Elections in the North");
    expect(deadlines?.reply.footer?.sources.map((s) => s.id)).toContain("s-0220");
  });

  it("shows every other story's phase after the default story's", async () => {
    const other = truceStory((s) => {
      s.story.id = "other-truce";
      s.story.title = "Another truce";
      s.story.default = false;
    });
    rig = channelRig("2025-02-21T10:00:00Z", datasetOf(truceStory(), other));
    const home = await buildHome(rig.core, viewer("U1"));
    const others = rig.core
      .dataset()
      .stories.filter((s) => s !== rig?.core.dataset().defaultStory)
      .map((s) => `/phase story:${s.story.id}`);
    expect(others.length).toBeGreaterThan(0);
    expect(answers(home.sections).map((a) => a.command)).toEqual(expect.arrayContaining(others));
    expect(home.sections.findIndex((s) => s.kind === "channels")).toBe(3);
  });

  it("lists the channels a person subscribed, each with kind, story and lead times", async () => {
    rig = channelRig(DURING);
    const at = new Date(DURING);
    const base = { platform: "slack" as const, workspaceId: "T1", story: "gaza-2025" };
    await rig.store.subscribe(
      { ...base, channelId: "C1", kind: "reminders", leadTimes: ["1d", "2h"], userId: "U1" },
      at,
    );
    await rig.store.subscribe(
      {
        ...base,
        channelId: "C1",
        story: ALL_STORIES,
        kind: "updates",
        leadTimes: undefined,
        userId: "U1",
      },
      at,
    );
    await rig.store.subscribe(
      { ...base, channelId: "C2", kind: "all", leadTimes: undefined, userId: "U2" },
      at,
    );
    await rig.store.subscribe(
      { ...base, workspaceId: "T2", channelId: "C3", kind: "all", leadTimes: undefined, userId: "U1" },
      at,
    );
    const mine = channels((await buildHome(rig.core, viewer("U1"))).sections);
    expect(mine.list.map((c) => c.channelId)).toEqual(["C1"]);
    const lines = mine.list[0]?.gets.map(plainText) ?? [];
    expect(lines[0]).toMatch(
      /^deadline reminders about .*Gaza.* \(reminding 1d, 2h before each deadline\), since /,
    );
    expect(lines[1]).toMatch(/^news updates .* about every story, since /);
    const admin = channels((await buildHome(rig.core, viewer("U9", true))).sections);
    expect(admin.list.map((c) => c.channelId)).toEqual(["C1", "C2"]);
    expect(plainText(admin.summary)).toMatch(/^Every channel of this workspace/);
  });

  it("asks whether the person manages every channel only when the workspace has subscriptions", async () => {
    rig = channelRig(DURING);
    let asked = 0;
    const home = await buildHome(rig.core, {
      ...viewer("U1"),
      managesAll: async () => {
        asked += 1;
        return true;
      },
    });
    expect(asked).toBe(0);
    expect(channels(home.sections).list).toEqual([]);
    expect(plainText(channels(home.sections).summary)).toMatch(/No channel you subscribed gets alerts/);
  });

  it("leaves out an answer that is an error, such as a story without events", async () => {
    rig = channelRig(
      DURING,
      datasetOf(
        truceStory((s) => {
          s.events = [];
        }),
      ),
    );
    const home = await buildHome(rig.core, viewer("U1"));
    expect(answers(home.sections).map((a) => a.command)).toEqual(["/phase", "/deadlines show:upcoming"]);
    expect(home.sections.every((s) => s.kind !== "answer" || s.reply.kind === "answer")).toBe(true);
  });
});

describe("a person's Home in their language", () => {
  it("asks the core each answer in the person's language and marks the Home with it", async () => {
    rig = channelRig(DURING);
    const home = await buildHome(rig.core, { ...viewer("U1"), language: "ar" });
    expect(home.language).toBe("ar");
    const shown = answers(home.sections);
    expect(shown[0]?.reply).toEqual(rig.core.answerQuestion("phase", {}, "ar"));
    expect(shown[1]?.reply).toEqual(rig.core.answerQuestion("deadlines", { show: "upcoming" }, "ar"));
    expect((await buildHome(rig.core, viewer("U1"))).language).toBeUndefined();
  });

  it.each(["ar", "he", "fr"] as const)(
    "lists the person's channels in %s, with no English sentence of the bot's",
    async (language) => {
      rig = channelRig(DURING);
      const at = new Date(DURING);
      const base = { platform: "slack" as const, workspaceId: "T1", story: "gaza-2025", userId: "U1" };
      await rig.store.subscribe({ ...base, channelId: "C1", kind: "reminders", leadTimes: ["1d", "2h"] }, at);
      await rig.store.subscribe({ ...base, channelId: "C2", kind: "all", leadTimes: undefined }, at);
      await rig.store.subscribe(
        { ...base, channelId: "C3", story: ALL_STORIES, kind: "updates", leadTimes: undefined },
        at,
      );
      const words = wordsFor(language);
      for (const all of [false, true]) {
        const mine = channels((await buildHome(rig.core, { ...viewer("U1", all), language })).sections);
        expect(mine.title).toBe(words.t("home.channels.title"));
        const text = [plainText(mine.summary), ...mine.list.flatMap((c) => c.gets.map(plainText))].join("\n");
        const story = rig.core.dataset().byId.get("gaza-2025")?.story.title ?? "";
        expect(englishLeaks(text, language, { except: [story] }), text).toEqual([]);
        expect(text).toContain(words.t("subscriptions.kind.reminders"));
      }
      const none = channels((await buildHome(rig.core, { ...viewer("U9"), language })).sections);
      expect(plainText(none.summary)).toBe(words.t("home.channels.none-mine"));
    },
  );
});
