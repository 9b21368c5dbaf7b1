/**
 * The Metrics the running bot serves on /metrics, in Prometheus's text format, through prom-client:
 * a registry of its own (never prom-client's global one) with the default process metrics.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { ALERT_OUTCOMES, type Metrics } from "./metrics.js";

/** Seconds: from a cached answer (well under 5 ms) to Slack's and Discord's 3-second windows and beyond. */
const ANSWER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The label of a command that is not in the registry: one series for every stray name. */
export const OTHER_COMMAND = "other";

export interface PrometheusMetrics extends Metrics {
  readonly registry: Registry;
}

export function createPrometheusMetrics(options: {
  commands: readonly string[];
  /** The platforms' names, whose series start at zero (a bounded list: the platforms of this build). */
  platforms?: readonly string[];
}): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const known = new Set(options.commands);
  const commandLabel = (name: string) => (known.has(name) ? name : OTHER_COMMAND);

  const commands = new Counter({
    name: "ceasefire_commands_total",
    help: "Commands answered, by command, platform and outcome (ok, error, failed).",
    labelNames: ["command", "platform", "outcome"],
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: "ceasefire_command_duration_seconds",
    help: "Time to produce a command's answer, by command and platform.",
    labelNames: ["command", "platform"],
    buckets: ANSWER_BUCKETS,
    registers: [registry],
  });
  const deferred = new Counter({
    name: "ceasefire_answers_deferred_total",
    help: "Answers not ready within the platform's window, sent later (Discord: deferred; Slack: response_url).",
    labelNames: ["platform"],
    registers: [registry],
  });
  const alerts = new Counter({
    name: "ceasefire_alerts_total",
    help: "Alert deliveries to a channel, by outcome (sent, sent_late, skipped, failed, deduplicated).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const queue = new Gauge({
    name: "ceasefire_fanout_queue_depth",
    help: "Alert deliveries waiting in a fan-out.",
    registers: [registry],
  });
  const storeSeconds = new Histogram({
    name: "ceasefire_store_duration_seconds",
    help: "Store operations' latency, by operation.",
    labelNames: ["operation"],
    buckets: STORE_BUCKETS,
    registers: [registry],
  });
  const reconnects = new Counter({
    name: "ceasefire_gateway_reconnects_total",
    help: "Platform connections (Discord gateway, Slack Socket Mode) being re-established.",
    labelNames: ["platform"],
    registers: [registry],
  });
  const rateLimits = new Counter({
    name: "ceasefire_rate_limit_waits_total",
    help: "Times a platform client waited out a rate limit.",
    labelNames: ["platform"],
    registers: [registry],
  });
  const feedFetches = new Counter({
    name: "ceasefire_feed_fetches_total",
    help: "Fetches of a story's news feed, by story, feed and result (ok, not-modified, failed).",
    labelNames: ["story", "feed", "result"],
    registers: [registry],
  });
  const feedErrors = new Counter({
    name: "ceasefire_feed_errors_total",
    help: "Failed or refused fetches of a story's news feed, by story, feed and reason.",
    labelNames: ["story", "feed", "reason"],
    registers: [registry],
  });
  const newLeads = new Counter({
    name: "ceasefire_feed_new_leads_total",
    help: "New leads from a story's news feed, by story and feed.",
    labelNames: ["story", "feed"],
    registers: [registry],
  });
  // Zeros from the start, so a dashboard's rate() has a baseline before the first event.
  for (const outcome of ALERT_OUTCOMES) alerts.inc({ outcome }, 0);
  for (const platform of options.platforms ?? []) {
    deferred.inc({ platform }, 0);
    reconnects.inc({ platform }, 0);
    rateLimits.inc({ platform }, 0);
  }

  return {
    registry,
    commandStarted(name, platform) {
      const command = commandLabel(name);
      const stop = answerSeconds.startTimer({ command, platform });
      return (outcome) => {
        stop();
        commands.inc({ command, platform, outcome });
      };
    },
    answerDeferred: (platform) => deferred.inc({ platform }),
    alertsEnded: (outcome, count) => {
      if (count > 0) alerts.inc({ outcome }, count);
    },
    fanOutQueued: (delta) => queue.inc(delta),
    storeStarted(operation) {
      const stop = storeSeconds.startTimer({ operation });
      return () => {
        stop();
      };
    },
    reconnecting: (platform) => reconnects.inc({ platform }),
    rateLimited: (platform) => rateLimits.inc({ platform }),
    feedFetched: (story, feed, result) => feedFetches.inc({ story, feed, result }),
    feedFailed: (story, feed, reason) => feedErrors.inc({ story, feed, reason }),
    leadsFound: (story, feed, count) => newLeads.inc({ story, feed }, count),
  };
}
