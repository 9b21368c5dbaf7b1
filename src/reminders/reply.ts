/** An alert as a Reply, so every platform renders reminders like any other answer. */
import type { CommandContext } from "../command/definition.js";
import type { Dataset } from "../dataset/dataset.js";
import { footerFor } from "../dataset/phrases.js";
import type { Reply } from "../reply/reply.js";
import type { Alert } from "./plan.js";

export function alertReply(alert: Alert, dataset: Dataset, context: CommandContext, late?: string): Reply {
  const story = dataset.byId.get(alert.storyId);
  const deadline = story?.deadlinesById.get(alert.deadlineId);
  return {
    kind: "answer",
    title: late ? "Reminder (late)" : "Reminder",
    summary: [alert.text, late ? ` (${late})` : ""],
    ...(story ? { footer: footerFor(story, context, deadline?.sourceIds ?? []) } : {}),
    ephemeral: false,
  };
}
