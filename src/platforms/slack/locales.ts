/**
 * What Slack says of a reader's and a channel's language: the user's locale (users.info with
 * include_locale) and the channel's (conversations.info with include_locale), each kept an hour per
 * user or channel, so a person's commands cost one call an hour. A call that fails (rate limited,
 * missing scope, Slack away) means "unknown locale": the chain goes on to the next step, and the
 * next command asks again (docs/decisions/0031-who-gets-which-language.md).
 */
import type { Logger as BoltLogger } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Clock } from "../../time/clock.js";
import { Expiring, keptCall } from "../../time/expiring.js";
import { webApiOptions } from "./web-api-options.js";

/** How long a locale is kept (ms). */
export const LOCALE_TTL_MS = 3_600_000;
/** At most this many users' and channels' locales are kept (the oldest goes first). */
const CAPACITY = 10_000;

/** The two Web API calls asked: what a WebClient answers. */
export interface LocaleClient {
  users: { info(args: { user: string; include_locale: boolean }): Promise<{ user?: { locale?: string } }> };
  conversations: {
    info(args: { channel: string; include_locale: boolean }): Promise<{ channel?: { locale?: string } }>;
  };
}

/**
 * The locales' own Web API client: no retries and a short timeout, since a command waits on it (a
 * locale not known in time is one not known: the reply is still written).
 */
export function localeClient(options: {
  botToken: string;
  apiUrl: string | undefined;
  logger: BoltLogger;
}): WebClient {
  return new WebClient(options.botToken, {
    ...webApiOptions(options.apiUrl),
    logger: options.logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 2_000,
  });
}

export class SlackLocales {
  private readonly kept = new Expiring<Promise<string | undefined>>(CAPACITY);

  constructor(
    private readonly client: LocaleClient,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly ttlMs = LOCALE_TTL_MS,
  ) {}

  /** The user's Slack locale ("fr-FR"), or undefined when unknown. */
  userLocale(userId: string): Promise<string | undefined> {
    return this.cached(`user:${userId}`, async () => {
      const info = await this.client.users.info({ user: userId, include_locale: true });
      return info.user?.locale;
    });
  }

  /** The channel's Slack locale, or undefined when unknown. */
  channelLocale(channelId: string): Promise<string | undefined> {
    return this.cached(`channel:${channelId}`, async () => {
      const info = await this.client.conversations.info({ channel: channelId, include_locale: true });
      return info.channel?.locale;
    });
  }

  private cached(key: string, ask: () => Promise<string | undefined>): Promise<string | undefined> {
    const now = this.clock.now().getTime();
    // Unknown when the call fails: not kept, so the next command asks again.
    return keptCall(this.kept, key, now, now + this.ttlMs, ask, (err) => {
      this.log.warn({ err: (err as Error).message, what: key.split(":")[0] }, "slack locale unknown");
      return undefined;
    });
  }
}
