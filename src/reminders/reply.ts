/** An alert as a Reply, so every platform renders reminders like any other answer. */
import type { CommandContext } from "../command/definition.js";
import { storyAt } from "../dataset/asof.js";
import type { Dataset } from "../dataset/dataset.js";
import { footerFor } from "../dataset/phrases.js";
import type { Reply } from "../reply/reply.js";
import type { Alert } from "./plan.js";

export function alertReply(alert: Alert, dataset: Dataset, context: CommandContext, late?: string): Reply {
  const story = dataset.byId.get(alert.storyId);
  const deadline = story?.tracks.deadlinesById.get(alert.deadlineId);
  return {
    kind: "answer",
    title: late ? "Reminder (late)" : "Reminder",
    summary: [alert.text, late ? ` (${late})` : ""],
    ...(story
      ? {
          footer: footerFor(storyAt(story, context.clock.now()), context, [
            ...(deadline?.deadline.sourceIds ?? []),
            ...(deadline?.statuses.at(context.clock.now().getTime())?.sourceIds ?? []),
          ]),
        }
      : {}),
    ephemeral: false,
  };
}
