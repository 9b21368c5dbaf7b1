/**
 * A reminder as a Reply, so every platform renders it like any other answer: titled Reminder, its
 * text as the summary, a late one saying by how much, and the story's footer with the deadline's
 * sources when the story is still in the data.
 */
import { describe, expect, it } from "vitest";
import { alertReply } from "../../src/alerts/alert-reply.js";
import { type Alert, planAlerts } from "../../src/alerts/plan.js";
import { defaultSettings } from "../../src/config.js";
import { plainText } from "../../src/reply/reply.js";
import { shippedData } from "../support/index.js";

const dataset = shippedData();
const sending = { now: new Date("2025-02-28T07:00:00Z"), settings: defaultSettings };
const [phaseOneEnd] = planAlerts(
  dataset,
  { from: new Date("2025-02-28T07:00:00Z"), to: new Date("2025-02-28T07:00:01Z") },
  { reminderHour: 9 },
).filter((a) => a.id === "gaza-2025:phase-one-end:1d");
const alert = phaseOneEnd as Alert;

describe("a reminder's reply", () => {
  it("is a public answer titled Reminder that says the alert's text", () => {
    const reply = alertReply(alert, dataset, sending);
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Reminder");
    expect(plainText(reply.summary ?? [])).toBe(alert.text);
    expect(reply.ephemeral).toBe(false);
  });

  it("says it is late in its title, and by how much after its text", () => {
    const reply = alertReply(alert, dataset, sending, "sent 2 hours late");
    expect(reply.title).toBe("Reminder (late)");
    expect(plainText(reply.summary ?? [])).toBe(`${alert.text} (sent 2 hours late)`);
  });

  it("carries the story's footer, citing the deadline's sources", () => {
    const reply = alertReply(alert, dataset, sending);
    const deadline = dataset.byId.get("gaza-2025")?.tracks.deadlinesById.get("phase-one-end");
    expect(reply.footer).toBeDefined();
    const footer = JSON.stringify(reply.footer);
    for (const id of deadline?.deadline.sourceIds ?? []) expect(footer).toContain(id);
  });

  it("has no footer when its story is no longer in the data", () => {
    const reply = alertReply({ ...alert, storyId: "gone-2024" }, dataset, sending);
    expect(reply.footer).toBeUndefined();
    expect(reply.title).toBe("Reminder");
  });
});
