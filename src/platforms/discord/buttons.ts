/** A press of a button the bot drew (a page, "Why?"): the command it encodes, answered in place. */
import type { ButtonInteraction } from "discord.js";
import type { Logger } from "pino";
import { decodeAction } from "../../command-engine/actions.js";
import { wordsFor } from "../../language/words.js";
import { errorReply, localizeError } from "../../reply/errors.js";
import type { DiscordAnswers } from "./answers.js";
import { readerOf, replyOptions, updateOptions } from "./answers.js";
import { attachPicture } from "./attachments.js";
import { renderDiscord } from "./embeds.js";
import type { DiscordCore } from "./interactions.js";

const STALE_BUTTON = errorReply("stale-button");

/** Replaces the message with the new page, or answers the presser alone (an error, a private answer). */
export async function answerButton(
  interaction: ButtonInteraction,
  { core, log, send }: { core: DiscordCore; log: Logger; send: DiscordAnswers["send"] },
): Promise<void> {
  // The page is turned, the quote shown or the error told in the language of the person who pressed.
  const language = await core.readerLanguage?.(readerOf(interaction));
  const action = decodeAction(interaction.customId);
  if (!action) {
    log.warn({ customId: interaction.customId.slice(0, 100), code: STALE_BUTTON.code }, "unknown button");
    const stale = localizeError(STALE_BUTTON, wordsFor(language ?? "en"));
    await interaction.reply(replyOptions(renderDiscord(stale)));
    return;
  }
  const reply = await core.answerQuestion(action.command, action.options, language);
  if (reply.kind === "error" || reply.ephemeral) {
    if (reply.kind === "error")
      log.info({ command: action.command, code: reply.code }, "button answered with an error");
    // The message stays as it was; an error or a private answer ("Why?") is for the person who
    // pressed, alone.
    const privately = { ...reply, ephemeral: true };
    await interaction.reply(replyOptions(attachPicture(privately, renderDiscord(privately), log)));
    return;
  }
  const sent = attachPicture(reply, renderDiscord(reply), log);
  await send(interaction, () => interaction.update(updateOptions(sent)));
}
