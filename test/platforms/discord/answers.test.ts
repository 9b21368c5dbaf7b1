/**
 * Answering a slash command within Discord's window: straight away when the answer is ready in time,
 * else deferred and sent as an edit; a payload Discord rejects becomes a short error for the asker.
 * The interactions are stand-ins that record what discord.js would send.
 */
import type { ChatInputCommandInteraction } from "discord.js";
import { MessageFlags, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import type { Language } from "../../../src/language/languages.js";
import { wordsFor } from "../../../src/language/words.js";
import { noMetrics } from "../../../src/monitoring/metrics.js";
import { discordAnswers, invocationOf, replyOptions } from "../../../src/platforms/discord/answers.js";
import { DISCORD_ERROR } from "../../../src/platforms/discord/errors.js";
import type { Reply } from "../../../src/reply/reply.js";
import { captureLog } from "../../support/index.js";

type Call = [string, Record<string, unknown> | undefined];

/** A slash command as discord.js hands it over, recording reply, deferReply and editReply. */
function slashCommand(
  options: {
    failReply?: unknown;
    /** Every reply fails with `failReply`, not only the first. */
    failEveryReply?: boolean;
    guild?: boolean;
    manage?: boolean;
    botPermissions?: bigint;
  } = {},
) {
  const calls: Call[] = [];
  const interaction = {
    commandName: "phase",
    channelId: "C1",
    guildId: options.guild === false ? null : "G1",
    user: { id: "U1" },
    deferred: false,
    replied: false,
    inGuild: () => options.guild !== false,
    memberPermissions: {
      has: (bit: bigint) => bit === PermissionFlagsBits.ManageChannels && Boolean(options.manage),
    },
    appPermissions: { has: (bit: bigint) => ((options.botPermissions ?? 0n) & bit) === bit },
    async reply(o: Record<string, unknown>) {
      calls.push(["reply", o]);
      if (options.failReply && (calls.length === 1 || options.failEveryReply)) throw options.failReply;
      interaction.replied = true;
    },
    async deferReply(o: Record<string, unknown>) {
      calls.push(["deferReply", o]);
      interaction.deferred = true;
    },
    async editReply(o: Record<string, unknown>) {
      calls.push(["editReply", o]);
    },
  };
  return { interaction: interaction as unknown as ChatInputCommandInteraction, calls };
}

const answerReply: Reply = { kind: "answer", title: "Phase one", ephemeral: false };
const titleOf = (o: Record<string, unknown> | undefined) =>
  ((o?.embeds ?? []) as { toJSON(): { title: string } }[])[0]?.toJSON().title;

function answers(deferAfterMs = 50, languageOf?: () => Promise<Language>) {
  const { log, lines } = captureLog();
  let deferred = 0;
  const metrics = { ...noMetrics, answerDeferred: () => void deferred++ };
  const own = languageOf ? { languageOf } : {};
  return { ...discordAnswers({ log, metrics, deferAfterMs, ...own }), lines, deferred: () => deferred };
}

describe("answering a slash command", () => {
  it("replies at once when the answer is ready in time, with no mention parsed", async () => {
    const { interaction, calls } = slashCommand();
    await answers().answer(interaction, () => answerReply, false);
    expect(calls.map(([m]) => m)).toEqual(["reply"]);
    expect(titleOf(calls[0]?.[1])).toBe("Phase one");
    expect(calls[0]?.[1]?.allowedMentions).toEqual({ parse: [] });
  });

  it("defers a slow answer, privately when it was asked privately, and sends it as an edit", async () => {
    const a = answers(10);
    const { interaction, calls } = slashCommand();
    const slow = () => new Promise<Reply>((r) => setTimeout(() => r(answerReply), 60));
    await a.answer(interaction, slow, true);
    expect(calls.map(([m]) => m)).toEqual(["deferReply", "editReply"]);
    expect(calls[0]?.[1]).toEqual({ flags: MessageFlags.Ephemeral });
    expect(titleOf(calls[1]?.[1])).toBe("Phase one");
    expect(a.deferred()).toBe(1);
  });

  it("answers with the internal error when the command throws, and logs its code", async () => {
    const a = answers();
    const { interaction, calls } = slashCommand();
    await a.answer(
      interaction,
      () => {
        throw new Error("boom");
      },
      false,
    );
    expect(calls[0]?.[1]?.flags).toBe(MessageFlags.Ephemeral);
    expect(a.lines().find((l) => l.msg === "command failed")).toMatchObject({
      command: "phase",
      code: "internal",
    });
  });

  it("tells the failure in the reader's own language, which no Discord client offers", async () => {
    const a = answers(50, async () => "he");
    const { interaction, calls } = slashCommand();
    await a.answer(
      interaction,
      () => {
        throw new Error("boom");
      },
      false,
    );
    expect(titleOf(calls[0]?.[1])).toContain(wordsFor("he").t("errors.internal.title"));
  });

  it("tells the asker alone when Discord rejects the payload, instead of leaving no answer", async () => {
    const rejected = Object.assign(new Error("Invalid Form Body"), { code: DISCORD_ERROR.invalidFormBody });
    const { interaction, calls } = slashCommand({ failReply: rejected });
    await answers().answer(interaction, () => answerReply, false);
    expect(calls.map(([m]) => m)).toEqual(["reply", "reply"]);
    expect(calls[1]?.[1]?.flags).toBe(MessageFlags.Ephemeral);
  });

  it("tells the asker alone when sending fails before Discord answered, instead of leaving no answer", async () => {
    // As when another copy of undici's Agent could not send a picture (docs/decisions/0038-…).
    const { interaction, calls } = slashCommand({ failReply: new TypeError("action is not a function") });
    await answers().answer(interaction, () => answerReply, false);
    expect(calls.map(([m]) => m)).toEqual(["reply", "reply"]);
    expect(calls[1]?.[1]?.flags).toBe(MessageFlags.Ephemeral);
    expect(titleOf(calls[1]?.[1])).toContain(wordsFor("en").t("errors.internal.title"));
  });

  it("passes on the first failure when telling the asker fails too", async () => {
    const broken = new TypeError("action is not a function");
    const { interaction, calls } = slashCommand({ failReply: broken, failEveryReply: true });
    await expect(answers().answer(interaction, () => answerReply, false)).rejects.toBe(broken);
    expect(calls.map(([m]) => m)).toEqual(["reply", "reply"]);
  });

  it("passes on an interaction answered elsewhere (40060), with no second try", async () => {
    const answeredElsewhere = Object.assign(new Error("Interaction has already been acknowledged."), {
      code: DISCORD_ERROR.alreadyAcknowledged,
    });
    const { interaction, calls } = slashCommand({ failReply: answeredElsewhere });
    await expect(answers().answer(interaction, () => answerReply, false)).rejects.toBe(answeredElsewhere);
    expect(calls.map(([m]) => m)).toEqual(["reply"]);
  });

  it("passes on an expired interaction (10062), with no second try", async () => {
    const expired = Object.assign(new Error("Unknown interaction"), {
      code: DISCORD_ERROR.unknownInteraction,
    });
    const { interaction, calls } = slashCommand({ failReply: expired });
    await expect(answers().answer(interaction, () => answerReply, false)).rejects.toThrow(
      "Unknown interaction",
    );
    expect(calls.map(([m]) => m)).toEqual(["reply"]);
  });
});

describe("who asked, where", () => {
  it("is the channel, the server and the user of the interaction", () => {
    expect(invocationOf(slashCommand().interaction)).toMatchObject({
      platform: "discord",
      channelId: "C1",
      workspaceId: "G1",
      userId: "U1",
    });
    expect(invocationOf(slashCommand({ guild: false }).interaction).workspaceId).toBe("dm");
  });

  it("may manage the channel with the Manage Channels permission in a server, never in a DM", async () => {
    expect(await invocationOf(slashCommand({ manage: true }).interaction).canManage()).toBe(true);
    expect(await invocationOf(slashCommand({ manage: false }).interaction).canManage()).toBe(false);
    expect(await invocationOf(slashCommand({ guild: false, manage: true }).interaction).canManage()).toBe(
      false,
    );
  });

  it("says whether the bot may manage the server's scheduled events (Manage or Create Events); none in a DM", () => {
    const events = (botPermissions: bigint, guild = true) =>
      invocationOf(slashCommand({ botPermissions, guild }).interaction).scheduledEvents;
    expect(events(PermissionFlagsBits.ManageEvents)).toEqual({ botMayManage: true });
    expect(events(PermissionFlagsBits.CreateEvents)).toEqual({ botMayManage: true });
    expect(events(PermissionFlagsBits.ManageChannels)).toEqual({ botMayManage: false });
    expect(events(PermissionFlagsBits.ManageEvents, false)).toBeUndefined();
  });
});

describe("reply options", () => {
  it("carry the embeds as they are, no mentions, and the ephemeral flag of a private reply", () => {
    const o = replyOptions({
      embeds: [{ title: "t" }],
      components: [],
      flags: MessageFlags.Ephemeral,
    } as never);
    expect(o).toMatchObject({ allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral });
    expect((o.embeds as { toJSON(): unknown }[])[0]?.toJSON()).toEqual({ title: "t" });
  });
});
