/**
 * The slash commands: one per bot command plus the umbrella `/ceasefire <command> [options]`, each
 * answered in the ack itself (Slack shows the ack's body as the reply) so that the answer lands
 * within Slack's 3-second window, or, when it is slow, through the response_url.
 */
import type { App, Middleware, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import type { BotCore } from "../../bot/core.js";
import { type InFlight, LATE, languageWithin, readyWithin, STOPPING } from "../../bot/in-flight.js";
import type { Invocation } from "../../command-engine/definition.js";
import type { Language } from "../../language/languages.js";
import { wordsFor } from "../../language/words.js";
import type { Metrics } from "../../monitoring/metrics.js";
import { errorReply, localizeError } from "../../reply/errors.js";
import type { Reply } from "../../reply/reply.js";
import type { Clock } from "../../time/clock.js";
import { Expiring, keptCall } from "../../time/expiring.js";
import { answerCommand, answerUmbrella, safely } from "./answer.js";
import { renderSlack, type SlackMessage } from "./blocks.js";
import type { SlackLocales } from "./locales.js";
import { pictureSharer, RecentShares, uploadClient } from "./picture-upload.js";

/** How long whether a user is a workspace admin or owner is kept (ms). */
export const MANAGER_TTL_MS = 60_000;
/** At most this many users' answers are kept (the oldest goes first). */
const MANAGERS_KEPT = 10_000;

/** Logs an answer: an error with its code (at info, so a user's report can be matched), else at debug. */
function logAnswer(log: Logger, command: string, reply: Reply, slow = false): void {
  const fields = { command, kind: reply.kind, ...(reply.code ? { code: reply.code } : {}) };
  if (slow) log.info(fields, "slow answer sent through the response_url");
  else if (reply.kind === "error") log.info(fields, "slash command answered with an error");
  else log.debug(fields, "slash command");
}

/** "The bot is restarting", in the reader's language when it is found in a moment (kept lookups), else English. */
async function stoppingIn(language: Promise<Language>): Promise<Reply> {
  return localizeError(STOPPING, wordsFor(await languageWithin(language, "en")));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A slash command's answer, from its text and who typed it where. */
type Route = (text: string, invocation: Invocation) => Promise<Reply>;

/** Every slash command the bot answers, by its name with the slash: each command, and the umbrella. */
function commandRoutes(core: BotCore, umbrella: string, log: Logger): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const def of core.registry.list)
    routes.set(`/${def.name}`, (text, invocation) => answerCommand(core, def.name, text, invocation));
  if (routes.has(`/${umbrella}`)) {
    log.warn({ umbrella }, "the umbrella command has a command's name: only the command is answered");
  } else {
    routes.set(`/${umbrella}`, (text, invocation) => answerUmbrella(core, umbrella, text, invocation));
  }
  return routes;
}

/**
 * Whether Slack says a user is a workspace admin or owner, kept a minute per user: a person who runs
 * several channel commands in a row costs one users.info call, not one each (Slack rate-limits the
 * method, and each call was most of such a command's time). A failed call counts as "no" and is not
 * kept, so the next command asks again.
 */
function workspaceAdmins(app: App, clock: Clock, log: Logger): (userId: string) => Promise<boolean> {
  const kept = new Expiring<Promise<boolean>>(MANAGERS_KEPT);
  return (userId) => {
    const now = clock.now().getTime();
    return keptCall(
      kept,
      userId,
      now,
      now + MANAGER_TTL_MS,
      // The app's own client (Bolt hands listeners one per workspace): its rate-limit waits are counted.
      async () => {
        const info = await app.client.users.info({ user: userId });
        return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
      },
      (err) => {
        log.warn({ err: (err as Error).message }, "users.info failed: treating the user as not an admin");
        return false;
      },
    );
  };
}

/** Answers the slash commands on `app`, each counted among the answers under way. */
export function listenToCommands(
  app: App,
  options: {
    core: BotCore;
    umbrella: string;
    /** Slack user ids that may manage subscriptions besides workspace admins and owners. */
    adminUsers: readonly string[];
    deferAfterMs: number;
    log: Logger;
    metrics: Metrics;
    inFlight: InFlight;
    /**
     * HTTP mode: ack with the answer's JSON text, serialised once per answer (the guard in front of the
     * receiver says it is JSON). Socket Mode sends the ack inside an envelope, so it takes the object.
     */
    jsonTextAcks?: boolean;
    /** The users' and channels' locales (none: every locale unknown, so the reader's choice or English). */
    locales?: SlackLocales;
  },
): void {
  const { core, umbrella, deferAfterMs, log, metrics, inFlight } = options;
  // Answers and their renderings are kept for the minute (ReplyCache, renderSlack), so is their JSON:
  // serialising a few kilobytes of Block Kit was the bot's largest cost per command.
  const serialized = new WeakMap<SlackMessage, string>();
  const ackBody = (message: SlackMessage): SlackMessage | string => {
    if (!options.jsonTextAcks) return message;
    let text = serialized.get(message);
    if (text === undefined) {
      text = JSON.stringify(message);
      serialized.set(message, text);
    }
    return text;
  };
  const routes = commandRoutes(core, umbrella, log);
  const admins = new Set(options.adminUsers);
  const workspaceAdmin = workspaceAdmins(app, core.clock, log);
  const sharePicture = pictureSharer(uploadClient(app.client, metrics), log, new RecentShares(core.clock));

  /**
   * Who typed the command, where, and their Slack locale (kept an hour); whether they may manage the
   * channel, and the channel's own locale, are asked only when a command needs them.
   */
  async function invocationOf(command: SlackCommandMiddlewareArgs["command"]): Promise<Invocation> {
    const { locales } = options;
    const locale = await locales?.userLocale(command.user_id);
    return {
      platform: "slack",
      channelId: command.channel_id,
      workspaceId: command.team_id,
      userId: command.user_id,
      ...(locale ? { locale } : {}),
      channelLocale: async () => locales?.channelLocale(command.channel_id),
      // Asked only by commands that need it: the configured admins, else workspace admins and owners.
      canManage: async () => admins.has(command.user_id) || workspaceAdmin(command.user_id),
    };
  }

  const languageOf = (command: SlackCommandMiddlewareArgs["command"]) =>
    invocationOf(command).then((asker) => core.readerLanguage(asker));

  /** Answers a slash command in its ack: the reply is the ack's body, within the 3-second window. */
  const onCommand: Middleware<SlackCommandMiddlewareArgs> = async ({ command, ack, respond }) => {
    // Stopping (Socket Mode; HTTP mode answers 503 before this): come back in a moment.
    if (!inFlight.accepting) {
      const stopping = await stoppingIn(languageOf(command));
      await ack(ackBody(renderSlack(stopping)));
      return;
    }
    const answer = routes.get(command.command);
    const pending = answer
      ? safely(
          log,
          command.command,
          async () => answer(command.text ?? "", await invocationOf(command)),
          () => languageOf(command),
        )
      : Promise.resolve(
          errorReply("unknown-command", { command: command.command, known: [...routes.keys()] }),
        );
    // Questions are answered at once, in the ack. An answer that waits on Slack or the store (a
    // channel command asking users.info) and is not ready in time is acked empty before Slack's
    // 3-second window closes, and posted through the response_url when ready.
    const first = await readyWithin(pending, deferAfterMs);
    if (first !== LATE) {
      logAnswer(log, command.command, first);
      await ack(ackBody(renderSlack(first)));
      await sharePicture(first, command.channel_id);
      return;
    }
    await ack();
    metrics.answerDeferred("slack");
    const reply = await pending;
    logAnswer(log, command.command, reply, true);
    try {
      await respond(renderSlack(reply));
    } catch (err) {
      log.warn({ err: (err as Error).message, command: command.command }, "could not send a slow answer");
      return;
    }
    await sharePicture(reply, command.channel_id);
  };
  // One listener for all the commands, matched by name: Bolt runs every registered listener's
  // middleware chain for every request, so a listener per command would repeat that work ten times.
  app.command(new RegExp(`^(${[...routes.keys()].map(escapeRegExp).join("|")})$`), (args) =>
    inFlight.track(onCommand(args)),
  );
}
