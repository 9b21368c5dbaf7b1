/**
 * The bot in Socket Mode, end to end: the real dataset, commands and core at a fixed clock, the real
 * Bolt App and @slack/socket-mode client, against the Web API stand-in and the Socket Mode stand-in on
 * 127.0.0.1 (apps.connections.open, hello, envelopes and acks, pings, disconnect), every log line
 * captured. The tests run in order: the last ones reconnect and stop the bot.
 */
import type { SocketModeReceiver } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../../commands/index.js";
import type { BotCore } from "../../../src/bot/core.js";
import { createPrometheusMetrics } from "../../../src/monitoring/prometheus.js";
import { createSlackAdapter, type SlackAdapter } from "../../../src/platforms/slack/adapter.js";
import type { SqliteStore } from "../../../src/store/sqlite.js";
import { BOT_TOKEN, blockText, buttonIds } from "../../support/harness/slack.js";
import { captureLog, StandInSlack, StandInSlackSocket, shippedCoreWithStore } from "../../support/index.js";

/** An app-level token, shaped like Slack's. */
const APP_TOKEN =
  "xapp-1-A0APP-8431927650342-3f9c2e7d41b0a5e6c8d29f17b3a4e5c6d7f8091a2b3c4d5e6f708192a3b4c5d6";

type SocketModeClient = SocketModeReceiver["client"];

let web: StandInSlack;
let socket: StandInSlackSocket;
let adapter: SlackAdapter;
let client: SocketModeClient;
let core: BotCore;
let closeData: () => void = () => {};
let store: SqliteStore | undefined;
const logs = captureLog();
const metrics = createPrometheusMetrics({ commands: registry.list.map((c) => c.name) });
/** The Socket Mode reconnects /metrics has counted. */
async function reconnects(): Promise<number | undefined> {
  const counter = await metrics.registry.getSingleMetric("ceasefire_gateway_reconnects_total")?.get();
  return counter?.values.find((v) => v.labels.platform === "slack")?.value;
}
/** The client's lifecycle events (connecting, connected, reconnecting, disconnected, …), in order. */
const lifecycle: string[] = [];
let lifecycleWaiters: { state: string; count: number; resolve: () => void }[] = [];
function onLifecycle(state: string): void {
  lifecycle.push(state);
  lifecycleWaiters = lifecycleWaiters.filter((w) => {
    if (lifecycle.filter((s) => s === w.state).length < w.count) return true;
    w.resolve();
    return false;
  });
}
/** Resolves once the client has emitted `state` `count` times in all. */
function lifecycleReaches(state: string, count: number): Promise<void> {
  if (lifecycle.filter((s) => s === state).length >= count) return Promise.resolve();
  return new Promise((resolve) => lifecycleWaiters.push({ state, count, resolve }));
}

beforeAll(async () => {
  const { log } = logs;
  const shipped = await shippedCoreWithStore({ log });
  store = shipped.store;
  core = shipped.core;
  closeData = () => shipped.data.close();
  web = await StandInSlack.start(BOT_TOKEN);
  // The reconnect after a `disconnect` waits 5 s in the client: leave room for it.
  socket = await StandInSlackSocket.start(web, APP_TOKEN, { timeoutMs: 10_000 });
  adapter = createSlackAdapter({
    core,
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    apiUrl: web.apiUrl,
    port: 0,
    umbrella: "ceasefire",
    log,
    metrics,
  });
  const receiver = adapter.socket;
  if (!receiver) throw new Error("the adapter made no Socket Mode receiver");
  client = receiver.client;
  for (const state of [
    "connecting",
    "authenticated",
    "connected",
    "reconnecting",
    "disconnecting",
    "disconnected",
  ])
    client.on(state, () => onLifecycle(state));
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await socket?.stop();
  await web?.stop();
  await store?.close();
  closeData();
});

/** A fresh response_url on the Web API stand-in. */
let responses = 0;
function responseUrl(): string {
  responses += 1;
  return `${web.url}/respond/socket-${responses}`;
}

describe("slack adapter in Socket Mode: connecting", () => {
  it("verifies the bot token, then opens a connection with the app token on the configured Web API", async () => {
    expect(adapter.mode).toBe("socket");
    expect(adapter.port()).toBeUndefined();
    const auth = web.calls("auth.test");
    expect(auth).toHaveLength(1);
    expect(auth[0]?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const opens = web.calls("apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]?.method).toBe("POST");
    expect(opens[0]?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(opens[0]?.fields.token).toBeUndefined();
    expect(web.requests.indexOf(auth[0]!)).toBeLessThan(web.requests.indexOf(opens[0]!));
    const connection = await socket.waitForConnection(1);
    expect(connection.ticket).toMatch(/^ticket-1-/);
    expect(socket.refused).toEqual([]);
    expect(lifecycle).toEqual(["authenticated", "connecting", "connected"]);
    expect(adapter.connected()).toBe(true); // ready, for /readyz
  });
});

describe("slack adapter in Socket Mode: slash commands", () => {
  it("acks /captives with the Block Kit reply: 63 captives remain according to The Media Line, with its source", async () => {
    const before = web.requests.length;
    const ack = await socket.slashCommand("/captives", "", responseUrl());
    const reply = ack.payload;
    expect(reply?.response_type).toBe("in_channel");
    const text = blockText(reply);
    expect(text).toContain("63 captives");
    expect(text).toContain("according to The Media Line");
    const blocks = reply?.blocks as { type: string; elements?: { text: string }[] }[];
    expect(blocks[0]?.type).toBe("header");
    const footer = blocks.at(-1);
    expect(footer?.type).toBe("context");
    const footerText = footer?.elements?.map((e) => e.text).join("\n") ?? "";
    expect(footerText).toContain("The Media Line");
    expect(footerText).toContain("Data as of 28 Feb 2025");
    expect(typeof reply?.text).toBe("string");
    // The reply travels in the ack alone, nothing on the response_url: the one Web API call is the
    // reader's locale (users.info, at most once an hour per person), for the reply's language.
    expect(web.requests.slice(before).map((r) => r.path)).toEqual(["/api/users.info"]);
  });

  it("passes the umbrella's options on: /ceasefire timeline page:2 is the direct command's page 2", async () => {
    const umbrella = await socket.slashCommand("/ceasefire", "timeline page:2", responseUrl());
    expect(blockText(umbrella.payload)).toContain("page 2 of");
    const direct = await socket.slashCommand("/timeline", "page:2", responseUrl());
    expect(umbrella.payload).toEqual(direct.payload);
  });

  it("answers a bad option only to the asker, naming the option", async () => {
    const ack = await socket.slashCommand("/timeline", "page:zero", responseUrl());
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(blockText(ack.payload)).toContain("`page`");
    expect(blockText(ack.payload)).toContain("Invalid option");
  });

  it("answers the envelopes it is sent concurrently, each in its own ack", async () => {
    const [captives, phase] = await Promise.all([
      socket.slashCommand("/captives", "private:true", responseUrl()),
      socket.slashCommand("/ceasefire", "phase", responseUrl()),
    ]);
    expect(captives.payload?.response_type).toBe("ephemeral");
    expect(blockText(captives.payload)).toContain("63 captives");
    expect(blockText(phase.payload)).not.toContain("63 captives");
    expect(phase.payload?.blocks).not.toEqual(captives.payload?.blocks);
  });
});

describe("slack adapter in Socket Mode: timeline buttons", () => {
  it("acks a Next click at once and replaces the message with page 2 through the response_url", async () => {
    const url = responseUrl();
    const path = new URL(url).pathname;
    const ack = await socket.click("cf1:timeline:page=2", url);
    // A bare ack: Slack needs nothing back for a block action.
    expect(ack.payload ?? {}).toEqual({});
    const posted = await web.waitFor((r) => r.path === path);
    expect(posted.method).toBe("POST");
    expect(posted.fields.replace_original).toBe(true);
    expect(posted.fields.response_type).toBeUndefined();
    expect(blockText(posted.fields)).toContain("page 2 of 3");
    expect(buttonIds(posted.fields)).toEqual([
      "cf1:timeline:page=1",
      "cf1:timeline:page=3",
      "cf1:sources:of=timeline&with=page%3D2",
    ]);
  });
});

describe("slack adapter in Socket Mode: the connection", () => {
  it("answers Slack's pings, and keeps its connection while the stand-in answers its own", async () => {
    await socket.ping();
    expect(socket.current?.pongs).toBeGreaterThanOrEqual(1);
    // The client pings every ~1.7 s and reconnects after 4 pings without a pong.
    await socket.waitForPings(2);
    expect(socket.connections).toHaveLength(1);
    expect(lifecycle).not.toContain("reconnecting");
  });

  it("reconnects with a new URL when Slack asks it to refresh, and keeps answering", async () => {
    const first = socket.current!;
    socket.disconnect("refresh_requested");
    // The client closes the old connection normally, waits, then asks for a new URL.
    expect(await first.done).toMatchObject({ code: 1000, by: "app" });
    expect(adapter.connected()).toBe(false); // not ready while it reconnects
    const second = await socket.waitForConnection(2);
    await lifecycleReaches("connected", 2);
    expect(adapter.connected()).toBe(true);
    expect(await reconnects()).toBe(1);
    expect(lifecycle.slice(3)).toEqual(["reconnecting", "authenticated", "connecting", "connected"]);
    expect(second.ticket).toMatch(/^ticket-2-/);
    const opens = web.calls("apps.connections.open");
    expect(opens).toHaveLength(2);
    expect(opens[1]?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(socket.connections).toHaveLength(2);
    expect(socket.refused).toEqual([]);
    const ack = await socket.slashCommand("/captives", "", responseUrl());
    expect(blockText(ack.payload)).toContain("according to The Media Line");
    expect(second.received.some((m) => typeof m.envelope_id === "string")).toBe(true);
  }, 15_000);

  it("closes the socket normally on stop(), before stop() resolves, and does not reconnect", async () => {
    const connection = socket.current!;
    const opens = web.calls("apps.connections.open").length;
    const before = lifecycle.length;
    const logsBefore = logs.text().length;
    await adapter.stop();
    // Once stop() has resolved the client has closed its connection and will answer nothing more.
    expect(lifecycle.slice(before)).toEqual(["disconnecting", "disconnected"]);
    expect(adapter.connected()).toBe(false);
    expect(await connection.done).toMatchObject({ code: 1000, by: "app" });
    // Give a reconnect every chance to be scheduled (the client would log it at once).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lifecycle.slice(before)).toEqual(["disconnecting", "disconnected"]);
    expect(web.calls("apps.connections.open")).toHaveLength(opens);
    expect(socket.connections).toHaveLength(2);
    expect(socket.refused).toEqual([]);
    expect(logs.text().slice(logsBefore)).not.toMatch(/reconnect/i);
    // Stopping twice is harmless.
    await adapter.stop();
  });
});

describe("slack adapter in Socket Mode: logs", () => {
  it("logs no error, and never the bot token or the app token, even at debug level", () => {
    const text = logs.text();
    expect(text).toContain("apps.connections.open");
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(APP_TOKEN);
    expect(text).not.toContain(APP_TOKEN.split("-").at(-1)!);
    expect(text).not.toMatch(/xox[abp]-|xapp-/);
    const errors = logs.lines().filter((l) => (l.level as number) >= 50);
    expect(errors).toEqual([]);
  });
});

describe("slack adapter in Socket Mode: a refused app token", () => {
  it("fails to start when Slack refuses the app token (a bot token given as one), and logs no token", async () => {
    const { log, text: logged } = captureLog();
    const otherWeb = await StandInSlack.start(BOT_TOKEN);
    const otherSocket = await StandInSlackSocket.start(otherWeb, APP_TOKEN);
    const misconfigured = createSlackAdapter({
      core,
      botToken: BOT_TOKEN,
      appToken: BOT_TOKEN,
      apiUrl: otherWeb.apiUrl,
      port: 0,
      umbrella: "ceasefire",
      log,
    });
    try {
      await expect(misconfigured.start()).rejects.toThrow(/invalid_auth/);
      // invalid_auth is final: the client neither retries nor connects.
      expect(otherWeb.calls("apps.connections.open")).toHaveLength(1);
      expect(otherSocket.connections).toEqual([]);
    } finally {
      await misconfigured.stop();
      await otherSocket.stop();
      await otherWeb.stop();
    }
    const text = logged();
    expect(text).toContain("invalid_auth");
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toMatch(/xox[abp]-|xapp-/);
  });
});
