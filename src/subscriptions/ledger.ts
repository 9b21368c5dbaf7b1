/**
 * The delivery ledger as /subscriptions lists it: each row's line in the reader's words (reworded
 * from the data when it is still there), its outcome, and the reason recorded with it.
 */
import { alertOfKey } from "../alerts/plan.js";
import { findNotice } from "../alerts/updates.js";
import { digestSummary, parseDigestKey } from "../feeds/digest.js";
import type { MessageKey, Words } from "../language/words.js";
import type { Rich } from "../reply/reply.js";
import type { Delivery } from "../store/store.js";
import { instantSpan, planOptions, type SubscriptionDeps, wordsOf, zoneOf } from "./deps.js";

const OUTCOME: Record<Delivery["state"], MessageKey> = {
  claimed: "subscriptions.outcome.claimed",
  sent: "subscriptions.outcome.sent",
  sent_late: "subscriptions.outcome.sent_late",
  skipped: "subscriptions.outcome.skipped",
  failed: "subscriptions.outcome.failed",
};

/**
 * A ledger row's one line in the reader's words: the reminder, update or digest reworded from the data
 * as it is now when it is still there, else the line it was recorded with (in the channel's words then).
 */
function ledgerSummary(deps: SubscriptionDeps, d: Delivery, words: Words): string {
  if (words.language === "en") return d.summary;
  if (d.kind === "digest") {
    const digest = parseDigestKey(d.key);
    const story = digest ? deps.dataset.byId.get(digest.story) : undefined;
    const count = /^\d+/.exec(d.summary)?.[0];
    return story && count ? digestSummary(Number(count), story.story.title, words) : d.summary;
  }
  const alert = alertOfKey(deps.dataset, d.key, planOptions(deps), words);
  if (alert) return alert.text;
  return findNotice(deps.dataset, d.key)?.item(words).text ?? d.summary;
}

/** The ledger's rows, newest first, one line each. */
export function deliveryLines(deps: SubscriptionDeps, rows: Delivery[]): Rich {
  const words = wordsOf(deps);
  return rows.flatMap((d, i) => [
    ...(i ? ["\n"] : []),
    // Keys start with their story's id (`gaza-2025:…`, `update:gaza-2025:…`, `leads:gaza-2025:…`).
    instantSpan(d.dueAt, zoneOf(deps, d.key.replace(/^(update|leads):/, "").split(":")[0] ?? ""), words),
    ` — ${ledgerSummary(deps, d, words)} · `,
    { strong: words.t(OUTCOME[d.state]) },
    // The reason is the one recorded with the row (a platform's refusal, a missed grace period).
    d.reason ? ` (${reasonText(d.reason, words)})` : "",
  ]);
}

/**
 * A reason the store recorded (in English, when it happened) in the reader's words: who
 * unsubscribed, a channel the platform says is gone (its own words kept), an alert missed beyond
 * the grace period. One the bot does not know is shown as recorded.
 */
export function reasonText(reason: string, words: Words): string {
  let m = /^unsubscribed by (\S+)$/.exec(reason);
  if (m) return words.t("subscriptions.reason.unsubscribed", { user: m[1] });
  m = /^gone: ([\s\S]+)$/.exec(reason);
  if (m) return words.t("subscriptions.reason.gone", { detail: m[1] });
  m = /^missed by ([\d.]+) h, more than the ([\d.]+) h grace period \(the bot was not running\)$/.exec(
    reason,
  );
  if (m) return words.t("subscriptions.reason.missed", { late: m[1], grace: m[2] });
  m = /^unconfirmed and missed by ([\d.]+) h, more than the ([\d.]+) h grace period$/.exec(reason);
  if (m) return words.t("subscriptions.reason.unconfirmed", { late: m[1], grace: m[2] });
  return reason;
}
