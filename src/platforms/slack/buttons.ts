/**
 * The buttons the bot drew (the /timeline pages, "Why?"): acked at once, then the message is replaced
 * through the response_url, or an error or a private answer is added for the clicker alone.
 */
import type { App, BlockAction, Middleware, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import type { BotCore } from "../../bot/core.js";
import type { InFlight } from "../../bot/in-flight.js";
import { answerAction, safely } from "./answer.js";
import { LINK_ACTION, renderSlack } from "./blocks.js";
import type { SlackLocales } from "./locales.js";

/** Answers the button clicks on `app`, each counted among the answers under way. */
export function listenToButtons(
  app: App,
  options: { core: BotCore; log: Logger; inFlight: InFlight; locales?: SlackLocales },
): void {
  const { core, log, inFlight, locales } = options;
  /** A button: ack at once, then replace the message (or add an ephemeral error) via the response_url. */
  const onButton: Middleware<SlackActionMiddlewareArgs<BlockAction>> = async ({
    ack,
    action,
    body,
    respond,
  }) => {
    await ack();
    const reply = await safely(log, "button", async () => {
      // The new page, or the quote, in the language of the person who clicked.
      const userId = body.user.id;
      const locale = await locales?.userLocale(userId);
      const language = await core.readerLanguage({
        platform: "slack",
        userId,
        ...(locale ? { locale } : {}),
      });
      return answerAction(core, action.action_id, language);
    });
    if (reply.kind === "error")
      log.info({ action: action.action_id, code: reply.code }, "button answered with an error");
    // The message's response_type is left out: a replaced message stays where it was.
    const { response_type: _where, ...message } = renderSlack(reply);
    try {
      // A new page replaces the message where it is (in the channel, or ephemeral when it was private);
      // an error, or a private answer ("Why?"), is added for the clicker alone and leaves the message.
      await respond(
        reply.kind === "error" || reply.ephemeral
          ? { ...message, response_type: "ephemeral", replace_original: false }
          : { ...message, replace_original: true },
      );
    } catch (err) {
      log.warn({ err, action: action.action_id }, "could not answer a button");
    }
  };
  const trackedButton: typeof onButton = (args) => inFlight.track(onButton(args));
  app.action<BlockAction>(/^cf1:/, trackedButton);
  // A link button opens its address in the browser; Slack still tells the app, which only acknowledges.
  app.action<BlockAction>(new RegExp(`^${LINK_ACTION}`), async ({ ack }) => {
    await ack();
  });
  app.action<BlockAction>(new RegExp(`^(?!cf1:|${LINK_ACTION})`), trackedButton);
}
