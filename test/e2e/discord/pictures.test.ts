/**
 * Pictures on Discord: the real discord.js client sends a reply's picture as an attachment of the
 * interaction's answer (multipart/form-data, `files[0]`), and the embed shows it. The specs give the
 * answers a test picture (a real PNG) through the core, so they check the transport whatever the
 * commands draw; the last spec asks the shipped /timeline for its own picture.
 */
import { createRequire } from "node:module";
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { afterEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../../src/bot/core.js";
import type { Invocation } from "../../../src/command-engine/definition.js";
import { DISCORD_LIMITS } from "../../../src/platforms/discord/limits.js";
import type { Reply, ReplyPicture } from "../../../src/reply/reply.js";
import { type DiscordHarness, startDiscordHarness } from "../../support/harness/discord.js";
import {
  type CallbackBody,
  type DiscordRequest,
  discordViolations,
  PNG_SIGNATURE,
  pngSize,
  repictured,
  testPicture,
} from "../../support/index.js";

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The real core, every answer given `picture()`'s picture; answers in a channel wait `delayMs`. */
function picturing(picture: () => ReplyPicture | undefined, delayMs = 0) {
  const add = (reply: Reply): Reply => repictured(reply, reply.kind === "answer" ? picture() : undefined);
  return (core: BotCore) => ({
    suggest: core.suggest,
    answerQuestion: async (name: string, raw: Record<string, unknown>) =>
      add(await core.answerQuestion(name, raw)),
    answerInChannel: async (name: string, raw: Record<string, unknown>, invocation: Invocation) => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return add(await core.answerInChannel(name, raw, invocation));
    },
  });
}

/** The one file a request carried, checked to be the PNG it claims. */
function sentPng(request: DiscordRequest) {
  expect(request.headers["content-type"]).toMatch(/^multipart\/form-data/);
  expect(request.files).toHaveLength(1);
  const file = request.files?.[0];
  expect(file?.field).toBe("files[0]");
  expect(file?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return { file, size: pngSize(file?.bytes ?? Buffer.alloc(0)) };
}

const nextButton = (body: CallbackBody) =>
  body.data?.components?.flatMap((row) => row.components).find((b) => b.label.startsWith("Next"));

/** The undici that @discordjs/rest sends with, and Bolt's own copy (a different major version). */
const require = createRequire(import.meta.url);
const restUndici = createRequire(require.resolve("@discordjs/rest"))("undici") as typeof import("undici");
const boltUndici = createRequire(require.resolve("@slack/bolt"))("undici") as typeof import("undici");

describe("pictures on Discord (real discord.js client, stand-in Discord)", () => {
  it("sends the picture when another copy of undici set the process's dispatcher first, as Slack's code does when it loads first", async () => {
    // Each copy of undici installs its own Agent as the process's dispatcher when it loads, unless one
    // is there already; Bolt's copy (loaded with its Socket Mode client) cannot send @discordjs/rest's
    // multipart bodies.
    expect(boltUndici.Agent, "Bolt and @discordjs/rest now share one undici: use another copy here").not.toBe(
      restUndici.Agent,
    );
    const before = restUndici.getGlobalDispatcher();
    const foreign = new boltUndici.Agent();
    boltUndici.setGlobalDispatcher(foreign);
    try {
      h = await startDiscordHarness({ wrapCore: picturing(() => testPicture({ width: 60, height: 30 })) });
      const { id } = h.discord.chatInput("phase");
      const callback = await h.discord.callbackFor(id);
      expect(sentPng(callback).size).toEqual({ width: 60, height: 30 });
      expect(h.logText()).not.toContain("answering an interaction failed");
    } finally {
      restUndici.setGlobalDispatcher(before);
      await foreign.close();
    }
  });

  it("sends the picture as the answer's attachment and shows it in the embed", async () => {
    h = await startDiscordHarness({ wrapCore: picturing(() => testPicture({ width: 60, height: 30 })) });
    const { id } = h.discord.chatInput("phase");
    const callback = await h.discord.callbackFor(id);
    const body = callback.body as CallbackBody;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const { file, size } = sentPng(callback);
    expect(size).toEqual({ width: 60, height: 30 });
    expect(file?.filename).toBe("timeline-test.png");
    expect(file?.contentType).toBe("image/png");
    expect(body.data?.embeds?.[0]?.image).toEqual({ url: "attachment://timeline-test.png" });
    expect(body.data?.attachments).toEqual([{ id: "0", description: testPicture().alt }]);
    expect(discordViolations(body.data)).toEqual([]);
  });

  it("attaches the picture to a private answer too", async () => {
    h = await startDiscordHarness({ wrapCore: picturing(() => testPicture()) });
    const { id } = h.discord.chatInput("phase", [
      { name: "private", type: ApplicationCommandOptionType.Boolean, value: true },
    ]);
    const callback = await h.discord.callbackFor(id);
    const body = callback.body as CallbackBody;
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(sentPng(callback).size).toEqual({ width: 48, height: 24 });
    expect(body.data?.embeds?.[0]?.image?.url).toBe("attachment://timeline-test.png");
  });

  it("cuts a long alt text to the attachment description's limit", async () => {
    h = await startDiscordHarness({ wrapCore: picturing(() => testPicture({ alt: "A bar. ".repeat(400) })) });
    const body = await h.discord.command("phase");
    const description = body.data?.attachments?.[0]?.description ?? "";
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.attachmentDescription);
    expect(description.endsWith("…")).toBe(true);
  });

  it("edits a slow answer in with its picture (a deferred answer's edit, multipart)", async () => {
    h = await startDiscordHarness({ wrapCore: picturing(() => testPicture(), 200), deferAfterMs: 50 });
    const body = await h.discord.command("phase");
    expect(body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await h.discord.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"),
    );
    const { size } = sentPng(edit);
    expect(size).toEqual({ width: 48, height: 24 });
    const data = edit.body as CallbackBody["data"];
    expect(data?.embeds?.[0]?.image?.url).toBe("attachment://timeline-test.png");
    expect(data?.attachments).toEqual([{ id: "0", description: testPicture().alt }]);
  });

  it("replaces the old page's picture with the new page's when a button turns the page", async () => {
    let page = 0;
    h = await startDiscordHarness({
      wrapCore: picturing(() => testPicture({ name: `timeline-page-${++page}.png`, width: 40 + page })),
    });
    const first = await h.discord.command("timeline");
    expect(first.data?.embeds?.[0]?.image?.url).toBe("attachment://timeline-page-1.png");
    const { id } = h.discord.button(nextButton(first)?.custom_id ?? "", first.data ?? {});
    const update = await h.discord.callbackFor(id);
    expect((update.body as CallbackBody).type).toBe(InteractionResponseType.UpdateMessage);
    const { file, size } = sentPng(update);
    expect(file?.filename).toBe("timeline-page-2.png");
    expect(size?.width).toBe(42);
    const data = (update.body as CallbackBody).data;
    // Only the new file is kept: the list of attachments names no other.
    expect(data?.attachments).toEqual([{ id: "0", description: testPicture().alt }]);
    expect(data?.embeds?.[0]?.image?.url).toBe("attachment://timeline-page-2.png");
  });

  it("drops the old page's picture when the new page has none", async () => {
    let calls = 0;
    h = await startDiscordHarness({ wrapCore: picturing(() => (++calls === 1 ? testPicture() : undefined)) });
    const first = await h.discord.command("timeline");
    const { id } = h.discord.button(nextButton(first)?.custom_id ?? "", first.data ?? {});
    const update = await h.discord.callbackFor(id);
    expect(update.files).toBeUndefined();
    const data = (update.body as CallbackBody).data;
    expect(data?.attachments).toEqual([]);
    expect(data?.embeds?.[0]?.image).toBeUndefined();
  });

  it("answers without the picture, and logs why, when it cannot be drawn", async () => {
    const broken = () =>
      testPicture({
        png: () => {
          throw new Error("no font");
        },
      });
    h = await startDiscordHarness({ wrapCore: picturing(broken) });
    const callback = await h.discord.callbackFor(h.discord.chatInput("phase").id);
    const body = callback.body as CallbackBody;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.files).toBeUndefined();
    expect(body.data?.embeds?.[0]?.image).toBeUndefined();
    expect(body.data?.embeds?.[0]?.title).toBeTruthy();
    const warning = h.logs.find((l) => l.msg === "could not draw a reply's picture: answering without it");
    expect(warning).toMatchObject({ picture: "timeline-test.png", error: "no font" });
  });

  // Passes once the commands draw pictures (/timeline with a picture): the transport is above.
  it("sends the shipped /timeline's own picture as an attachment", async () => {
    h = await startDiscordHarness();
    const callback = await h.discord.callbackFor(h.discord.chatInput("timeline").id);
    const { file, size } = sentPng(callback);
    const body = callback.body as CallbackBody;
    expect(body.data?.embeds?.[0]?.image?.url).toBe(`attachment://${file?.filename}`);
    expect(size?.width).toBeGreaterThan(0);
    expect(body.data?.attachments?.[0]?.description?.length).toBeGreaterThan(0);
  });
});
