/**
 * Scheduled events end to end: the real discord.js client against the stand-in Discord. A manager runs
 * /subscribe kind:events; the sync (through the client's REST queue) makes one external event per
 * upcoming deadline of the shipped story; a move in the data is PATCHed once; a restarted bot makes no
 * duplicate; a permission taken away pauses the server with one log line and a note in
 * /subscriptions; /unsubscribe removes the events; two bots on one PostgreSQL store make each event once;
 * and `ceasefire-bot start` as deployed keeps them on its scheduler's tick, once across a restart.
 */
import { ApplicationCommandOptionType, MessageFlags, PermissionFlagsBits } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventSync } from "../../../src/calendar-events/sync.js";
import type { Dataset } from "../../../src/dataset/dataset.js";
import { createDiscordAdapter } from "../../../src/platforms/discord/adapter.js";
import { DiscordScheduledEvents } from "../../../src/platforms/discord/scheduled-events.js";
import { type DiscordHarness, startDiscordHarness, TOKEN } from "../../support/harness/discord.js";
import {
  type BotProcess,
  CHANNEL_ID,
  captureLog,
  DURING,
  datasetOf,
  embedText,
  GUILD_ID,
  type OptionValue,
  StandInDiscord,
  shippedData,
  shippedStory,
  silentLog,
  spawnBot,
  TestSchemas,
  tempDir,
  until,
  withEvidence,
} from "../../support/index.js";
import { closeRest, discordRest } from "../../support/standins/clients.js";

const NOW = new Date(DURING);
const BASE = BigInt("1071698660929");
const MANAGER = (BASE | PermissionFlagsBits.ManageChannels).toString();
const WITH_EVENTS = (BASE | PermissionFlagsBits.ManageEvents).toString();
const EVENTS: OptionValue[] = [{ name: "kind", type: ApplicationCommandOptionType.String, value: "events" }];
/** The deadlines of the shipped story upcoming at DURING: phase one's end and Philadelphi's two. */
const UPCOMING = 3;

/** The shipped story with phase one extended to 8 March, as if announced on 22 February. */
function movedStory(): Dataset {
  const story = shippedStory();
  const deadline = (story.deadlines as { id: string; moves?: unknown[] }[]).find(
    (d) => d.id === "phase-one-end",
  );
  if (!deadline) throw new Error("no phase-one-end");
  deadline.moves = [
    {
      at: "2025-02-22",
      due: "2025-03-08",
      kind: "extended",
      attribution: "the mediators",
      sourceIds: ["themedialine-2025-02-22"],
    },
  ];
  return datasetOf(withEvidence(story));
}

describe("scheduled events in a Discord server", () => {
  let h: DiscordHarness;
  const data: { dataset: Dataset } = { dataset: shippedData() };
  const { log, lines } = captureLog();
  let sync: EventSync;
  /** The bot's client after its restart (the first one is stopped). */
  let restartedAdapter: ReturnType<typeof createDiscordAdapter> | undefined;
  const posts = () =>
    h.discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/scheduled-events"));
  const patches = () =>
    h.discord.requests.filter((r) => r.method === "PATCH" && r.path.includes("/scheduled-events/"));

  beforeAll(async () => {
    h = await startDiscordHarness();
    h.discord.memberPermissions = MANAGER;
    h.discord.scheduledEvents.now = () => NOW;
    sync = new EventSync({
      store: h.store,
      data,
      log,
      platforms: [new DiscordScheduledEvents(h.adapter.client.rest)],
      owner: "bot-1",
    });
  });
  afterAll(async () => {
    await restartedAdapter?.stop();
    await h.close();
  });

  it("refuses /subscribe kind:events, privately, naming Manage Events, while the bot lacks it", async () => {
    const body = await h.discord.command("subscribe", EVENTS);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain("Manage Events");
    expect(await h.store.channelSubscriptions({ platform: "discord", channelId: CHANNEL_ID })).toEqual([]);
  });

  it("subscribes once the bot may manage events, and /subscriptions lists it", async () => {
    h.discord.appPermissions = WITH_EVENTS;
    const body = await h.discord.command("subscribe", EVENTS);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(embedText(await h.discord.command("subscriptions"))).toContain("this server's scheduled events");
  });

  it("makes one external event per upcoming deadline on the tick, and nothing more on the next", async () => {
    await sync.tick(NOW);
    await sync.tick(new Date(NOW.getTime() + 60_000));
    const live = h.discord.scheduledEvents.live(GUILD_ID);
    expect(live).toHaveLength(UPCOMING);
    expect(posts()).toHaveLength(UPCOMING);
    const phaseOne = live.find((e) => e.name === "End of phase one");
    expect(phaseOne).toMatchObject({
      entity_type: 3,
      privacy_level: 2,
      entity_metadata: { location: data.dataset.byId.get("gaza-2025")?.story.title.slice(0, 100) },
      scheduled_start_time: "2025-02-28T22:00:00.000Z",
      scheduled_end_time: "2025-03-01T22:00:00.000Z",
    });
    expect(phaseOne?.description).toMatch(/^Phase one ends on Saturday 1 March 2025\.\n/);
    expect(phaseOne?.description).toMatch(/Source: .*https?:\/\//);
  });

  it("moves the event with one PATCH when the deadline moves", async () => {
    data.dataset = movedStory();
    await sync.tick(new Date(NOW.getTime() + 120_000));
    await sync.tick(new Date(NOW.getTime() + 180_000));
    expect(patches()).toHaveLength(1);
    const phaseOne = h.discord.scheduledEvents.live(GUILD_ID).find((e) => e.name === "End of phase one");
    expect(phaseOne?.scheduled_start_time).toBe("2025-03-07T22:00:00.000Z");
    expect(phaseOne?.description).toContain("Moved (extended), according to the mediators.");
  });

  it("makes no duplicate after a restart of the bot", async () => {
    await h.adapter.stop();
    restartedAdapter = createDiscordAdapter({
      core: h.core,
      token: TOKEN,
      appId: h.discord.appId,
      apiUrl: h.discord.apiUrl,
      log: silentLog(),
    });
    await restartedAdapter.start();
    sync = new EventSync({
      store: h.store,
      data,
      log,
      platforms: [new DiscordScheduledEvents(restartedAdapter.client.rest)],
      owner: "bot-1-again",
    });
    await sync.tick(new Date(NOW.getTime() + 240_000));
    expect(posts()).toHaveLength(UPCOMING);
    expect(h.discord.scheduledEvents.live(GUILD_ID)).toHaveLength(UPCOMING);
  });

  it("pauses the server when the permission is taken away: one log line, and a note in /subscriptions", async () => {
    h.discord.scheduledEvents.denied.add(GUILD_ID);
    data.dataset = shippedData();
    for (let minute = 5; minute < 9; minute++) await sync.tick(new Date(NOW.getTime() + minute * 60_000));
    const refused = h.discord.requests.filter(
      (r) => r.path.includes("/scheduled-events/") && r.method === "PATCH",
    );
    expect(refused).toHaveLength(2); // the move's, and the one refused
    const paused = lines().filter((l) => String(l.msg).startsWith("scheduled events paused"));
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ workspaceId: GUILD_ID, reason: "the bot lacks Manage Events (50013)" });
    expect(embedText(await h.discord.command("subscriptions"))).toContain(
      "Scheduled events paused: the bot lacks Manage Events (50013)",
    );
  });

  it("removes its events, once, after /unsubscribe", async () => {
    h.discord.scheduledEvents.denied.delete(GUILD_ID);
    await h.discord.command("unsubscribe");
    await sync.tick(new Date(NOW.getTime() + 60 * 60_000));
    await sync.tick(new Date(NOW.getTime() + 61 * 60_000));
    expect(h.discord.scheduledEvents.live(GUILD_ID)).toEqual([]);
    expect(
      h.discord.requests.filter((r) => r.method === "DELETE" && r.path.includes("/scheduled-events/")),
    ).toHaveLength(UPCOMING);
  });
});

describe("two bots on one PostgreSQL store", () => {
  const schemas = new TestSchemas("events_e2e");
  let discord: StandInDiscord;
  afterAll(async () => {
    await discord.stop();
    await schemas.dropAll();
  });

  it("make each event once", async () => {
    discord = await StandInDiscord.start();
    const schema = schemas.next();
    const stores = [await schemas.open(schema), await schemas.open(schema)];
    const rests = stores.map(() => discordRest(discord.apiUrl));
    try {
      const [first] = stores;
      await first?.subscribe(
        {
          platform: "discord",
          channelId: CHANNEL_ID,
          story: "gaza-2025",
          workspaceId: GUILD_ID,
          kind: "events",
        },
        NOW,
      );
      const data = { dataset: shippedData() };
      const syncs = stores.map(
        (store, i) =>
          new EventSync({
            store,
            data,
            log: silentLog(),
            platforms: [new DiscordScheduledEvents(rests[i] as ReturnType<typeof discordRest>)],
            owner: `bot-${i}`,
          }),
      );
      for (let minute = 0; minute < 3; minute++) {
        await Promise.all(syncs.map((s) => s.tick(new Date(NOW.getTime() + minute * 60_000))));
      }
      expect(discord.scheduledEvents.live(GUILD_ID)).toHaveLength(UPCOMING);
      expect(
        discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/scheduled-events")),
      ).toHaveLength(UPCOMING);
    } finally {
      for (const rest of rests) closeRest(rest);
      for (const store of stores) await store.close();
    }
  });
});

describe("as deployed (ceasefire-bot start)", () => {
  let discord: StandInDiscord;
  let bot: BotProcess | undefined;
  const dataDir = tempDir("cf-events-");
  const start = () =>
    spawnBot(
      {
        DATA_DIR: dataDir,
        DISCORD_TOKEN: "events-discord-token",
        DISCORD_APP_ID: discord.appId,
        DISCORD_API_URL: discord.apiUrl,
        SCHEDULER_CRON: "* * * * * *",
      },
      ["--clock", DURING],
    );
  const posts = () =>
    discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/scheduled-events"));

  beforeAll(async () => {
    discord = await StandInDiscord.start();
    discord.memberPermissions = MANAGER;
    discord.appPermissions = WITH_EVENTS;
    bot = start();
    await bot.logged("discord bot ready");
  }, 30_000);
  afterAll(async () => {
    bot?.child.kill("SIGTERM");
    await bot?.exited;
    await discord.stop();
  });

  it("keeps the server's events on the scheduler's tick, and makes none twice across a restart", async () => {
    const body = await discord.command("subscribe", EVENTS);
    expect(embedText(body)).toContain("this server's scheduled events");
    await until(
      "the events",
      () => discord.scheduledEvents.live(GUILD_ID).length === UPCOMING || undefined,
      30_000,
    );
    bot?.child.kill("SIGTERM");
    await bot?.exited;
    bot = start();
    await bot.logged("discord bot ready");
    await new Promise((r) => setTimeout(r, 3_000));
    expect(posts()).toHaveLength(UPCOMING);
    expect(discord.scheduledEvents.live(GUILD_ID)).toHaveLength(UPCOMING);
  }, 90_000);
});
