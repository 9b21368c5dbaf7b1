/**
 * The Discord and Slack senders with the real clients (@discordjs/rest REST, @slack/web-api
 * WebClient) against stand-ins on 127.0.0.1: what a channel receives, how a gone channel is
 * recognised (each platform's own error codes) and deactivated, and how a 500 is retried.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Deliverer, type DeliveryItem } from "../../../src/delivery/deliver.js";
import { markerFor, nonceFor } from "../../../src/delivery/marker.js";
import type { Sender } from "../../../src/delivery/sender.js";
import { DiscordSender } from "../../../src/platforms/discord/discord-sender.js";
import { SlackSender } from "../../../src/platforms/slack/slack-sender.js";
import { SqliteStore } from "../../../src/store/sqlite.js";
import type { PlatformName, Store } from "../../../src/store/store.js";
import { ManualClock } from "../../../src/time/clock.js";
import { StandInDiscordChannels, StandInSlackChannels, silentLog, tempDir } from "../../support/index.js";
import {
  closeRest,
  discordClientRest,
  discordRest,
  renderDiscordMinimal,
  renderSlackMinimal,
  slackClient,
} from "../../support/standins/clients.js";

const clock = new ManualClock("2025-02-28T07:00:00Z");
const item: DeliveryItem = {
  key: "gaza-2025:phase-one-end:1d",
  kind: "reminder",
  dueAt: new Date("2025-02-28T07:00:00Z"),
  summary: "Phase one ends tomorrow, Saturday 1 March 2025.",
  reply: (late) => ({
    kind: "answer",
    title: late ? "Reminder (late)" : "Reminder",
    summary: ["Phase one ends tomorrow, Saturday 1 March 2025."],
    ephemeral: false,
  }),
};
const marker = markerFor(item.key);

let store: Store;
beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
});
afterEach(async () => {
  await store.close();
});

function deliverer(sender: Sender): Deliverer {
  return new Deliverer({
    store,
    senders: { [sender.platform]: sender },
    clock,
    log: silentLog(),
    retry: { attempts: 4, baseMs: 5, maxMs: 20 },
  });
}

async function subscribeAll(platform: PlatformName, ids: string[]) {
  for (const channelId of ids)
    await store.subscribe({ platform, channelId, story: "*", workspaceId: "w", kind: "all" }, new Date(0));
  return ids.map((channelId) => ({ platform, channelId }));
}

describe("DiscordSender with @discordjs/rest", () => {
  let standin: StandInDiscordChannels;
  let rest: ReturnType<typeof discordRest>;
  beforeAll(async () => {
    standin = await StandInDiscordChannels.start();
    rest = discordRest(standin.apiUrl);
  });
  afterAll(async () => {
    closeRest(rest);
    await standin.stop();
  });

  it("posts with a 25-character nonce, enforce_nonce, and the marker in the embed footer", async () => {
    const sender = new DiscordSender(rest, renderDiscordMinimal);
    const { messageId } = await sender.send("1001", item.reply(undefined), marker);
    const [message] = standin.messages.get("1001") ?? [];
    expect(message?.id).toBe(messageId);
    expect(message?.nonce).toBe(nonceFor(marker, "1001"));
    expect(message?.nonce).toHaveLength(25);
    expect(message?.embeds[0]?.footer?.text).toBe(`Sources: test\nref ${marker}`);
    expect(await sender.findByMarker("1001", marker)).toBe(messageId);
    expect(await sender.findByMarker("1001", markerFor("another"))).toBeUndefined();
    // A resend with the same nonce is answered with the first message, as Discord does.
    expect((await sender.send("1001", item.reply(undefined), marker)).messageId).toBe(messageId);
    expect(standin.count("1001")).toBe(1);
  });

  it("deactivates a gone channel through discord.js's own REST client too (its errors are another build's classes)", async () => {
    const clientRest = discordClientRest(standin.apiUrl);
    try {
      const channels = await subscribeAll("discord", ["2101", "2102"]);
      standin.markGone("2101", "unknown");
      const report = await deliverer(new DiscordSender(clientRest, renderDiscordMinimal)).fanOut(
        item,
        channels,
      );
      expect(report.outcomes).toMatchObject({ sent: 1, gone: 1 });
      expect(await store.subscription({ platform: "discord", channelId: "2101", story: "*" })).toMatchObject({
        active: false,
        deactivationReason: "gone: Unknown Channel (10003)",
      });
    } finally {
      closeRest(clientRest);
    }
  });

  it("deactivates channels Discord calls Unknown Channel (10003) or Missing Access (50001), without retrying", async () => {
    const channels = await subscribeAll("discord", ["2001", "2002", "2003"]);
    standin.markGone("2001", "unknown");
    standin.markGone("2002", "access");
    const before = standin.stats.requests;
    const report = await deliverer(new DiscordSender(rest, renderDiscordMinimal)).fanOut(item, channels);
    expect(report.outcomes).toMatchObject({ sent: 1, gone: 2 });
    expect(standin.stats.requests - before).toBe(3); // one request per channel: gone is never retried
    expect(await store.subscription({ platform: "discord", channelId: "2001", story: "*" })).toMatchObject({
      active: false,
      deactivationReason: "gone: Unknown Channel (10003)",
    });
    expect(await store.subscription({ platform: "discord", channelId: "2002", story: "*" })).toMatchObject({
      active: false,
      deactivationReason: "gone: Missing Access (50001)",
    });
    expect(await store.subscription({ platform: "discord", channelId: "2003", story: "*" })).toMatchObject({
      active: true,
    });
  });

  it("retries a 500 with backoff and posts once", async () => {
    const channels = await subscribeAll("discord", ["3001"]);
    standin.failures.set("3001", 2);
    const report = await deliverer(new DiscordSender(rest, renderDiscordMinimal)).fanOut(item, channels);
    expect(report.outcomes.sent).toBe(1);
    expect(standin.count("3001")).toBe(1);
    expect(await store.delivery({ key: item.key, platform: "discord", channelId: "3001" })).toMatchObject({
      state: "sent",
      attempts: 3,
    });
  });
});

describe("SlackSender with @slack/web-api", () => {
  let standin: StandInSlackChannels;
  beforeAll(async () => {
    standin = await StandInSlackChannels.start();
  });
  afterAll(async () => {
    await standin.stop();
  });

  it("posts with the marker in the message metadata and finds it in the history", async () => {
    const sender = new SlackSender(slackClient(standin.apiUrl), renderSlackMinimal);
    const { messageId } = await sender.send("C1", item.reply(undefined), marker);
    const [message] = standin.messages.get("C1") ?? [];
    expect(message?.ts).toBe(messageId);
    expect(message?.metadata).toEqual({ event_type: "ceasefire_alert", event_payload: { marker } });
    expect(await sender.findByMarker("C1", marker)).toBe(messageId);
    expect(await sender.findByMarker("C1", markerFor("another"))).toBeUndefined();
  });

  it("deactivates channel_not_found, not_in_channel and is_archived channels", async () => {
    const channels = await subscribeAll("slack", ["C404", "CNOT", "CARCH", "COK"]);
    standin.errors.set("C404", "channel_not_found");
    standin.errors.set("CNOT", "not_in_channel");
    standin.errors.set("CARCH", "is_archived");
    const report = await deliverer(new SlackSender(slackClient(standin.apiUrl), renderSlackMinimal)).fanOut(
      item,
      channels,
    );
    expect(report.outcomes).toMatchObject({ sent: 1, gone: 3 });
    for (const [id, code] of [
      ["C404", "channel_not_found"],
      ["CNOT", "not_in_channel"],
      ["CARCH", "is_archived"],
    ] as const) {
      expect(await store.subscription({ platform: "slack", channelId: id, story: "*" })).toMatchObject({
        active: false,
        deactivationReason: `gone: ${code}`,
      });
    }
    expect(standin.count("COK")).toBe(1);
  });

  it("retries an HTTP 500 itself (not the WebClient), checking the marker first, and posts once", async () => {
    const channels = await subscribeAll("slack", ["CFLAKY"]);
    standin.failures.set("CFLAKY", 2);
    const histories = standin.stats.histories;
    const report = await deliverer(new SlackSender(slackClient(standin.apiUrl), renderSlackMinimal)).fanOut(
      item,
      channels,
    );
    expect(report.outcomes.sent).toBe(1);
    expect(standin.count("CFLAKY")).toBe(1);
    expect(standin.stats.histories - histories).toBe(2); // one marker look-up before each retry
    expect(await store.delivery({ key: item.key, platform: "slack", channelId: "CFLAKY" })).toMatchObject({
      state: "sent",
      attempts: 3,
    });
  });
});
