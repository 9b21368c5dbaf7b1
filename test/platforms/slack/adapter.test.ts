import { SocketModeReceiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../../src/platforms/slack/adapter.js";
import { captureLog, StandInSlack, shippedCore } from "../../support/index.js";

/** The core on the shipped data at a fixed clock. */
const core = async () => (await shippedCore()).core;

describe("slack adapter construction", () => {
  it("builds a Socket Mode app when an app token is given, without touching the network", async () => {
    const { log } = captureLog();
    const adapter = createSlackAdapter({
      core: await core(),
      botToken: "xoxb-1-2-socket",
      appToken: "xapp-1-A0-123-abc",
      port: 3000,
      umbrella: "ceasefire",
      log,
    });
    expect(adapter.mode).toBe("socket");
    expect(adapter.socket).toBeInstanceOf(SocketModeReceiver);
    expect(adapter.port()).toBeUndefined();
  });

  it("builds an HTTP app with a signing secret, and refuses HTTP mode without one", async () => {
    const { log } = captureLog();
    const c = await core();
    const http = createSlackAdapter({
      core: c,
      botToken: "xoxb-1",
      signingSecret: "s",
      port: 0,
      umbrella: "cf",
      log,
    });
    expect(http.mode).toBe("http");
    expect(() => createSlackAdapter({ core: c, botToken: "xoxb-1", port: 0, umbrella: "cf", log })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
  });

  it("sends Web API calls to the configured URL, adding the trailing slash", async () => {
    const { log } = captureLog();
    const standin = await StandInSlack.start("xoxb-good");
    const adapter = createSlackAdapter({
      core: await core(),
      botToken: "xoxb-good",
      signingSecret: "s",
      apiUrl: standin.apiUrl.replace(/\/$/, ""),
      port: 0,
      host: "127.0.0.1",
      umbrella: "cf",
      log,
    });
    try {
      await adapter.start();
      expect(standin.calls("auth.test")).toHaveLength(1);
      expect(adapter.port()).toBeGreaterThan(0);
    } finally {
      await adapter.stop();
      await standin.stop();
    }
  });

  it("fails to start with a token Slack refuses, and logs no token", async () => {
    const { log, text } = captureLog();
    const standin = await StandInSlack.start("xoxb-good");
    const adapter = createSlackAdapter({
      core: await core(),
      botToken: "xoxb-revoked-9999-secretvalue",
      signingSecret: "signing-secret-value",
      apiUrl: standin.apiUrl,
      port: 0,
      host: "127.0.0.1",
      umbrella: "cf",
      log,
    });
    try {
      await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
    } finally {
      await adapter.stop();
      await standin.stop();
    }
    expect(text()).not.toContain("secretvalue");
    expect(text()).not.toContain("signing-secret-value");
  });
});
