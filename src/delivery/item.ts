/** What the deliverer is given to say to many channels, and how it words a reply sent late. */
import type { Language } from "../language/languages.js";
import { ENGLISH, type Words, wordsFor } from "../language/words.js";
import type { Reply } from "../reply/reply.js";
import type { DeliveryKind } from "../store/store.js";

/** What a thread is named after: its story's title, and its deadline or "News, <month>". */
export interface Topic {
  story: string;
  thread: string;
}

/** One thing to say to many channels. */
export interface DeliveryItem {
  key: string;
  kind: DeliveryKind;
  dueAt: Date;
  /** One line for the ledger and /subscriptions. */
  summary: string;
  /** What a thread it starts is named after, in English. */
  topic?: Topic;
  /** The same in a channel's language (absent: `topic`). */
  topicIn?(language: Language): Topic | undefined;
  /**
   * The reply to post in a channel's `language` (English when absent); `late` says by how much it is
   * late ("due 09:00, sent 2 hours late") when it is.
   */
  reply(late: string | undefined, language?: Language): Reply;
}

/**
 * An item's `reply` that words each language once: every channel of that language is sent the same
 * Reply (rendered once by the platform), and only a late one, whose lateness is its own, is worded
 * again.
 */
export function wordedOnce(
  make: (late: string | undefined, words: Words) => Reply,
): (late: string | undefined, language?: Language) => Reply {
  const onTime = new Map<Language, Reply>();
  return (late, language = "en") => {
    const words = wordsFor(language);
    if (late !== undefined) return make(late, words);
    let reply = onTime.get(language);
    if (!reply) {
      reply = make(undefined, words);
      onTime.set(language, reply);
    }
    return reply;
  };
}

export function defaultLateText(dueAt: Date, now: Date, words: Words = ENGLISH): string {
  const minutes = Math.max(1, Math.round((now.getTime() - dueAt.getTime()) / 60_000));
  if (minutes < 90) return words.t("alerts.late.minutes", { count: minutes });
  return words.t("alerts.late.hours", { count: Math.round(minutes / 60) });
}
