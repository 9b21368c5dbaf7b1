/**
 * A reply's picture on Slack (docs/decisions/0025-pictures-on-each-platform.md). A public answer
 * (in_channel) goes out first, in the slash command's own response as ever; then the picture is
 * uploaded and shared into the same channel with Slack's external upload flow
 * (files.getUploadURLExternal, the bytes POSTed to the upload URL, files.completeUploadExternal with
 * the channel), which @slack/web-api's `filesUploadV2` does. Private answers, errors and pages turned
 * with buttons upload nothing: a file shared into a channel is seen by everyone in it, and a file
 * uploaded to no channel is the bot's alone, which an image block of an ephemeral message cannot show
 * to the person who asked. Their blocks carry the picture's description instead (./blocks.ts).
 *
 * The same picture is shared into a channel once a minute (docs/decisions/0029-one-picture-share-a-minute.md):
 * a channel asking the same question again within the minute gets the same answer, under the picture
 * it has just been shown, rather than another copy of it (and another three Web API calls).
 *
 * An upload that fails (the bot not in the channel, the files:write scope missing, uploads disabled)
 * never holds the answer back: it is logged, at warn the first time for each reason with what to do
 * about it, then at debug.
 */
import { type RetryOptions, WebClient, WebClientEvent } from "@slack/web-api";
import type { Logger } from "pino";
import { cutText } from "../../dataset/text-safety.js";
import type { Metrics } from "../../monitoring/metrics.js";
import type { Reply } from "../../reply/reply.js";
import type { Clock } from "../../time/clock.js";
import { altText, fileName, pictureBytes } from "../pictures.js";
import { SLACK_LIMITS } from "./limits.js";
import { webApiOptions } from "./web-api-options.js";

/** What an operator can do about an upload Slack refused, by its error code. */
const REMEDIES: Record<string, string> = {
  not_in_channel: "invite the bot to the channel (/invite) to show pictures there",
  channel_not_found: "invite the bot to the channel (/invite) to show pictures there",
  missing_scope: "add the files:write bot scope to the Slack app and reinstall it",
  not_allowed_token_type: "use the bot token (xoxb-) with the files:write scope",
  file_uploads_disabled: "the workspace has disabled file uploads: answers go without pictures",
  file_uploads_except_images_disabled: "the workspace has disabled file uploads: answers go without pictures",
};

/**
 * A picture is worth a few tries, not the app client's half hour of retries (a command listener would
 * hold a clean stop that long): two more tries, each call given 20 seconds.
 */
const UPLOAD_RETRIES: RetryOptions = { retries: 2, factor: 2, minTimeout: 1_000 };
const UPLOAD_TIMEOUT_MS = 20_000;

/** A Web API client for uploads, with the app client's token and address, its rate-limit waits counted. */
export function uploadClient(app: WebClient, metrics: Metrics): WebClient {
  const client = new WebClient(app.token, {
    ...webApiOptions(app.slackApiUrl),
    retryConfig: UPLOAD_RETRIES,
    timeout: UPLOAD_TIMEOUT_MS,
  });
  client.on(WebClientEvent.RATE_LIMITED, () => metrics.rateLimited("slack"));
  return client;
}

/** Shares a public reply's picture into `channelId`; resolves whether or not it could. */
export type SharePicture = (reply: Reply, channelId: string) => Promise<void>;

/** Slack's error code of a failed Web API call (`data.error`), else the error's message. */
function reasonOf(err: unknown): string {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === "string") return data.error;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The pictures shared into each channel this minute, claimed before their upload starts (so answers
 * asked at the same moment share one upload) and released when it fails (so the next answer tries
 * again). Pictures of one name can differ (a timeline's pages), so each name keeps a few. Only this
 * minute's are held (the PNGs are mostly the picture cache's own memory), at most `capacity` channels
 * and names, the oldest claims going first.
 */
export class RecentShares {
  private readonly shares = new Map<string, { minute: number; pictures: Buffer[] }>();
  private minute = Number.NaN;
  constructor(
    private readonly clock: Clock,
    private readonly capacity = 1_000,
    private readonly perName = 8,
  ) {}

  /** Claims sharing `bytes` named `name` into `channel`: undefined when shared there this minute, else a release. */
  claim(channel: string, name: string, bytes: Buffer): (() => void) | undefined {
    const key = `${channel}\u0000${name}`;
    const minute = Math.floor(this.clock.now().getTime() / 60_000);
    if (minute !== this.minute) {
      this.shares.clear();
      this.minute = minute;
    }
    let held = this.shares.get(key);
    if (held?.minute === minute && held.pictures.some((p) => sameBytes(p, bytes))) return undefined;
    if (held?.minute !== minute) held = { minute, pictures: [] };
    held.pictures.push(bytes);
    if (held.pictures.length > this.perName) held.pictures.shift();
    this.shares.delete(key);
    this.shares.set(key, held);
    if (this.shares.size > this.capacity) {
      const oldest = this.shares.keys().next().value;
      if (oldest !== undefined) this.shares.delete(oldest);
    }
    const entry = held;
    return () => {
      const i = entry.pictures.indexOf(bytes);
      if (i >= 0) entry.pictures.splice(i, 1);
    };
  }
}

/** The same PNG: the same memory (the picture cache hands out one copy), else equal bytes. */
function sameBytes(a: Buffer, b: Buffer): boolean {
  if (a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.byteLength === b.byteLength) return true;
  return a.equals(b);
}

export function pictureSharer(client: WebClient, log: Logger, recent?: RecentShares): SharePicture {
  const warned = new Set<string>();
  function failed(reason: string, picture: string, channel: string): void {
    const remedy = REMEDIES[reason];
    const fields = { picture, channel, reason, ...(remedy ? { remedy } : {}) };
    if (warned.has(reason)) {
      log.debug(fields, "could not share a reply's picture: answered without it");
      return;
    }
    warned.add(reason);
    log.warn(fields, "could not share a reply's picture: answered without it (said once per reason)");
  }
  return async (reply, channelId) => {
    const picture = reply.picture;
    if (!picture || reply.kind === "error" || reply.ephemeral) return;
    const filename = fileName(picture);
    const drawn = pictureBytes(picture);
    if (!drawn.ok) return failed(`not drawn: ${drawn.error.message}`, filename, channelId);
    const claimed = recent ? recent.claim(channelId, filename, drawn.bytes) : () => {};
    if (!claimed) {
      log.debug({ picture: filename, channel: channelId }, "picture shared into the channel this minute");
      return;
    }
    try {
      await client.filesUploadV2({
        channel_id: channelId,
        file: drawn.bytes,
        filename,
        title: cutText(reply.title, 250) || filename,
        alt_text: altText(picture, SLACK_LIMITS.fileAltText),
      });
      log.debug({ picture: filename, channel: channelId }, "shared a reply's picture");
    } catch (err) {
      claimed();
      failed(reasonOf(err), filename, channelId);
    }
  };
}
