/** An alert as a Reply, so every platform renders reminders like any other answer. */
import { storyAt } from "../dataset/asof.js";
import type { Dataset } from "../dataset/dataset.js";
import { ENGLISH } from "../language/words.js";
import { footerFor } from "../reply/phrases.js";
import type { Reply } from "../reply/reply.js";
import type { Alert } from "./plan.js";

/** What a notice needs to word its footer: the instant it is sent at, and the stale-after setting. */
export interface Sending {
  now: Date;
  settings: { staleAfterDays: number };
}

export function alertReply(alert: Alert, dataset: Dataset, sending: Sending, late?: string): Reply {
  const story = dataset.byId.get(alert.storyId);
  const deadline = story?.tracks.deadlinesById.get(alert.deadlineId);
  return {
    kind: "answer",
    title: late ? "Reminder (late)" : "Reminder",
    summary: [alert.text, late ? ` (${late})` : ""],
    ...(story
      ? {
          footer: footerFor(ENGLISH, storyAt(story, sending.now), sending.settings, [
            ...(deadline?.deadline.sourceIds ?? []),
            ...(deadline?.statuses.at(sending.now.getTime())?.sourceIds ?? []),
          ]),
        }
      : {}),
    ephemeral: false,
  };
}
