/** What the deliverer is given to say to many channels, and how it words a reply sent late. */
import type { Reply } from "../reply/reply.js";
import type { DeliveryKind } from "../store/store.js";

/** One thing to say to many channels. */
export interface DeliveryItem {
  key: string;
  kind: DeliveryKind;
  dueAt: Date;
  /** One line for the ledger and /subscriptions. */
  summary: string;
  /** What a thread it starts is named after: its story's title, and its deadline or "News, <month>". */
  topic?: { story: string; thread: string };
  /** The reply to post; `late` says by how much it is late ("due 09:00, sent 2 hours late") when it is. */
  reply(late: string | undefined): Reply;
}

export function defaultLateText(dueAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((now.getTime() - dueAt.getTime()) / 60_000));
  if (minutes < 90) return `sent ${minutes} minute${minutes === 1 ? "" : "s"} late`;
  const hours = Math.round(minutes / 60);
  return `sent ${hours} hour${hours === 1 ? "" : "s"} late`;
}
