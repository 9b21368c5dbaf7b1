/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest), built from the same command
 * definitions the bot serves, so the commands a workspace installs can never drift from the ones the
 * bot answers. `ceasefire-bot manifest [--url https://…]` prints it to paste into api.slack.com/apps.
 * The commands are given (by the composition root, src/cli/main.ts): a platform imports no command list.
 *
 * The slash commands' descriptions and usage hints are English: a manifest has one description per
 * command and Slack has no way to localize it (unlike Discord's `description_localizations`). What
 * the commands answer, and /help's list of what each is for, is in the reader's language.
 */
import type { webApi } from "@slack/bolt";
import type { CommandInfo } from "../../command-engine/definition.js";
import { type OptionSpec, platformOptionSpecs } from "../../command-engine/options.js";

export type SlackManifest = webApi.AppsManifestCreateArguments["manifest"];

/** Manifest field limits (from the manifest reference). */
const MAX = { appDescription: 140, commandDescription: 2000, usageHint: 1000 } as const;

/**
 * The bot scopes, as few as the bot needs (each one is shown to the admin who installs the app):
 * - `commands`: receive the slash commands and their buttons; nothing else the bot does needs more.
 * - `chat:write`: post deadline reminders into the channels the bot was invited to (the reminders).
 * - `users:read`: `users.info`, to tell whether the person typing /subscribe or /unsubscribe is a
 *   workspace admin or owner (only they, and SLACK_ADMIN_USERS, may change what a channel gets), and
 *   a person's locale (`include_locale`), the language they are answered in without a choice.
 * - `channels:read`, `groups:read`: `conversations.info` with `include_locale`, the channel's own
 *   locale that /subscribe records as its alerts' language when none is chosen (without them the
 *   call fails and the channel's alerts are English unless a language is chosen).
 * - `channels:history`, `groups:history`: after a crash in the middle of posting a reminder, read the
 *   channel's recent messages for the reminder's marker before posting it again (exactly once).
 * - `files:write`: share a public answer's picture (a PNG) into the channel it was asked in.
 * Slash command replies need no scope: they go back through the request's response or response_url.
 */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "users:read",
  "channels:read",
  "groups:read",
  "channels:history",
  "groups:history",
  "files:write",
] as const;

/** The events the bot subscribes to: `app_home_opened`, to publish a person's Home tab when they open it. */
export const BOT_EVENTS = ["app_home_opened"] as const;

/** What a value of an option looks like in a usage hint. */
function placeholder(spec: OptionSpec): string {
  if (spec.choices) return spec.choices.join("|");
  switch (spec.type) {
    case "date":
      return "YYYY-MM-DD";
    case "integer":
    case "number":
      return "N";
    case "boolean":
      return "true";
    default:
      return "…";
  }
}

/** `[from:YYYY-MM-DD] [tag:…] [private:true]`, required options without brackets. */
export function usageHint(def: CommandInfo): string {
  return platformOptionSpecs(def)
    .map((s) => (s.required ? `${s.name}:${placeholder(s)}` : `[${s.name}:${placeholder(s)}]`))
    .join(" ")
    .slice(0, MAX.usageHint);
}

export interface ManifestOptions {
  /** Public base URL of the bot in HTTP mode, like https://bot.example.org (no trailing /slack/events). */
  url?: string;
  /** The umbrella command, without its slash. */
  umbrella: string;
  socketMode: boolean;
  /** The commands to install: every command of the bot. */
  commands: readonly CommandInfo[];
}

/** The Slack app manifest for HTTP mode (request URLs) or Socket Mode (no public URL needed). */
export function buildManifest(options: ManifestOptions): SlackManifest {
  const list = options.commands;
  if (!options.socketMode && !options.url) {
    throw new Error("an HTTP-mode manifest needs the bot's public URL (--url https://…), or use Socket Mode");
  }
  const requestUrl = options.url ? `${options.url.replace(/\/+$/, "")}/slack/events` : undefined;
  const withUrl = !options.socketMode && requestUrl ? { url: requestUrl } : {};
  const slashCommands = list.map((def) => ({
    command: `/${def.name}`,
    description: def.description.slice(0, MAX.commandDescription),
    usage_hint: usageHint(def),
    should_escape: false,
    ...withUrl,
  }));
  const umbrellaExample = list[0]?.name ?? "help";
  slashCommands.push({
    command: `/${options.umbrella}`,
    description: `Every ceasefire-bot command under one name, like /${options.umbrella} ${umbrellaExample}`,
    usage_hint: `${list.map((c) => c.name).join("|")} [name:value …]`.slice(0, MAX.usageHint),
    should_escape: false,
    ...withUrl,
  });
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "Ceasefire Bot",
      description: "Sourced answers about a ceasefire: phases, captives, deadlines, figures.".slice(
        0,
        MAX.appDescription,
      ),
      long_description:
        "Answers questions about a ceasefire agreement from a curated, sourced dataset: where each phase stands, how many captives remain, the timeline, the deadlines and the figures, each with its source, attribution and the date the data is as of. Add private:true to any command to see the reply only yourself.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "ceasefire-bot", always_online: false },
      slash_commands: slashCommands,
      app_home: { home_tab_enabled: true, messages_tab_enabled: false },
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: {
        is_enabled: true,
        ...(!options.socketMode && requestUrl ? { request_url: requestUrl } : {}),
      },
      event_subscriptions: {
        bot_events: [...BOT_EVENTS],
        ...(requestUrl && !options.socketMode ? { request_url: requestUrl } : {}),
      },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
