import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { commandDescription } from "../../../src/command-engine/describe.js";
import { ENGLISH } from "../../../src/language/words.js";
import { BOT_SCOPES, buildManifest, usageHint } from "../../../src/platforms/slack/manifest.js";

type Command = {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
  url?: string;
};

function slashCommands(manifest: ReturnType<typeof buildManifest>): Command[] {
  return (manifest.features?.slash_commands ?? []) as Command[];
}

describe("slack manifest", () => {
  it("describes the commands in English, the one language a manifest has (Slack cannot localize them)", () => {
    const listed = slashCommands(buildManifest({ umbrella: "ceasefire", socketMode: true, commands }));
    for (const def of commands) {
      expect(listed.find((c) => c.command === `/${def.name}`)?.description).toBe(
        commandDescription(def, ENGLISH),
      );
    }
    expect(JSON.stringify(listed)).not.toMatch(/[\u0590-\u05ff\u0600-\u06ff]/);
  });

  it("lists every command and the umbrella, described from the same definitions the bot serves", () => {
    const manifest = buildManifest({
      url: "https://bot.example.org",
      umbrella: "ceasefire",
      socketMode: false,
      commands,
    });
    const listed = slashCommands(manifest);
    expect(listed.map((c) => c.command)).toEqual([...commands.map((c) => `/${c.name}`), "/ceasefire"]);
    for (const def of commands) {
      const entry = listed.find((c) => c.command === `/${def.name}`);
      expect(entry?.description).toBe(def.description);
      expect(entry?.usage_hint).toBe(usageHint(def));
    }
    for (const c of listed) {
      expect(c.should_escape).toBe(false);
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
    }
    expect(listed.at(-1)?.usage_hint).toContain("timeline");
  });

  it("writes usage hints from the options, private:true included", () => {
    const timeline = commands.find((c) => c.name === "timeline");
    if (!timeline) throw new Error("no /timeline");
    expect(usageHint(timeline)).toBe(
      "[from:YYYY-MM-DD] [to:YYYY-MM-DD] [tag:…] [page:N] [story:…] [private:true]",
    );
    const deadlines = commands.find((c) => c.name === "deadlines");
    expect(deadlines && usageHint(deadlines)).toContain("[show:upcoming|past|all]");
  });

  it("points commands and interactivity at /slack/events in HTTP mode", () => {
    const manifest = buildManifest({
      url: "https://bot.example.org/",
      umbrella: "ceasefire",
      socketMode: false,
      commands,
    });
    for (const c of slashCommands(manifest)) expect(c.url).toBe("https://bot.example.org/slack/events");
    expect(manifest.settings?.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://bot.example.org/slack/events",
    });
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
  });

  it("needs no URL in Socket Mode", () => {
    const manifest = buildManifest({ umbrella: "cf", socketMode: true, commands });
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.settings?.interactivity).toEqual({ is_enabled: true });
    for (const c of slashCommands(manifest)) expect(c.url).toBeUndefined();
    expect(slashCommands(manifest).at(-1)?.command).toBe("/cf");
  });

  it("refuses an HTTP-mode manifest without a URL", () => {
    expect(() => buildManifest({ umbrella: "ceasefire", socketMode: false, commands })).toThrow(/--url/);
  });

  it("asks for the least scopes: commands; chat:write for reminders; users:read for the admin check and a person's locale; channels' and groups' read for a channel's locale; history to find a reminder after a crash; files:write for pictures", () => {
    const manifest = buildManifest({ umbrella: "ceasefire", socketMode: true, commands });
    const expected = [
      "commands",
      "chat:write",
      "users:read",
      "channels:read",
      "groups:read",
      "channels:history",
      "groups:history",
      "files:write",
    ];
    expect(manifest.oauth_config?.scopes?.bot).toEqual(expected);
    expect(BOT_SCOPES).toEqual(expected);
    expect(manifest.features?.bot_user?.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description?.length ?? 0).toBeLessThanOrEqual(140);
  });

  it("enables the Home tab and subscribes to app_home_opened, at /slack/events in HTTP mode", () => {
    const http = buildManifest({
      url: "https://bot.example.org",
      umbrella: "ceasefire",
      socketMode: false,
      commands,
    });
    expect(http.features?.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: false });
    expect(http.settings?.event_subscriptions).toEqual({
      bot_events: ["app_home_opened"],
      request_url: "https://bot.example.org/slack/events",
    });
    const socket = buildManifest({ umbrella: "ceasefire", socketMode: true, commands });
    expect(socket.features?.app_home?.home_tab_enabled).toBe(true);
    expect(socket.settings?.event_subscriptions).toEqual({ bot_events: ["app_home_opened"] });
  });
});
