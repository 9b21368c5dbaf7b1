/**
 * The Home tab: on `app_home_opened` (tab "home"), the bot builds the person's Home as of now
 * (src/home/home.ts), renders it (./home-view.ts) and publishes it with `views.publish`, in both HTTP
 * mode and Socket Mode (Bolt acks the event at once). Opens are throttled per person
 * (src/home/throttle.ts). A failed publish is logged once and left: the next open tries again.
 *
 * Which channels the person sees: SLACK_ADMIN_USERS and workspace admins and owners see every channel
 * of the workspace that gets alerts; anyone else sees the channels whose subscription they made. The
 * Home is written in the person's language: their own choice (/language), else their Slack locale
 * when it is one of ours, else English (the core's readerLanguage). One users.info call per open (with include_locale) tells both; none is made per
 * channel.
 */
import type { App, Logger as BoltLogger } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { BotCore } from "../../bot/core.js";
import type { InFlight } from "../../bot/in-flight.js";
import { buildHome } from "../../home/home.js";
import { HomeThrottle } from "../../home/throttle.js";
import { renderHomeView } from "./home-view.js";
import { webApiOptions } from "./web-api-options.js";

export interface HomeTabOptions {
  core: BotCore;
  botToken: string;
  /** The Web API base URL, ending in "/", when not Slack's own. */
  apiUrl: string | undefined;
  /** Slack user ids that may manage every channel besides workspace admins and owners. */
  adminUsers: readonly string[];
  logger: BoltLogger;
  log: Logger;
  inFlight: InFlight;
}

/**
 * The Home tab's own Web API client: no retries (a failed publish is logged and the next open
 * publishes again) and a timeout, so a slow Slack never holds a publish, or the bot's stop, for long.
 */
function homeClient(options: HomeTabOptions): WebClient {
  return new WebClient(options.botToken, {
    ...webApiOptions(options.apiUrl),
    logger: options.logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
}

/** What users.info says of the person who opened their Home (undefined: it could not be asked). */
interface Viewer {
  admin: boolean;
  locale: string | undefined;
}

/** Publishes each person's Home when they open the Home tab. */
export function listenToHome(app: App, options: HomeTabOptions): void {
  const { core, log, inFlight } = options;
  const admins = new Set(options.adminUsers);
  const client = homeClient(options);
  const throttle = new HomeThrottle();

  async function viewerOf(userId: string): Promise<Viewer | undefined> {
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const user = info.user;
      return {
        admin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        locale: user?.locale,
      };
    } catch (err) {
      log.warn(
        { err: (err as Error).message },
        "users.info failed: the Home lists the user's own channels, in English",
      );
      return undefined;
    }
  }

  async function publish(userId: string, workspaceId: string): Promise<void> {
    const who = `${workspaceId}:${userId}`;
    const step = throttle.open(who, core.dataset(), core.clock.now());
    if (step !== "build") {
      log.debug({ user: userId, skipped: step }, "home tab not published again");
      return;
    }
    let outcome: "unchanged" | "failed" | { published: unknown } = "failed";
    try {
      const viewer = await viewerOf(userId);
      const home = await buildHome(core, {
        platform: "slack",
        workspaceId,
        userId,
        managesAll: async () => admins.has(userId) || Boolean(viewer?.admin),
        // The person's own choice (/language) first, then their Slack locale, then English.
        language: await core.readerLanguage({
          platform: "slack",
          userId,
          ...(viewer?.locale ? { locale: viewer.locale } : {}),
        }),
      });
      const view = renderHomeView(home);
      if (!throttle.changed(who, view)) {
        outcome = "unchanged";
        log.debug({ user: userId, skipped: outcome }, "home tab not published again");
        return;
      }
      await client.views.publish({ user_id: userId, view });
      outcome = { published: view };
      log.debug({ user: userId, blocks: view.blocks.length }, "home tab published");
    } catch (err) {
      const code = (err as { data?: { error?: unknown } }).data?.error;
      log.warn(
        { user: userId, err: (err as Error).message, ...(typeof code === "string" ? { error: code } : {}) },
        "home tab not published",
      );
    } finally {
      throttle.done(who, outcome);
    }
  }

  app.event("app_home_opened", async ({ event, body, context }) => {
    if (event.tab !== "home" || !inFlight.accepting) return;
    const workspaceId = context.teamId ?? body.team_id;
    await inFlight.track(publish(event.user, workspaceId));
  });
}
