/** An alert as a Reply, so every platform renders reminders like any other answer. */
import { storyAt } from "../dataset/asof.js";
import type { Dataset } from "../dataset/dataset.js";
import { ENGLISH, type Words } from "../language/words.js";
import { footerFor } from "../reply/phrases.js";
import type { Reply } from "../reply/reply.js";
import type { Alert } from "./plan.js";

/** What a notice needs to word its footer: the instant it is sent at, and the stale-after setting. */
export interface Sending {
  now: Date;
  settings: { staleAfterDays: number };
}

/** The reminder `alert` (its text already in `words`) as a Reply written in `words`. */
export function alertReply(
  alert: Alert,
  dataset: Dataset,
  sending: Sending,
  late?: string,
  words: Words = ENGLISH,
): Reply {
  const story = dataset.byId.get(alert.storyId);
  const deadline = story?.tracks.deadlinesById.get(alert.deadlineId);
  return {
    kind: "answer",
    title: words.t(late ? "alerts.title.reminder-late" : "alerts.title.reminder"),
    summary: [alert.text, late ? ` ${words.t("alerts.late-note", { late })}` : ""],
    ...(story
      ? {
          footer: footerFor(words, storyAt(story, sending.now), sending.settings, [
            ...(deadline?.deadline.sourceIds ?? []),
            ...(deadline?.statuses.at(sending.now.getTime())?.sourceIds ?? []),
          ]),
        }
      : {}),
    ...(words.language === "en" ? {} : { language: words.language }),
    ephemeral: false,
  };
}
