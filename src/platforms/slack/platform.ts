/** Slack as one entry of the platform list: its settings, how it starts, how a Reply renders. */
import { definePlatform } from "../platform.js";
import { renderSlack } from "./blocks.js";
import { SLACK_SECRETS, slackProblems, slackSettings } from "./slack-settings.js";

export const slack = definePlatform({
  name: "slack",
  title: "Slack",
  settings: slackSettings,
  secrets: SLACK_SECRETS,
  problems: slackProblems,
  enabled: (settings) => Boolean(settings.SLACK_BOT_TOKEN),
  // HTTP mode runs a server of its own; Socket Mode connects out and opens no port.
  httpPort: (settings) => (settings.SLACK_APP_TOKEN ? undefined : settings.PORT),
  render: renderSlack,
  reachedThrough: (settings) => (settings.SLACK_API_URL ? "SLACK_API_URL" : "Slack's API"),
  async start(settings, { core, log, metrics, inFlight, routes }) {
    const token = settings.SLACK_BOT_TOKEN;
    if (!token) throw new Error("Slack needs SLACK_BOT_TOKEN");
    // Bolt loads only when Slack is configured.
    const { createSlackAdapter } = await import("./adapter.js");
    const { slackAnswers } = await import("./reachable.js");
    await slackAnswers({ token, ...(settings.SLACK_API_URL ? { apiUrl: settings.SLACK_API_URL } : {}) });
    const { createSlackSender } = await import("./slack-sender.js");
    const adapter = createSlackAdapter({
      core,
      botToken: token,
      ...(settings.SLACK_SIGNING_SECRET ? { signingSecret: settings.SLACK_SIGNING_SECRET } : {}),
      ...(settings.SLACK_APP_TOKEN ? { appToken: settings.SLACK_APP_TOKEN } : {}),
      ...(settings.SLACK_API_URL ? { apiUrl: settings.SLACK_API_URL } : {}),
      port: settings.PORT,
      umbrella: settings.SLACK_UMBRELLA_COMMAND,
      adminUsers: settings.SLACK_ADMIN_USERS,
      log,
      metrics,
      inFlight,
      ...(routes ? { routes } : {}),
    });
    // A start that failed (Slack unreachable) leaves no server or socket behind: the caller may try again.
    await adapter.start().catch(async (err: unknown) => {
      await adapter.stop().catch(() => {});
      throw err;
    });
    return {
      sender: createSlackSender({
        token,
        render: renderSlack,
        metrics,
        ...(settings.SLACK_API_URL ? { apiUrl: settings.SLACK_API_URL } : {}),
      }),
      connected: () => adapter.connected(),
      stop: () => adapter.stop(),
    };
  },
});
