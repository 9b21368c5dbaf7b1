import { afterEach, describe, expect, it } from "vitest";
import { buildHome, type Home, type HomeAnswer } from "../../../src/home/home.js";
import { wordsFor } from "../../../src/language/words.js";
import { renderSlack } from "../../../src/platforms/slack/blocks.js";
import { fitParts, renderHomeView } from "../../../src/platforms/slack/home-view.js";
import { SLACK_LIMITS } from "../../../src/platforms/slack/limits.js";
import type { Reply } from "../../../src/reply/reply.js";
import {
  type ChannelRig,
  channelRig,
  DURING,
  datasetOf,
  mrkdwnTokensWhole,
  RANDOM_STORY_AT,
  randomStory,
  slackViewViolations,
  subscribeManyChannels,
} from "../../support/index.js";

const viewer = (userId: string, all = false) => ({
  platform: "slack" as const,
  workspaceId: "T1",
  userId,
  managesAll: async () => all,
});

let rig: ChannelRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The text of every block, for assertions. */
function texts(blocks: readonly unknown[]): string[] {
  return blocks.flatMap((b) => {
    const block = b as {
      text?: { text: string };
      fields?: { text: string }[];
      elements?: { text?: string }[];
    };
    return [
      ...(block.text ? [block.text.text] : []),
      ...(block.fields ?? []).map((f) => f.text),
      ...(block.elements ?? []).flatMap((e) => (typeof e.text === "string" ? [e.text] : [])),
    ];
  });
}

/** A made-up answer of `parts` sections, with its sources. */
function bigAnswer(parts: number, command = "/deadlines show:upcoming"): HomeAnswer {
  const reply: Reply = {
    kind: "answer",
    title: "Deadlines: a long story",
    fields: Array.from({ length: parts }, (_, i) => ({ name: `Deadline ${i}`, value: ["x".repeat(2000)] })),
    footer: { sources: [{ id: "s1", title: "The report", published: "2025-01-10" }], asOf: "2025-01-10" },
    ephemeral: false,
  };
  return { kind: "answer", command, reply };
}

describe("a Home as a Slack Home tab view", () => {
  it("shows each answer as its command's message, without its buttons", async () => {
    rig = channelRig(DURING);
    const home = await buildHome(rig.core, viewer("U1"));
    const view = renderHomeView(home);
    expect(view.type).toBe("home");
    expect(texts(view.blocks.slice(0, 1))[0]).toMatch(/^What the bot's commands answer now/);
    const phase = renderSlack(rig.core.answerQuestion("phase", {}));
    const withoutButtons = phase.blocks.filter((b) => b.type !== "actions");
    expect(phase.blocks.some((b) => b.type === "actions")).toBe(true);
    expect(view.blocks.slice(2, 2 + withoutButtons.length)).toEqual(withoutButtons);
    expect(view.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(slackViewViolations(view)).toEqual([]);
  });

  it("links the viewer's channels and says what each gets", async () => {
    rig = channelRig(DURING);
    const at = new Date(DURING);
    const base = { platform: "slack" as const, workspaceId: "T1", story: "gaza-2025", userId: "U1" };
    await rig.store.subscribe({ ...base, channelId: "C0NEWS", kind: "reminders", leadTimes: ["1d"] }, at);
    await rig.store.subscribe(
      { ...base, channelId: "not-a-slack-id", kind: "all", leadTimes: undefined },
      at,
    );
    const view = renderHomeView(await buildHome(rig.core, viewer("U1")));
    const all = texts(view.blocks).join("\n");
    expect(all).toContain("<#C0NEWS>\n• deadline reminders about");
    expect(all).toContain("(reminding 1d before each deadline)");
    expect(all).toContain("not-a-slack-id\n• deadline reminders and news updates about");
    expect(all).not.toContain("<#not-a-slack-id>");
  });

  it("cuts a long answer to fit, keeping its title and sources and saying what shows it all", () => {
    const home: Home = {
      at: new Date(DURING),
      sections: [bigAnswer(48), bigAnswer(48, "/timeline from:2025-01-01")],
    };
    const view = renderHomeView(home);
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.viewBlocks);
    expect(slackViewViolations(view)).toEqual([]);
    expect(view.blocks[2]?.type).toBe("header");
    expect(view.blocks.filter((b) => b.type === "header")).toHaveLength(2);
    expect(view.blocks.at(-1)?.type).toBe("context");
    expect(texts(view.blocks.slice(-1))[0]).toContain("The report");
    expect(texts(view.blocks).join("\n")).toMatch(
      /more parts? not shown: \/deadlines show:upcoming shows them all/,
    );
  });

  it("leaves out the last sections first when even their shortest forms do not fit, and says how many", () => {
    const sections = Array.from({ length: 10 }, (_, i) => bigAnswer(5, `/phase story:s${i}`));
    const blocks = fitParts(
      [],
      sections.map((s) => ({ blocks: renderSlack(s.reply).blocks, command: s.command })),
      { blocks: 20, bytes: 250_000 },
    );
    expect(blocks.length).toBeLessThanOrEqual(20);
    expect(texts(blocks).at(-1)).toMatch(/^… \d+ more sections not shown\.$/);
    expect(blocks[1]?.type).toBe("header");
  });

  it("stays within a view's bytes when every block is at its longest", () => {
    const home: Home = {
      at: new Date(DURING),
      sections: Array.from({ length: 30 }, (_, i) => bigAnswer(60, `/phase story:s${i}`)),
    };
    const view = renderHomeView(home);
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThanOrEqual(SLACK_LIMITS.viewBytes);
    expect(slackViewViolations(view)).toEqual([]);
  });

  it("holds whatever the data: many extreme stories and thousands of channels", async () => {
    const stories = [1, 2, 3, 4, 5, 6].map((seed) => {
      const raw = randomStory(seed * 7_919);
      raw.story.default = seed === 1;
      return raw;
    });
    rig = channelRig(RANDOM_STORY_AT, datasetOf(...stories));
    await subscribeManyChannels(rig.store, {
      count: 2_000,
      storyIds: stories.map((s) => s.story.id),
      workspaceId: "T1",
      kind: "reminders",
      userId: "U1",
      at: RANDOM_STORY_AT,
    });
    const view = renderHomeView(await buildHome(rig.core, viewer("U1")));
    expect(slackViewViolations(view)).toEqual([]);
    const headers = new Set(view.blocks.flatMap((b) => (b.type === "header" ? [b.text.text] : [])));
    for (const text of texts(view.blocks).filter((t) => !headers.has(t)))
      expect(mrkdwnTokensWhole(text), text).toBe(true);
    expect(texts(view.blocks).join("\n")).toContain("<#C00000000>");
  });
});

describe("the Home view in the viewer's language", () => {
  it.each(["ar", "he", "fr"] as const)("writes its own words in %s", async (language) => {
    const rig = channelRig(DURING);
    try {
      const view = renderHomeView(await buildHome(rig.core, { ...viewer("U1"), language }));
      const lead = view.blocks[0];
      expect(lead?.type).toBe("context");
      expect(JSON.stringify(lead)).toContain(JSON.stringify(wordsFor(language).t("home.lead")).slice(1, -1));
      expect(JSON.stringify(view)).not.toContain("What the bot's commands answer now");
    } finally {
      await rig.close();
    }
  });

  it("says how many parts and sections it leaves out in Arabic with the plural form of each count", () => {
    const ar = wordsFor("ar");
    const said = [1, 2, 3, 11, 100].map((count) => ar.t("home.more-sections", { count }));
    expect(said).toEqual([
      "… لم يُعرض قسم آخر.",
      "… لم يُعرض قسمان آخران.",
      "… لم تُعرض 3 أقسام أخرى.",
      "… لم يُعرض 11 قسمًا آخر.",
      "… لم يُعرض 100 قسم آخر.",
    ]);
  });
});
