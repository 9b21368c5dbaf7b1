/**
 * The Metrics the bot serves on /metrics, in Prometheus's text format, from a registry of its own:
 * every series of a fixed set of labels starting at zero, a command not in the registry counted as
 * "other". How alerts end, as /metrics counts them: sent, sent late, skipped after downtime, failed (the
 * channel is gone) and de-duplicated (the ledger already had it), and the fan-out queue drained.
 */
import { join } from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Deliverer, type DeliveryItem } from "../../src/delivery/deliver.js";
import {
  createPrometheusMetrics,
  OTHER_COMMAND,
  type PrometheusMetrics,
} from "../../src/monitoring/prometheus.js";
import type { Reply } from "../../src/reply/reply.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { ManualClock } from "../../src/time/clock.js";
import { makeScheduler, RecordingSender, shippedData, silentLog, tempDir } from "../support/index.js";

let store: SqliteStore;
let clock: ManualClock;
let sender: RecordingSender;
let metrics: PrometheusMetrics;

beforeEach(() => {
  store = SqliteStore.open(join(tempDir(), "bot.sqlite"));
  clock = new ManualClock("2025-02-28T07:00:00Z");
  sender = new RecordingSender();
  metrics = createPrometheusMetrics({ commands: [] });
});
afterEach(async () => {
  await store.close();
});

/** The alerts counter and the queue gauge, read from the text /metrics serves. */
async function scraped(): Promise<{ alerts: Record<string, number>; queue: number }> {
  const families = parsePrometheusTextFormat(await metrics.registry.metrics());
  const alerts = Object.fromEntries(
    (families.find((f) => f.name === "ceasefire_alerts_total")?.metrics ?? []).map((m) => [
      m.labels?.outcome ?? "",
      Number(m.value),
    ]),
  );
  const queue = Number(families.find((f) => f.name === "ceasefire_fanout_queue_depth")?.metrics[0]?.value);
  return { alerts, queue };
}

const reminder = (key: string, dueAt: string): DeliveryItem => ({
  key,
  kind: "reminder",
  dueAt: new Date(dueAt),
  summary: "Phase one ends tomorrow.",
  reply: (late): Reply => ({
    kind: "answer",
    title: late ? "Reminder (late)" : "Reminder",
    ephemeral: false,
  }),
});

const channel = (channelId: string) => ({ platform: "discord" as const, channelId });

describe("the alerts metric", () => {
  it("counts sent, sent late, failed (gone) and de-duplicated deliveries, and leaves the queue empty", async () => {
    const deliverer = new Deliverer({
      store,
      senders: { discord: sender },
      clock,
      log: silentLog(),
      metrics,
    });
    sender.gone.add("300");
    const channels = [channel("100"), channel("200"), channel("300")];
    await deliverer.fanOut(reminder("s:d:1d", "2025-02-28T07:00:00Z"), channels);
    await deliverer.fanOut(reminder("s:d:2h", "2025-02-28T06:00:00Z"), [channel("100")]); // an hour late
    await deliverer.fanOut(reminder("s:d:1d", "2025-02-28T07:00:00Z"), [channel("100"), channel("200")]);
    expect(await scraped()).toEqual({
      alerts: { sent: 2, sent_late: 1, skipped: 0, failed: 1, deduplicated: 2 },
      queue: 0,
    });
  });

  it("counts the alerts skipped after downtime longer than the grace period", async () => {
    await store.subscribe(
      { ...channel("100"), story: "gaza-2025", workspaceId: "g1", kind: "reminders" },
      new Date("2025-02-27T10:00:00Z"),
    );
    const data = { dataset: shippedData() };
    clock.set("2025-02-28T06:00:00Z");
    await makeScheduler({ store, data, clock, sender, metrics }).tick();
    clock.set("2025-02-28T20:00:00Z"); // down from 06:00 to 20:00: the 07:00 reminders are 13 h late
    await makeScheduler({ store, data, clock, sender, metrics }).tick();
    const skipped = (await store.recentDeliveries(channel("100"), 10)).filter((d) => d.state === "skipped");
    expect(skipped.length).toBeGreaterThan(0);
    expect((await scraped()).alerts).toMatchObject({ skipped: skipped.length, sent: 0 });
  });
});

/** One series' value from the text /metrics serves. */
async function seriesValue(m: PrometheusMetrics, name: string, labels: Record<string, string> = {}) {
  const family = parsePrometheusTextFormat(await m.registry.metrics()).find((f) => f.name === name);
  const series = family?.metrics.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
  return series && "value" in series ? Number(series.value) : series;
}

describe("the metrics served", () => {
  it("start every alert outcome and every platform's counters at zero", async () => {
    const m = createPrometheusMetrics({ commands: ["captives"], platforms: ["discord", "slack"] });
    expect(await seriesValue(m, "ceasefire_alerts_total", { outcome: "deduplicated" })).toBe(0);
    expect(await seriesValue(m, "ceasefire_answers_deferred_total", { platform: "slack" })).toBe(0);
    expect(await seriesValue(m, "ceasefire_gateway_reconnects_total", { platform: "discord" })).toBe(0);
    expect(await seriesValue(m, "ceasefire_rate_limit_waits_total", { platform: "discord" })).toBe(0);
  });

  it("count a command by name, platform and outcome, and one the bot lacks as other", async () => {
    const m = createPrometheusMetrics({ commands: ["captives"] });
    m.commandStarted("captives", "discord")("ok");
    m.commandStarted("no-such-command", "slack")("error");
    expect(
      await seriesValue(m, "ceasefire_commands_total", {
        command: "captives",
        platform: "discord",
        outcome: "ok",
      }),
    ).toBe(1);
    expect(
      await seriesValue(m, "ceasefire_commands_total", {
        command: OTHER_COMMAND,
        platform: "slack",
        outcome: "error",
      }),
    ).toBe(1);
    expect(await m.registry.metrics()).not.toContain("no-such-command");
  });

  it("count deferred answers, reconnections, rate-limit waits and the fan-out queue", async () => {
    const m = createPrometheusMetrics({ commands: [] });
    m.answerDeferred("discord");
    m.reconnecting("slack");
    m.rateLimited("discord");
    m.rateLimited("discord");
    m.fanOutQueued(5);
    m.fanOutQueued(-2);
    expect(await seriesValue(m, "ceasefire_answers_deferred_total", { platform: "discord" })).toBe(1);
    expect(await seriesValue(m, "ceasefire_gateway_reconnects_total", { platform: "slack" })).toBe(1);
    expect(await seriesValue(m, "ceasefire_rate_limit_waits_total", { platform: "discord" })).toBe(2);
    expect(await seriesValue(m, "ceasefire_fanout_queue_depth")).toBe(3);
  });

  it("time store operations by operation", async () => {
    const m = createPrometheusMetrics({ commands: [] });
    m.storeStarted("claim")();
    expect(await m.registry.metrics()).toMatch(
      /ceasefire_store_duration_seconds_count\{operation="claim"\} 1/,
    );
  });

  it("keep a registry of their own, with the process metrics, never prom-client's global one", async () => {
    const a = createPrometheusMetrics({ commands: [] });
    const b = createPrometheusMetrics({ commands: [] });
    a.rateLimited("discord");
    expect(await seriesValue(b, "ceasefire_rate_limit_waits_total", { platform: "discord" })).toBeUndefined();
    expect(await a.registry.metrics()).toContain("process_cpu_user_seconds_total");
  });
});
