/** What the fan-out benchmarks send, to whom, and through what. */
import { REST } from "@discordjs/rest";
import { type DeliveryItem, eachLimit } from "../src/delivery/deliver.js";
import { restOptions } from "../src/platforms/discord/adapter.js";
import type { ChannelRef, Store } from "../src/store/store.js";

/** `count` Discord channels, each subscribed to every story's reminders in `store`. */
export async function subscribedChannels(store: Store, count: number): Promise<ChannelRef[]> {
  const channels = Array.from({ length: count }, (_, i) => ({
    platform: "discord" as const,
    channelId: String(10_000_000 + i),
  }));
  await eachLimit(channels, 8, async (c) => {
    await store.subscribe({ ...c, story: "*", workspaceId: "bench", kind: "reminders" }, new Date(0));
  });
  return channels;
}

/** The one alert the fan-out benchmarks send: a reminder due at `dueAt`, with a one-line reply. */
export function benchAlert(dueAt: Date): DeliveryItem {
  return {
    key: "bench:phase-one-end:1d",
    kind: "reminder",
    dueAt,
    summary: "Phase one ends tomorrow, Saturday 1 March 2025.",
    reply: () => ({
      kind: "answer",
      title: "Reminder",
      summary: ["Phase one ends tomorrow, Saturday 1 March 2025."],
      ephemeral: false,
    }),
  };
}

/**
 * A REST client configured as the bot configures its own, for the stand-in Discord or the proxy in
 * front of it, that counts the 429s it is answered.
 */
export function countingRest(api: string, perSecond: number): { rest: REST; saw429: () => number } {
  const options = restOptions({ apiUrl: api, globalRequestsPerSecond: perSecond });
  const rest = new REST({ ...options, timeout: 30_000 }).setToken("bench-token");
  let saw = 0;
  rest.on("response", (_request, response) => {
    if (response.status === 429) saw++;
  });
  return { rest, saw429: () => saw };
}
