/**
 * Curators' channels on the stand-in Discord and Slack, for the end-to-end specs of the digests: the
 * digests each channel got, and the commands that make a Discord and a Slack channel a story's
 * curators' channel beside a Discord readers' channel.
 */
import type { CallbackBody, StandInDiscord } from "./standins/discord.js";
import { postSigned, type StandInSlack, slashCommandBody } from "./standins/slack.js";

const isDigest = (message: unknown) => /new leads? for/.test(JSON.stringify(message));

/** The digests the bot posted in a Discord channel. */
export function discordDigestsIn(discord: StandInDiscord, channelId: string) {
  return (discord.channelMessages.get(channelId) ?? []).filter(isDigest);
}

/** The digests the bot posted on Slack (in `channel` only, when given). */
export function slackDigestsIn(slack: StandInSlack, channel?: string) {
  return slack.requests.filter(
    (r) =>
      r.path.endsWith("/chat.postMessage") &&
      (channel === undefined || r.fields.channel === channel) &&
      isDigest(r.fields),
  );
}

/**
 * As a channel manager: `/curators action:set` in the Discord channel CHANNEL_ID, `/subscribe kind:all`
 * in the Discord channel `readers`, and `/curators action:set` on Slack; the replies, for the spec to check.
 */
export async function setCurators(rig: {
  discord: StandInDiscord;
  slack: StandInSlack;
  slackEventsUrl: string;
  secret: string;
  readers: string;
}): Promise<{ set: CallbackBody; readers: CallbackBody; slackStatus: number }> {
  const { discord } = rig;
  discord.memberPermissions = (BigInt(discord.memberPermissions) | 16n).toString();
  const set = await discord.command("curators", [{ name: "action", type: 3, value: "set" }]);
  const readers = await discord.command("subscribe", [{ name: "kind", type: 3, value: "all" }], {
    channelId: rig.readers,
  });
  const res = await postSigned(rig.slackEventsUrl, {
    secret: rig.secret,
    body: slashCommandBody("/ceasefire", "curators action:set", rig.slack.responseUrl(), "U0CURATOR"),
  });
  return { set, readers, slackStatus: res.status };
}

/**
 * The environment of a bot process that answers on both stand-ins and posts curators' digests every
 * minute (tick every second, digest window of a minute), its desk at `desk`; `name` tells its tokens
 * and secret apart from other specs'.
 */
export function curatorsBotEnv(rig: {
  name: string;
  dataDir: string;
  discord: StandInDiscord;
  slack: StandInSlack;
  slackToken: string;
  secret: string;
  port: number;
  desk: string;
}): Record<string, string> {
  return {
    DATA_DIR: rig.dataDir,
    DISCORD_TOKEN: `${rig.name}-discord-token`,
    DISCORD_APP_ID: rig.discord.appId,
    DISCORD_API_URL: rig.discord.apiUrl,
    SLACK_BOT_TOKEN: rig.slackToken,
    SLACK_SIGNING_SECRET: rig.secret,
    SLACK_API_URL: rig.slack.apiUrl,
    SLACK_ADMIN_USERS: "U0CURATOR",
    PORT: String(rig.port),
    SCHEDULER_CRON: "* * * * * *",
    DIGEST_INTERVAL: "1m",
    DESK_PUBLIC_URL: rig.desk,
  };
}
