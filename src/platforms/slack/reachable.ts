/**
 * Whether Slack's Web API answers, asked once before Bolt starts. Bolt's own first call (auth.test in
 * `app.init()`) goes through a WebClient that retries a dropped connection for about half an hour,
 * one warning per try, and Socket Mode's through another; this one try, bounded in time, lets the bot
 * say once that Slack is unreachable and try again with its own back-off (src/delivery/reconnect.ts),
 * with /readyz saying why meanwhile. A bad token still fails the start: Slack answered.
 */
import { LogLevel, WebClient } from "@slack/web-api";
import { webApiOptions } from "./web-api-options.js";

/** Resolves when Slack answers auth.test for `token`; rejects with the client's error otherwise. */
export async function slackAnswers(options: {
  token: string;
  apiUrl?: string;
  timeoutMs?: number;
}): Promise<void> {
  const client = new WebClient(options.token, {
    ...webApiOptions(options.apiUrl),
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 10_000,
    // Its failure is the caller's to tell (once per outage).
    logLevel: LogLevel.ERROR,
  });
  await client.auth.test();
}
