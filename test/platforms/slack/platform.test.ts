/**
 * Slack as one entry of the platform list: enabled by its bot token, HTTP mode on PORT unless Socket
 * Mode's app token is set, its tokens secret, a Reply rendered as Block Kit.
 */
import { describe, expect, it } from "vitest";
import { renderSlack } from "../../../src/platforms/slack/blocks.js";
import { slack } from "../../../src/platforms/slack/platform.js";

const configure = (env: Record<string, string>) => {
  const section = slack.configure(env);
  if (!("configured" in section)) throw new Error(section.problems.join("; "));
  return section.configured;
};

describe("the Slack platform", () => {
  it("is named slack, renders as `slack`, and reads Slack's variables", () => {
    expect(slack).toMatchObject({ name: "slack", title: "Slack", renderTarget: "slack" });
    expect(slack.variables).toEqual(expect.arrayContaining(["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "PORT"]));
  });

  it("runs when its bot token is set, and not otherwise", () => {
    expect(configure({}).enabled).toBe(false);
    expect(configure({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).enabled).toBe(true);
  });

  it("serves HTTP mode on PORT, and opens no port in Socket Mode", () => {
    expect(configure({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PORT: "3100" }).httpPort).toBe(
      3100,
    );
    expect(configure({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).httpPort).toBeUndefined();
  });

  it("reports a bot token without a signing secret or an app token", () => {
    expect(slack.configure({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual({
      problems: [expect.stringMatching(/^SLACK_SIGNING_SECRET: /)],
    });
  });

  it("keeps its tokens out of what it shows and gives them to the logger", () => {
    const c = configure({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(c.redacted).toMatchObject({ SLACK_BOT_TOKEN: "[redacted]", SLACK_APP_TOKEN: "[redacted]" });
    expect(c.secretValues).toEqual(["xoxb-1", "xapp-1"]);
  });

  it("renders a reply as Block Kit", () => {
    const reply = { kind: "answer" as const, title: "Phase", ephemeral: false };
    expect(slack.render(reply)).toEqual(renderSlack(reply));
  });
});
