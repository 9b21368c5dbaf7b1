/**
 * Slack's Home tab on the stand-ins: the Web API method `views.publish` on a `StandInSlack`, which
 * records every view and checks it as Slack does (a `home` view of at most 100 blocks and 250 kB,
 * each block within Block Kit's limits, else `invalid_arguments`, `view_too_large` or
 * `invalid_blocks`), and the `app_home_opened` event Slack sends when a person opens the app's Home:
 * as a signed HTTP request to the bot's events URL, or as an `events_api` envelope over Socket Mode.
 */
import { slackViewViolations } from "../payload-limits.js";
import { type BotResponse, postSigned, STANDIN_BOT, type StandInSlack } from "./slack.js";
import type { SocketAck, StandInSlackSocket } from "./slack-socket.js";

export interface PublishedView {
  userId: string;
  /** The view as the bot sent it, read by the tests. */
  view: any;
}

export interface RefusedView {
  userId: string;
  error: string;
  violations: string[];
}

export class StandInSlackViews {
  /** Views Slack accepted, in order. */
  readonly published: PublishedView[] = [];
  /** Views it refused, with why. */
  readonly refused: RefusedView[] = [];
  /** Errors the next calls answer with, one each (a failing Slack). */
  private readonly failures: string[] = [];

  private constructor(readonly web: StandInSlack) {}

  /** Adds views.publish (with the bot token) to the Web API stand-in `web`. */
  static install(web: StandInSlack): StandInSlackViews {
    const views = new StandInSlackViews(web);
    web.method("views.publish", web.botToken, (fields) => views.publish(fields));
    return views;
  }

  /** The next call of views.publish answers `{ ok: false, error }`. */
  failNext(error = "internal_error"): void {
    this.failures.push(error);
  }

  /** The views published to one person, oldest first. */
  of(userId: string): PublishedView[] {
    return this.published.filter((p) => p.userId === userId);
  }

  /** How many times views.publish was called, accepted or not. */
  get calls(): number {
    return this.web.calls("views.publish").length;
  }

  /** Resolves with the `count`-th view published to `userId` (already or still to come). */
  async waitForView(userId: string, count = 1, timeoutMs = 5000): Promise<PublishedView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = this.of(userId)[count - 1];
      if (view) return view;
      if (Date.now() > deadline)
        throw new Error(`stand-in: no view #${count} published to ${userId} in time`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private publish(fields: Record<string, string | undefined>): Record<string, unknown> {
    const failure = this.failures.shift();
    if (failure) return { ok: false, error: failure };
    const userId = fields.user_id ?? "";
    let view: unknown;
    try {
      view = JSON.parse(fields.view ?? "");
    } catch {
      view = undefined;
    }
    const refuse = (error: string, violations: string[]) => {
      this.refused.push({ userId, error, violations });
      return { ok: false, error, response_metadata: { messages: violations.map((v) => `[ERROR] ${v}`) } };
    };
    if (!userId) return refuse("invalid_arguments", ["user_id is required"]);
    if (!view || typeof view !== "object") return refuse("invalid_arguments", ["view must be a JSON object"]);
    const violations = slackViewViolations(view);
    if (violations.some((v) => v.startsWith("view size"))) return refuse("view_too_large", violations);
    if (violations.some((v) => v.startsWith("view") || v.startsWith("type")))
      return refuse("invalid_arguments", violations);
    if (violations.length) return refuse("invalid_blocks", violations);
    this.published.push({ userId, view });
    return { ok: true, view: { id: `V${this.published.length}`, team_id: STANDIN_BOT.team_id, ...view } };
  }
}

/** The Events API body Slack sends when `userId` opens the app's Home (`tab` "home" or "messages"). */
export function appHomeOpenedBody(
  userId: string,
  options: { tab?: "home" | "messages"; teamId?: string } = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    token: "deprecated-verification-token",
    team_id: options.teamId ?? STANDIN_BOT.team_id,
    api_app_id: "A0APP",
    event: {
      type: "app_home_opened",
      user: userId,
      channel: "D0HOME",
      tab: options.tab ?? "home",
      event_ts: `${now}.000100`,
    },
    type: "event_callback",
    event_id: `Ev${now}${userId}`,
    event_time: now,
    authorizations: [
      { team_id: options.teamId ?? STANDIN_BOT.team_id, user_id: STANDIN_BOT.user_id, is_bot: true },
    ],
  };
}

/** `userId` opens the Home: the event, signed, to the bot's events URL (HTTP mode). */
export function openHomeOverHttp(
  eventsUrl: string,
  secret: string,
  userId: string,
  options: { tab?: "home" | "messages"; teamId?: string } = {},
): Promise<BotResponse> {
  return postSigned(eventsUrl, {
    secret,
    body: JSON.stringify(appHomeOpenedBody(userId, options)),
    contentType: "application/json",
  });
}

/** `userId` opens the Home: the event as an `events_api` envelope over Socket Mode; resolves on its ack. */
export function openHomeOverSocket(
  socket: StandInSlackSocket,
  userId: string,
  options: { tab?: "home" | "messages"; teamId?: string } = {},
): Promise<SocketAck> {
  return socket.send("events_api", appHomeOpenedBody(userId, options), false);
}
