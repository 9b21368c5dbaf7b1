/**
 * The specification of src/platforms/discord/channel-kind.ts against the stand-in Discord: a text
 * channel is a channel; a thread names the channel it belongs to, and whether that is a forum.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelKindOf } from "../../../src/platforms/discord/channel-kind.js";
import { CHANNEL_ID, StandInDiscord } from "../../support/index.js";
import { closeRest, discordRest } from "../../support/standins/clients.js";

let discord: StandInDiscord;
let rest: ReturnType<typeof discordRest>;
beforeAll(async () => {
  discord = await StandInDiscord.start();
  rest = discordRest(discord.apiUrl);
  discord.threads.addForum("900000000000000300");
  discord.threads.addForum("900000000000000301", 16);
  discord.threads.addThread("900000000000000310", "900000000000000300");
  discord.threads.addThread("900000000000000311", "900000000000000301");
  discord.threads.addThread("900000000000000312", CHANNEL_ID, 12);
});
afterAll(async () => {
  closeRest(rest);
  await discord.stop();
});

describe("what a Discord channel is", () => {
  it("is a channel when it is a text channel", async () => {
    expect(await channelKindOf(rest, CHANNEL_ID)).toEqual({ kind: "channel" });
  });

  it("is a forum's post when it is a thread of a forum or a media channel", async () => {
    expect(await channelKindOf(rest, "900000000000000310")).toEqual({
      kind: "thread",
      parentId: "900000000000000300",
      inForum: true,
    });
    expect((await channelKindOf(rest, "900000000000000311")).kind).toBe("thread");
  });

  it("is a thread of its channel when it is a private thread of a text channel", async () => {
    expect(await channelKindOf(rest, "900000000000000312")).toEqual({
      kind: "thread",
      parentId: CHANNEL_ID,
      inForum: false,
    });
  });
});
