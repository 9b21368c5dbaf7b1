/**
 * How a sent alert is recognised later. After a crash between "the platform accepted the message" and
 * "the ledger says sent", the bot cannot know whether the channel got it; it looks for the marker in
 * the channel's recent messages before any resend. The marker is short and derived from the ledger key
 * only, so it is the same in every process and across restarts.
 */
import { createHash } from "node:crypto";

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** `cf-1a2b3c4d5e6f`: the item's marker (the same in every channel). */
export function markerFor(key: string): string {
  return `cf-${digest(key).slice(0, 12)}`;
}

/** Discord's message nonce (at most 25 characters): one per (item, channel), so enforce_nonce de-duplicates resends. */
export function nonceFor(marker: string, channelId: string): string {
  return digest(`${marker}|${channelId}`).slice(0, 25);
}
