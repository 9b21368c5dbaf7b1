/**
 * The Home tab end to end: the real Bolt App (HTTP events with signed requests, and Socket Mode)
 * against the Slack stand-ins, which send `app_home_opened` as Slack does and check every view
 * `views.publish` receives as Slack would (a home view, at most 100 blocks, each block in its limits).
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { registry } from "../../../commands/index.js";
import { createCore } from "../../../src/bot/core.js";
import { defaultSettings } from "../../../src/config.js";
import type { Dataset } from "../../../src/dataset/dataset.js";
import { latestEvents } from "../../../src/home/home.js";
import { createSlackAdapter, EVENTS_PATH, type SlackAdapter } from "../../../src/platforms/slack/adapter.js";
import { renderSlack } from "../../../src/platforms/slack/blocks.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import { ManualClock } from "../../../src/time/clock.js";
import { BOT_TOKEN, blockText, SIGNING_SECRET } from "../../support/harness/slack.js";
import {
  captureLog,
  DURING,
  datasetOf,
  openHomeOverHttp,
  openHomeOverSocket,
  postSigned,
  RANDOM_STORY_AT,
  randomStory,
  StandInSlack,
  StandInSlackSocket,
  StandInSlackViews,
  shippedData,
  slackViewViolations,
  slashCommandBody,
  subscribeManyChannels,
  subscribeNewsChannel,
  tempDir,
  truceWithElections,
  until,
} from "../../support/index.js";

const APP_TOKEN =
  "xapp-1-A0APP-8431927650342-3f9c2e7d41b0a5e6c8d29f17b3a4e5c6d7f8091a2b3c4d5e6f708192a3b4c5d6";

interface HomeRig {
  web: StandInSlack;
  views: StandInSlackViews;
  socket: StandInSlackSocket | undefined;
  adapter: SlackAdapter;
  clock: ManualClock;
  store: SqliteStore;
  eventsUrl: string;
  logs: ReturnType<typeof captureLog>;
  /** Log lines (their messages) so far that match. */
  logged(message: string): number;
  close(): Promise<void>;
}

let rig: HomeRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The bot on `dataset` at `at` against the stand-ins, in HTTP mode or Socket Mode. */
async function startRig(
  options: { dataset?: Dataset; at?: string; mode?: "http" | "socket"; admins?: string[] } = {},
): Promise<HomeRig> {
  const logs = captureLog({ level: "debug" });
  const store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  const clock = new ManualClock(options.at ?? DURING);
  const core = createCore({
    registry,
    data: { dataset: options.dataset ?? shippedData() },
    clock,
    settings: defaultSettings,
    log: logs.log,
    channelPort: store,
  });
  const web = await StandInSlack.start(BOT_TOKEN);
  const views = StandInSlackViews.install(web);
  const socket = options.mode === "socket" ? await StandInSlackSocket.start(web, APP_TOKEN) : undefined;
  const adapter = createSlackAdapter({
    core,
    botToken: BOT_TOKEN,
    ...(socket ? { appToken: APP_TOKEN } : { signingSecret: SIGNING_SECRET }),
    apiUrl: web.apiUrl,
    port: 0,
    host: "127.0.0.1",
    umbrella: "ceasefire",
    adminUsers: options.admins ?? [],
    log: logs.log,
  });
  await adapter.start();
  if (socket) await socket.waitForConnection();
  return {
    web,
    views,
    socket,
    adapter,
    clock,
    store,
    eventsUrl: `http://127.0.0.1:${adapter.port()}${EVENTS_PATH}`,
    logs,
    logged: (message) => logs.lines().filter((l) => l.msg === message).length,
    async close() {
      await adapter.stop();
      await socket?.stop();
      await web.stop();
      await store.close();
    },
  };
}

/** `userId` opens the Home tab over HTTP; the bot answers the event at once. */
async function openHome(r: HomeRig, userId: string, tab: "home" | "messages" = "home"): Promise<void> {
  const response = await openHomeOverHttp(r.eventsUrl, SIGNING_SECRET, userId, { tab });
  expect(response.status).toBe(200);
}

/** The text of the blocks of a rendered answer that say something (not its buttons). */
function sectionTexts(message: ReturnType<typeof renderSlack>): string[] {
  return message.blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
}

describe("the Home tab over HTTP events", () => {
  it("publishes the phase, the next deadlines, the latest events and the channels a person subscribed", async () => {
    rig = await startRig({ admins: ["U0ADMIN"] });
    const subscribed = await postSigned(rig.eventsUrl, {
      secret: SIGNING_SECRET,
      body: slashCommandBody("/subscribe", "kind:reminders lead:1d,2h", rig.web.responseUrl(), "U0ADMIN"),
    });
    expect(subscribed.status).toBe(200);
    await openHome(rig, "U0ADMIN");
    const { view } = await rig.views.waitForView("U0ADMIN");
    expect(view.type).toBe("home");
    const text = blockText(view);
    const core = {
      answer: (name: string, options: Record<string, string>) => renderSlack(ask(name, options)),
    };
    for (const shown of [
      ...sectionTexts(core.answer("phase", {})),
      ...sectionTexts(core.answer("deadlines", { show: "upcoming" })),
    ])
      expect(text).toContain(shown);
    const latest = latestEvents(shippedData().defaultStory, new Date(DURING));
    const timeline = sectionTexts(core.answer("timeline", { from: latest?.from ?? "" }));
    expect(timeline.length).toBeGreaterThan(0);
    for (const shown of timeline) expect(text).toContain(shown);
    expect(text).toContain("<#C0CHANNEL>\n• deadline reminders about");
    expect(text).toContain("(reminding 1d, 2h before each deadline)");
    expect(rig.views.refused).toEqual([]);
  });

  it("shows a person who manages no channel none, and publishes nothing for the Messages tab", async () => {
    rig = await startRig({ admins: ["U0ADMIN"] });
    await subscribeNewsChannel(rig.store);
    await openHome(rig, "U0READER", "messages");
    await openHome(rig, "U0READER");
    const { view } = await rig.views.waitForView("U0READER");
    expect(blockText(view)).toContain("No channel you subscribed gets alerts");
    expect(blockText(view)).not.toContain("C0NEWS");
    expect(rig.views.calls).toBe(1);
    // A workspace admin (as users.info says) sees every channel.
    rig.web.admins.add("U0OWNER");
    await openHome(rig, "U0OWNER");
    expect(blockText((await rig.views.waitForView("U0OWNER")).view)).toContain("<#C0NEWS>");
  });

  it("publishes again only when the minute changed and the Home with it", async () => {
    rig = await startRig();
    const r = rig;
    await openHome(r, "U0READER");
    await r.views.waitForView("U0READER");
    await openHome(r, "U0READER");
    await until("the second open skipped", () =>
      r.logs.lines().some((l) => l.skipped === "same-minute") ? true : undefined,
    );
    r.clock.advance(60_000);
    await openHome(r, "U0READER");
    await until("the third open handled", () =>
      r.logs.lines().some((l) => l.skipped === "unchanged") ? true : undefined,
    );
    expect(r.views.calls).toBe(1);
    await r.store.subscribe(
      {
        platform: "slack",
        workspaceId: "T0TEAM",
        channelId: "C0NEW",
        story: "gaza-2025",
        kind: "all",
        leadTimes: undefined,
        userId: "U0READER",
      },
      r.clock.now(),
    );
    r.clock.advance(60_000);
    await openHome(r, "U0READER");
    expect(blockText((await r.views.waitForView("U0READER", 2)).view)).toContain("<#C0NEW>");
  });

  it("logs a failed views.publish once, keeps answering, and publishes at the next open", async () => {
    rig = await startRig();
    const r = rig;
    r.views.failNext("internal_error");
    await openHome(r, "U0READER");
    await until("the failure logged", () => (r.logged("home tab not published") === 1 ? true : undefined));
    const line = r.logs.lines().find((l) => l.msg === "home tab not published");
    expect(line).toMatchObject({ user: "U0READER", error: "internal_error", level: 40 });
    const phase = await postSigned(r.eventsUrl, {
      secret: SIGNING_SECRET,
      body: slashCommandBody("/phase", "", r.web.responseUrl()),
    });
    expect(phase.status).toBe(200);
    await openHome(r, "U0READER");
    await r.views.waitForView("U0READER");
    expect(r.logged("home tab not published")).toBe(1);
    // Once: neither Bolt nor its Web API client logs the failure again.
    expect(r.logs.lines().filter((l) => Number(l.level) >= 40)).toHaveLength(1);
    expect(r.logs.text()).not.toContain(BOT_TOKEN);
  });

  it("says nothing of a deadline before the report that first gives it", async () => {
    rig = await startRig({ dataset: truceWithElections(), at: "2025-02-19T10:00:00Z" });
    await openHome(rig, "U0READER");
    const before = blockText((await rig.views.waitForView("U0READER")).view);
    expect(before).toContain("The invented truce");
    expect(before).not.toContain("Elections in the North");
    rig.clock.set("2025-02-21T10:00:00Z");
    await openHome(rig, "U0READER");
    const after = blockText((await rig.views.waitForView("U0READER", 2)).view);
    expect(after).toContain("Elections in the North");
    expect(after).toContain("Report of 2025-02-20");
  });

  it("keeps a huge story's Home within a view's limits", async () => {
    const stories = [1, 2, 3, 4].map((seed) => {
      const raw = randomStory(seed * 104_729);
      raw.story.default = seed === 1;
      return raw;
    });
    rig = await startRig({ dataset: datasetOf(...stories), at: RANDOM_STORY_AT, admins: ["U0ADMIN"] });
    await subscribeManyChannels(rig.store, {
      count: 500,
      storyIds: stories.map((s) => s.story.id),
      workspaceId: "T0TEAM",
      kind: "all",
      userId: "U0ADMIN",
      at: RANDOM_STORY_AT,
    });
    await openHome(rig, "U0ADMIN");
    const { view } = await rig.views.waitForView("U0ADMIN");
    expect(rig.views.refused).toEqual([]);
    expect(slackViewViolations(view)).toEqual([]);
    expect(blockText(view)).toMatch(/more parts not shown/);
  });
});

describe("the Home tab over Socket Mode", () => {
  it("publishes the Home when the event comes over the socket, and acks it", async () => {
    rig = await startRig({ mode: "socket" });
    const socket = rig.socket;
    if (!socket) throw new Error("no socket stand-in");
    const ack = await openHomeOverSocket(socket, "U0READER");
    expect(ack.envelope_id).toBeTruthy();
    const { view } = await rig.views.waitForView("U0READER");
    for (const shown of sectionTexts(renderSlack(ask("phase", {})))) expect(blockText(view)).toContain(shown);
    expect(rig.views.refused).toEqual([]);
  });
});

/** What the bot answers to `/name` at DURING on the shipped data, as typed. */
function ask(name: string, options: Record<string, string>) {
  const core = createCore({
    registry,
    data: { dataset: shippedData() },
    clock: new ManualClock(DURING),
    settings: defaultSettings,
    log: captureLog().log,
    cache: false,
  });
  return core.answerQuestion(name, options);
}
