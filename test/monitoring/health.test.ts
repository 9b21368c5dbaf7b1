/**
 * The operators' routes on the real Discord bot (discord.js against the stand-in Discord): /healthz
 * says the process is alive, /readyz says whether it can serve (the gateway connected, the store
 * answering, not stopping) and why not, /metrics is Prometheus's text format with the bot's counters.
 */
import parsePrometheusTextFormat, { type ParsedFamily } from "parse-prometheus-text-format";
import { afterEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../src/bot/core.js";
import type { Invocation } from "../../src/command-engine/definition.js";
import {
  checkReadiness,
  type HealthServer,
  healthRoutes,
  type ReadinessSources,
  startHealthServer,
} from "../../src/monitoring/health.js";
import { createPrometheusMetrics, type PrometheusMetrics } from "../../src/monitoring/prometheus.js";
import { type DiscordHarness, startDiscordHarness } from "../support/harness/discord.js";
import { embedText, silentLog } from "../support/index.js";

const COMMANDS = ["captives", "phase", "timeline", "subscribe", "subscriptions", "help"];

interface Served {
  h: DiscordHarness;
  metrics: PrometheusMetrics;
  server: HealthServer;
  /** The bot has begun to stop. */
  stop(): void;
  get(path: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: string }>;
}

let served: Served | undefined;
afterEach(async () => {
  await served?.server.close();
  await served?.h.close();
  served = undefined;
});

/** The Discord bot with its health routes, composed as `ceasefire-bot start` composes them. */
async function serve(
  options: { store?: ReadinessSources["store"]; wrapCore?: Parameters<typeof startDiscordHarness>[0] } = {},
): Promise<Served> {
  const metrics = createPrometheusMetrics({ commands: COMMANDS });
  const h = await startDiscordHarness({ ...options.wrapCore, metrics });
  let stopping = false;
  const routes = healthRoutes({
    readiness: () =>
      checkReadiness({
        platforms: () => ({ discord: h.adapter.connected() }),
        store: options.store ?? h.store,
        stopping: () => stopping,
        storeTimeoutMs: 200,
      }),
    metrics: metrics.registry,
    log: silentLog(),
  });
  const server = await startHealthServer({ port: 0, host: "127.0.0.1", routes });
  served = {
    h,
    metrics,
    server,
    stop: () => {
      stopping = true;
    },
    async get(path, init) {
      const res = await fetch(`http://127.0.0.1:${server.port()}${path}`, init);
      return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
    },
  };
  return served;
}

async function readyz(s: Served): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await s.get("/readyz");
  return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
}

describe("/healthz", () => {
  it("answers 200 while the process is alive, even while a platform is down", async () => {
    const s = await serve();
    expect((await s.get("/healthz")).status).toBe(200);
    s.h.discord.holdGateway();
    s.h.discord.forceDisconnect();
    await expect.poll(() => s.h.adapter.connected()).toBe(false);
    expect(await s.get("/healthz")).toMatchObject({ status: 200, body: '{"status":"alive"}\n' });
    s.h.discord.releaseGateway();
  });

  it("serves GET and HEAD only, and nothing else on its port", async () => {
    const s = await serve();
    expect((await s.get("/healthz", { method: "POST" })).status).toBe(405);
    expect(await s.get("/healthz", { method: "HEAD" })).toMatchObject({ status: 200, body: "" });
    expect((await s.get("/slack/events")).status).toBe(404);
  });
});

describe("/readyz", () => {
  it("is 200 while the gateway is connected and the store answers", async () => {
    const s = await serve();
    expect(await readyz(s)).toEqual({
      status: 200,
      json: { status: "ready", checks: { discord: "connected", store: "ok" } },
    });
  });

  it("flips to 503 naming Discord while the gateway is down, and back to 200 once the session resumed", async () => {
    const s = await serve();
    s.h.discord.holdGateway();
    s.h.discord.forceDisconnect();
    await expect.poll(async () => (await readyz(s)).status).toBe(503);
    expect((await readyz(s)).json).toMatchObject({
      status: "not ready",
      reasons: ["discord: not connected"],
      checks: { discord: "not connected", store: "ok" },
    });

    s.h.discord.releaseGateway();
    await s.h.discord.waitForSessions(2);
    await expect.poll(async () => (await readyz(s)).status).toBe(200);
    expect(s.h.discord.resumes).toHaveLength(1);
    // The harness's clock is DURING (28 February, 12:00 in Jerusalem): The Media Line's count of 22 February.
    expect(embedText(await s.h.discord.command("captives"))).toContain("63 captives");
    const reconnects = await s.metrics.registry.getSingleMetric("ceasefire_gateway_reconnects_total")?.get();
    expect(reconnects?.values.find((v) => v.labels.platform === "discord")?.value).toBe(1);
  });

  it("is 503 naming the store when it fails or does not answer in time", async () => {
    const failing = await serve({ store: { ping: () => Promise.reject(new Error("connection refused")) } });
    expect(await readyz(failing)).toEqual({
      status: 503,
      json: {
        status: "not ready",
        reasons: ["store: connection refused"],
        checks: { discord: "connected", store: "connection refused" },
      },
    });
    await failing.server.close();
    await failing.h.close();

    const hanging = await serve({ store: { ping: () => new Promise<void>(() => {}) } });
    expect((await readyz(hanging)).json.reasons).toEqual(["store: the store did not answer within 200 ms"]);
  });

  it("names what is wrong with a platform unreachable since the start, rather than 'not connected'", async () => {
    const readiness = await checkReadiness({
      platforms: () => ({ discord: false, slack: false }),
      outages: () => ({
        discord: "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_PROXY_URL)",
      }),
      store: { ping: async () => {} },
      stopping: () => false,
    });
    expect(readiness).toEqual({
      ready: false,
      checks: {
        discord: "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_PROXY_URL)",
        slack: "not connected",
        store: "ok",
      },
      reasons: [
        "discord: Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_PROXY_URL)",
        "slack: not connected",
      ],
    });
  });

  it("is 503 once the bot is stopping, so that traffic goes elsewhere", async () => {
    const s = await serve();
    s.stop();
    expect(await readyz(s)).toMatchObject({ status: 503, json: { reasons: ["process: stopping"] } });
  });
});

/** The series of a histogram's value (`…_bucket`, `…_sum`, `…_count`). */
function seriesName(value: object): string {
  return "metricName" in value ? String(value.metricName) : "";
}

/** A family by name from the parsed text. */
function family(families: ParsedFamily[], name: string): ParsedFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name} in /metrics`);
  return found;
}

function sample(f: ParsedFamily, labels: Record<string, string>): number | undefined {
  const found = f.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return found?.value === undefined ? undefined : Number(found.value);
}

describe("/metrics", () => {
  it("counts the commands answered by command, platform and outcome, deferred answers and rate-limit waits", async () => {
    const slowSubscriptions = (core: BotCore) => ({
      suggest: core.suggest,
      answerQuestion: (name: string, raw: Record<string, unknown>) => core.answerQuestion(name, raw),
      answerInChannel: async (name: string, raw: Record<string, unknown>, invocation: Invocation) => {
        if (name === "subscriptions") await new Promise((resolve) => setTimeout(resolve, 150));
        return core.answerInChannel(name, raw, invocation);
      },
    });
    const s = await serve({ wrapCore: { wrapCore: slowSubscriptions, deferAfterMs: 50 } });
    await s.h.discord.command("captives");
    await s.h.discord.command("captives");
    await s.h.discord.command("timeline", [{ name: "from", type: 3, value: "yesterday" }]);
    s.h.discord.rateLimitOnce("POST", /\/callback$/, 0.2);
    await s.h.discord.command("phase");
    await s.h.discord.command("subscriptions"); // deferred, then edited in
    await s.h.discord.waitForRequest((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"));

    const res = await s.get("/metrics");
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/plain");
    const families = parsePrometheusTextFormat(res.body);
    const commands = family(families, "ceasefire_commands_total");
    expect(commands.type).toBe("COUNTER");
    expect(sample(commands, { command: "captives", platform: "discord", outcome: "ok" })).toBe(2);
    expect(sample(commands, { command: "timeline", platform: "discord", outcome: "error" })).toBe(1);
    expect(sample(commands, { command: "phase", platform: "discord", outcome: "ok" })).toBe(1);
    expect(sample(commands, { command: "subscriptions", platform: "discord", outcome: "ok" })).toBe(1);
    expect(sample(family(families, "ceasefire_answers_deferred_total"), { platform: "discord" })).toBe(1);
    expect(sample(family(families, "ceasefire_rate_limit_waits_total"), { platform: "discord" })).toBe(1);
    expect(sample(family(families, "ceasefire_fanout_queue_depth"), {})).toBe(0);
    expect(family(families, "ceasefire_command_duration_seconds").type).toBe("HISTOGRAM");
    expect(family(families, "ceasefire_store_duration_seconds").type).toBe("HISTOGRAM");
    // The default process metrics.
    expect(family(families, "process_cpu_user_seconds_total").type).toBe("COUNTER");
    expect(family(families, "nodejs_eventloop_lag_seconds").type).toBe("GAUGE");

    // The text parser folds a labelled histogram's series together: their counts come from the registry.
    const counts = async (name: string) =>
      ((await s.metrics.registry.getSingleMetric(name)?.get())?.values ?? []).filter((v) =>
        seriesName(v).endsWith("_count"),
      );
    const latency = await counts("ceasefire_command_duration_seconds");
    const answered = (command: string) =>
      latency.find((v) => v.labels.command === command && v.labels.platform === "discord")?.value;
    expect(answered("captives")).toBe(2);
    expect(answered("subscriptions")).toBe(1);
    const storeCounts = await counts("ceasefire_store_duration_seconds");
    expect(storeCounts.map((v) => v.labels.operation)).toContain("channelSubscriptions");
  });

  it("never labels a series with a channel, user or workspace id, nor with a command the bot lacks", async () => {
    const s = await serve();
    await s.h.discord.command("captives");
    await s.h.discord.command("no-such-command");
    const text = (await s.get("/metrics")).body;
    const ours = parsePrometheusTextFormat(text).filter((f) => f.name.startsWith("ceasefire_"));
    const labelNames = new Set(ours.flatMap((f) => f.metrics.flatMap((m) => Object.keys(m.labels ?? {}))));
    expect([...labelNames].sort()).toEqual(["command", "outcome", "platform"]);
    // No snowflake in any label value (sample values, like a duration's sum, may have many digits).
    const labelValues = ours.flatMap((f) => f.metrics.flatMap((m) => Object.values(m.labels ?? {})));
    expect(labelValues.filter((v) => /\d{17,}/.test(String(v)))).toEqual([]);
    expect(sample(family(ours, "ceasefire_commands_total"), { command: "other", outcome: "error" })).toBe(1);
  });
});
