/**
 * /language: a reader sees which language the bot answers them in and why (their choice, their
 * app's locale, the server's, the default), chooses one for themselves on their platform (answered
 * at once in the new language, privately), or resets it to their locale's.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Invocation } from "../../src/command-engine/definition.js";
import { LANGUAGE_NAMES } from "../../src/language/languages.js";
import { renderText } from "../../src/platforms/console/text.js";
import { type ChannelRig, channelRig, DURING, expectWrittenIn } from "../support/index.js";

let rig: ChannelRig;
afterEach(async () => {
  await rig.close();
});

/** Runs `/name` as user U1 on Discord, with the locales the interaction would carry. */
async function ask(
  name: string,
  options: Record<string, string> = {},
  where: Partial<Pick<Invocation, "locale" | "guildLocale" | "userId">> = {},
) {
  const invocation: Invocation = {
    platform: "discord",
    channelId: "C1",
    workspaceId: "G1",
    userId: "U1",
    canManage: async () => false,
    ...where,
  };
  const reply = await rig.core.answerInChannel(name, options, invocation);
  return { reply, text: renderText(reply) };
}

describe("/language", () => {
  it("says, privately, that a reader with no choice and an English app gets English, and how to choose", async () => {
    rig = channelRig(DURING);
    const { reply, text } = await ask("language", {}, { locale: "en-US" });
    expect(reply).toMatchObject({ kind: "answer", ephemeral: true });
    expect(text).toContain("I answer you in English, the language of your app.");
    expect(text).toContain("/language language:ar");
    expect(text).toContain("/subscribe language:ar");
  });

  it("says a French app's reader gets French because of their app, in French", async () => {
    rig = channelRig(DURING);
    const { reply } = await ask("language", {}, { locale: "fr" });
    expectWrittenIn(reply, "fr", ["Je vous réponds en Français, la langue de votre application."]);
  });

  it("says the server's language decides when the reader's app is in a language it does not write", async () => {
    rig = channelRig(DURING);
    const { reply } = await ask("language", {}, { locale: "pt-BR", guildLocale: "fr" });
    expectWrittenIn(reply, "fr", ["la langue de ce serveur"]);
  });

  it("says English is the default when neither locale is one of its languages", async () => {
    rig = channelRig(DURING);
    const { text } = await ask("language", {}, { locale: "pt-BR", guildLocale: "de" });
    expect(text).toContain("neither your app's language nor this server's is one I write in");
  });

  it("remembers a choice for the reader on their platform and answers in it at once", async () => {
    rig = channelRig(DURING);
    const { reply } = await ask("language", { language: "he" }, { locale: "fr" });
    expect(reply.ephemeral).toBe(true);
    expectWrittenIn(reply, "he", [`מעכשיו אני עונה לך בשפה \u2068${LANGUAGE_NAMES.he}\u2069`]);
    expect(await rig.store.userLanguage({ platform: "discord", userId: "U1" })).toBe("he");
    expect(await rig.store.userLanguage({ platform: "slack", userId: "U1" })).toBeUndefined();
  });

  it("makes the reader's every reply follow the choice, before their app's locale", async () => {
    rig = channelRig(DURING);
    await ask("language", { language: "ar" }, { locale: "fr" });
    const { reply } = await ask("phase", {}, { locale: "fr" });
    expect(reply.language).toBe("ar");
    const { reply: status } = await ask("language", {}, { locale: "fr" });
    expectWrittenIn(status, "ar", ["كما اخترت"]);
    // Someone else in the same channel is still answered in their app's language.
    expect((await ask("phase", {}, { locale: "fr", userId: "U2" })).reply.language).toBe("fr");
  });

  it("answers a choice of English in English, marked so, after another language", async () => {
    rig = channelRig(DURING);
    await ask("language", { language: "he" });
    const { reply, text } = await ask("language", { language: "en" });
    expect(reply.language).toBe("en");
    expect(text).toContain("Done: from now on I answer you in English.");
  });

  it("forgets the choice with reset and says, in the app's language, what the reader gets now", async () => {
    rig = channelRig(DURING);
    await ask("language", { language: "he" }, { locale: "fr-FR" });
    const { reply } = await ask("language", { language: "reset" }, { locale: "fr-FR" });
    expectWrittenIn(reply, "fr", ["Votre choix est oublié.", "la langue de votre application"]);
    expect(await rig.store.userLanguage({ platform: "discord", userId: "U1" })).toBeUndefined();
    expect((await ask("phase", {}, { locale: "fr-FR" })).reply.language).toBe("fr");
  });

  it("refuses a language it does not write in, naming the ones it does", async () => {
    rig = channelRig(DURING);
    const { reply, text } = await ask("language", { language: "de" });
    expect(reply).toMatchObject({ kind: "error", code: "invalid-option" });
    expect(text).toContain("reset");
  });
});
