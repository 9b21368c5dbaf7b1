/** The one alert the fan-out benchmarks send: a reminder due at `dueAt`, with a one-line reply. */
import type { DeliveryItem } from "../src/alerts/deliver.js";

export function benchAlert(dueAt: Date): DeliveryItem {
  return {
    key: "bench:phase-one-end:1d",
    kind: "reminder",
    dueAt,
    summary: "Phase one ends tomorrow, Saturday 1 March 2025.",
    reply: () => ({
      kind: "answer",
      title: "Reminder",
      summary: ["Phase one ends tomorrow, Saturday 1 March 2025."],
      ephemeral: false,
    }),
  };
}
