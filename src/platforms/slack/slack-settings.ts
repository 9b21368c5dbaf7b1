/**
 * Slack's section of the configuration: the bot token, and either the signing secret and PORT of
 * HTTP mode or the app-level token of Socket Mode, the umbrella command and the bot's admins.
 */
import { z } from "zod";
import { configValues, readSection } from "../../config.js";

const { optionalText, port, url } = configValues;

export const slackSettings = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: url,
  SLACK_UMBRELLA_COMMAND: z
    .string()
    .regex(/^[a-z0-9_-]{1,31}$/, "must be a Slack command name without the slash, like ceasefire")
    .default("ceasefire"),
  SLACK_ADMIN_USERS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** HTTP mode's port (the health routes share it when HEALTH_PORT is the same). */
  PORT: port.default(3000),
});

export type SlackSettings = z.output<typeof slackSettings>;

export const SLACK_SECRETS = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"] as const;

/** What is wrong with Slack's variables together (each one alone is valid). */
export function slackProblems(settings: SlackSettings): string[] {
  if (settings.SLACK_BOT_TOKEN && !settings.SLACK_SIGNING_SECRET && !settings.SLACK_APP_TOKEN)
    return [
      "SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)",
    ];
  return [];
}

/** Slack's settings from the environment, for the commands that only concern Slack (`manifest`). */
export function readSlackSettings(env: Readonly<Record<string, string | undefined>>): SlackSettings {
  return readSection(slackSettings, env, SLACK_SECRETS, slackProblems);
}
