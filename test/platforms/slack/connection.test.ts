/**
 * The Bolt App and its connection to Slack: HTTP mode on a receiver that verifies signatures, behind
 * the guard, serving the health routes too; or Socket Mode, connecting out with the app-level token
 * and opening no port. Nothing listens or connects before the App starts.
 */
import { EventEmitter } from "node:events";
import { LogLevel, SocketModeReceiver } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { connectSlack, EVENTS_PATH, socketDisconnected } from "../../../src/platforms/slack/connection.js";
import { boltLogger } from "../../../src/platforms/slack/logger.js";
import { captureLog, freePort, postSigned, StandInSlack } from "../../support/index.js";

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

function connect(extra: Partial<Parameters<typeof connectSlack>[0]> = {}) {
  const { log } = captureLog();
  return connectSlack({
    botToken: "xoxb-standin-token",
    signingSecret: "secret",
    appToken: undefined,
    apiUrl: undefined,
    port: 0,
    routes: undefined,
    logger: boltLogger(log, []),
    logLevel: LogLevel.ERROR,
    log,
    accepting: () => true,
    ...extra,
  });
}

describe("connecting to Slack", () => {
  it("takes Socket Mode when an app token is given, holding its receiver", () => {
    const c = connect({ appToken: "xapp-1-A0-1-abc", signingSecret: undefined });
    expect(c.mode).toBe("socket");
    expect(c.socket).toBeInstanceOf(SocketModeReceiver);
  });

  it("takes HTTP mode with a signing secret, and refuses HTTP mode without one", () => {
    expect(connect()).toMatchObject({ mode: "http", socket: undefined });
    expect(() => connect({ signingSecret: undefined })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it("serves the events path behind the guard, and the extra GET routes, on its port in HTTP mode", async () => {
    const slack = await StandInSlack.start();
    stops.push(() => slack.stop());
    const port = await freePort();
    const c = connect({
      apiUrl: slack.apiUrl,
      port,
      routes: { "/healthz": (_req, res) => res.end("ok") },
    });
    await c.app.init();
    await c.app.start({ port, host: "127.0.0.1" });
    stops.push(() => c.app.stop());
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe("ok");
    const signedNull = await postSigned(`http://127.0.0.1:${port}${EVENTS_PATH}`, {
      body: "null",
      secret: "secret",
      contentType: "application/json",
    });
    expect(signedNull.status).toBe(400);
  });
});

describe("waiting for Socket Mode to disconnect", () => {
  it("resolves when the client says it disconnected", async () => {
    const client = new EventEmitter();
    const done = socketDisconnected(client as unknown as SocketModeReceiver["client"], 10_000);
    client.emit("disconnected");
    await expect(done).resolves.toBeUndefined();
    expect(client.listenerCount("disconnected")).toBe(0);
  });

  it("resolves after the time limit when Slack never answers the close", async () => {
    const client = new EventEmitter();
    await expect(
      socketDisconnected(client as unknown as SocketModeReceiver["client"], 20),
    ).resolves.toBeUndefined();
    expect(client.listenerCount("disconnected")).toBe(0);
  });
});
