/**
 * Threads and forums on Discord, end to end: /subscribe typed through the real discord.js Client in
 * the stand-in Discord, then the real scheduler posting through the real DiscordSender (@discordjs/rest)
 * to the stand-in's forums, threads and channels. A forum gets one post per story, whatever the
 * restarts and processes, and even when a process stopped between starting the post and recording
 * it; a thread is a channel like any other (an archived one is unarchived by the alert); a text
 * channel set to threads gets a thread per deadline, started from its first reminder.
 */
import { ApplicationCommandOptionType, PermissionFlagsBits } from "discord-api-types/v10";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markerFor } from "../../../src/delivery/marker.js";
import { DiscordSender } from "../../../src/platforms/discord/discord-sender.js";
import { renderDiscord } from "../../../src/platforms/discord/embeds.js";
import type { Store } from "../../../src/store/store.js";
import { ManualClock } from "../../../src/time/clock.js";
import { type DiscordHarness, startDiscordHarness } from "../../support/harness/discord.js";
import { CHANNEL_ID, embedText, makeScheduler, shippedData } from "../../support/index.js";

const MANAGER = (BigInt("1071698660929") | PermissionFlagsBits.ManageChannels).toString();
const FORUM = "900000000000000100";
const POST = "900000000000000101";
const THREAD = "900000000000000102";
const GAZA = "Israel-Hamas ceasefire in Gaza (2025)";
/** Reminders of the shipped story after the harness's clock (28 February, 10:00 UTC), of three deadlines. */
const DUE = ["2025-03-01T07:00:00Z", "2025-03-08T07:00:00Z", "2025-03-09T07:00:00Z"];
const PHASE_ONE_END = markerFor("gaza-2025:phase-one-end:0d");
const WITHDRAWAL_STARTS = markerFor("gaza-2025:philadelphi-withdrawal-start:0d");
const COMPLETE_1D = markerFor("gaza-2025:philadelphi-withdrawal-complete:1d");
const COMPLETE_0D = markerFor("gaza-2025:philadelphi-withdrawal-complete:0d");

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
  h.discord.memberPermissions = MANAGER;
  h.discord.threads.addForum(FORUM);
  h.discord.threads.addThread(POST, FORUM);
  h.discord.threads.addThread(THREAD, CHANNEL_ID);
});
afterEach(async () => {
  await h.close();
});

const threads = (value: string) => [{ name: "threads", type: ApplicationCommandOptionType.String, value }];
const kind = (value: string) => ({ name: "kind", type: ApplicationCommandOptionType.String, value });

/**
 * A bot process: the real scheduler posting through the real Discord sender, on `store`, with the
 * discord.js client's own REST as the bot has it (its errors are the CommonJS build's classes).
 */
function processOn(clock: ManualClock, owner: string, store: Store = h.store) {
  const sender = new DiscordSender(h.adapter.client.rest, renderDiscord);
  return makeScheduler({ store, data: { dataset: shippedData() }, clock, sender, deliverer: { owner } });
}

/** The markers of the messages in a channel or thread, oldest first. */
function markersIn(channelId: string): string[] {
  return h.discord.threads
    .messagesIn(channelId)
    .map((m) => /ref (cf-[0-9a-f]+)/.exec(JSON.stringify(m))?.[1] ?? "?");
}

describe("a forum", () => {
  it("is subscribed from one of its posts with threads:on, and says it gets a post per story", async () => {
    const body = await h.discord.command("subscribe", [...threads("on"), kind("reminders")], {
      channelId: POST,
    });
    expect(embedText(body)).toContain("one post per story in this forum");
    expect(await h.store.threadMode({ platform: "discord", channelId: FORUM })).toBe("forum");
    expect(
      await h.store.subscription({ platform: "discord", channelId: FORUM, story: "gaza-2025" }),
    ).toMatchObject({
      active: true,
    });
    const listed = await h.discord.command("subscriptions", [], { channelId: POST });
    expect(embedText(listed)).toContain("Threads: forum");
  });

  it("gets one post per story, named after it, across a restart", async () => {
    await h.discord.command("subscribe", [...threads("on"), kind("reminders")], { channelId: POST });
    const clock = new ManualClock(DUE[0] as string);
    await processOn(clock, "first").tick();
    clock.set(DUE[1] as string);
    await processOn(clock, "after-a-restart").tick();
    clock.set(DUE[2] as string);
    await processOn(clock, "after-another").tick();
    const posts = h.discord.threads.threadsOf(FORUM).filter((t) => t.id !== POST);
    expect(posts.map((p) => p.name)).toEqual([GAZA]);
    expect(markersIn(posts[0]?.id ?? "").sort()).toEqual(
      [PHASE_ONE_END, WITHDRAWAL_STARTS, COMPLETE_1D, COMPLETE_0D].sort(),
    );
  });

  it("gets one post per story when two processes tick at once", async () => {
    await h.discord.command("subscribe", [...threads("on"), kind("reminders")], { channelId: POST });
    const clock = new ManualClock(DUE[0] as string);
    // Each alert of the first tick is claimed by one of them; the one that did not start the post waits
    // for it (retried, then left to the next ticks, which take it once its lease has ended).
    await Promise.all([processOn(clock, "a").tick(), processOn(clock, "b").tick()]);
    clock.advance(5 * 60_000);
    await Promise.all([processOn(clock, "a").tick(), processOn(clock, "b").tick()]);
    clock.set(DUE[1] as string);
    await Promise.all([processOn(clock, "a").tick(), processOn(clock, "b").tick()]);
    const posts = h.discord.threads.threadsOf(FORUM).filter((t) => t.id !== POST);
    expect(posts).toHaveLength(1);
    expect(markersIn(posts[0]?.id ?? "").sort()).toEqual(
      [PHASE_ONE_END, WITHDRAWAL_STARTS, COMPLETE_1D].sort(),
    );
  });

  it("starts no second post when a process stopped between starting the post and recording it", async () => {
    await h.discord.command("subscribe", [...threads("on"), kind("reminders")], { channelId: POST });
    const clock = new ManualClock(DUE[0] as string);
    const dying = new Proxy(h.store, {
      get(object, name) {
        if (name === "finish") return async () => Promise.reject(new Error("the process stopped"));
        const value = Reflect.get(object, name);
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
    await processOn(clock, "dies", dying)
      .tick()
      .catch(() => {});
    expect(h.discord.threads.threadsOf(FORUM).filter((t) => t.id !== POST)).toHaveLength(1);
    // After its lease, the next process finds the post by the marker in its first message.
    clock.set(DUE[1] as string);
    await processOn(clock, "next").tick();
    const posts = h.discord.threads.threadsOf(FORUM).filter((t) => t.id !== POST);
    expect(posts).toHaveLength(1);
    // The first reminder once (found, not resent); the one the stopped process never reached was
    // missed beyond the grace period by then, and skipped; the next one in the same post.
    const [first, ...rest] = markersIn(posts[0]?.id ?? "");
    expect([PHASE_ONE_END, WITHDRAWAL_STARTS]).toContain(first);
    expect(rest).toEqual([COMPLETE_1D]);
  });
});

describe("a thread", () => {
  it("is accepted as a channel, and an archived one is unarchived by the alert", async () => {
    const body = await h.discord.command("subscribe", [kind("reminders")], { channelId: THREAD });
    expect(embedText(body)).toContain("This channel now gets deadline reminders");
    const thread = h.discord.threads.threads.get(THREAD);
    if (thread) thread.archived = true;
    await processOn(new ManualClock(DUE[0] as string), "a").tick();
    expect(markersIn(THREAD).sort()).toEqual([PHASE_ONE_END, WITHDRAWAL_STARTS].sort());
    expect(thread?.archived).toBe(false);
  });

  it("refuses threads:on, with its coded error, when it is not a forum's post", async () => {
    const body = await h.discord.command("subscribe", threads("on"), { channelId: THREAD });
    expect(embedText(body)).toContain("a thread cannot hold threads of its own");
    expect(await h.store.channelSubscriptions({ platform: "discord", channelId: THREAD })).toEqual([]);
  });
});

describe("a text channel set to threads", () => {
  it("gets a thread per deadline, started from its first reminder", async () => {
    await h.discord.command("subscribe", [...threads("on"), kind("reminders")]);
    const clock = new ManualClock(DUE[0] as string);
    for (const at of DUE) {
      clock.set(at);
      await processOn(clock, `at-${at}`).tick();
    }
    const started = h.discord.threads.threadsOf(CHANNEL_ID).filter((t) => t.id !== THREAD);
    expect(started.map((t) => t.name).sort()).toEqual([
      `End of phase one · ${GAZA}`,
      `Philadelphi Corridor withdrawal complete · ${GAZA}`,
      `Philadelphi Corridor withdrawal starts · ${GAZA}`,
    ]);
    // Each deadline's first reminder in the channel (its thread starts from it); the next one in the thread.
    expect(markersIn(CHANNEL_ID).sort()).toEqual([PHASE_ONE_END, WITHDRAWAL_STARTS, COMPLETE_1D].sort());
    const complete = started.find((t) => t.name.includes("complete"));
    expect(complete?.id).toBe(h.discord.threads.messagesIn(CHANNEL_ID)[2]?.id);
    expect(markersIn(complete?.id ?? "")).toEqual([COMPLETE_0D]);
  });
});
