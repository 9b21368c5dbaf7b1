/**
 * What the bot counts: the outcomes of a command and of an alert's delivery, fixed lists every series
 * starts from; and Metrics that count nothing, for the parts run without /metrics.
 */
import { describe, expect, it } from "vitest";
import { ALERT_OUTCOMES, COMMAND_OUTCOMES, noMetrics } from "../../src/monitoring/metrics.js";

describe("the outcomes counted", () => {
  it("of a command are ok, error and failed", () => {
    expect(COMMAND_OUTCOMES).toEqual(["ok", "error", "failed"]);
  });

  it("of an alert's delivery are sent, sent late, skipped, failed and de-duplicated", () => {
    expect(ALERT_OUTCOMES).toEqual(["sent", "sent_late", "skipped", "failed", "deduplicated"]);
  });
});

describe("metrics that count nothing", () => {
  it("take every report and give back callable ends", () => {
    const answered = noMetrics.commandStarted("captives", "discord");
    expect(() => answered("ok")).not.toThrow();
    expect(() => noMetrics.storeStarted("ping")()).not.toThrow();
    expect(() => {
      noMetrics.answerDeferred("slack");
      noMetrics.alertsEnded("sent", 3);
      noMetrics.fanOutQueued(-1);
      noMetrics.reconnecting("discord");
      noMetrics.rateLimited("slack");
    }).not.toThrow();
  });
});
