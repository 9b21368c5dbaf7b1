/**
 * The Slack bot's counters, read back from the Prometheus text: commands by outcome on Slack, an
 * answer that had to go through the response_url, and the WebClient waiting out a rate limit.
 */
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, describe, expect, it } from "vitest";
import { registry } from "../../../commands/index.js";
import { createPrometheusMetrics } from "../../../src/monitoring/prometheus.js";
import { type SlackHarness, startSlackHarness } from "../../support/harness/slack.js";

let bot: SlackHarness | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe("the Slack bot's metrics", () => {
  it("counts commands by outcome, answers deferred to the response_url, and rate-limit waits", async () => {
    const metrics = createPrometheusMetrics({ commands: registry.list.map((c) => c.name) });
    bot = await startSlackHarness({ level: "info", deferAfterMs: 300, metrics });
    bot.standin.admins.add("U0ADMIN");
    expect((await bot.command("/captives")).status).toBe(200);
    expect((await bot.command("/ceasefire", "timeline from:yesterday")).status).toBe(200);
    // The admin's locale is asked (and kept an hour) with their first command; then users.info, asked
    // whether they are an admin, is rate-limited once: the WebClient waits a second, so the answer
    // comes late.
    expect((await bot.command("/captives", "", "U0ADMIN")).status).toBe(200);
    bot.standin.rateLimitsOnce.set("users.info", 1);
    expect((await bot.command("/subscribe", "kind:reminders", "U0ADMIN")).text).toBe("");
    await bot.standin.waitFor((r) => r.path.startsWith("/respond/"));

    const families = parsePrometheusTextFormat(await metrics.registry.metrics());
    const value = (name: string, labels: Record<string, string>) =>
      Number(
        families
          .find((f) => f.name === name)
          ?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value,
      );
    expect(value("ceasefire_commands_total", { command: "captives", platform: "slack", outcome: "ok" })).toBe(
      2,
    );
    expect(
      value("ceasefire_commands_total", { command: "timeline", platform: "slack", outcome: "error" }),
    ).toBe(1);
    expect(
      value("ceasefire_commands_total", { command: "subscribe", platform: "slack", outcome: "ok" }),
    ).toBe(1);
    expect(value("ceasefire_answers_deferred_total", { platform: "slack" })).toBe(1);
    expect(value("ceasefire_rate_limit_waits_total", { platform: "slack" })).toBe(1);
    expect(bot.adapter.connected()).toBe(true);
  });
});
