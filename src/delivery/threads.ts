/**
 * Which thread an alert goes in, for channels that asked for threads (/subscribe threads:…). The
 * thread of a deadline (its reminders and moved notices) or of a story's news of one month (new events,
 * figures, corrections) in a channel set `on` or `also-channel`; a story's one post in a forum (every
 * alert of the story, and a curators' digest in a post of its own). Digests in a channel stay in the
 * channel.
 *
 * Exactly once holds for threads as for messages (docs/decisions/0023-threads-and-forums.md): a
 * thread is claimed in the store before it exists, by the first alert that needs it (its starter);
 * the starter's message starts the thread (on Slack and Discord the thread's id is that message's id)
 * and the thread is recorded once the message is sent. Any other alert of the anchor waits, as a
 * transient failure retried by delivery, until its starter is sent (its ledger row then gives the
 * thread even after a crash), or takes the starter's place when the starter failed or was skipped.
 */
import type { Language } from "../language/languages.js";
import { wordsFor } from "../language/words.js";
import type { ChannelRef, NewDelivery, Store } from "../store/store.js";
import type { AnchorRef, ThreadMode } from "../store/threads-sql.js";
import type { DeliveryItem } from "./item.js";
import type { ThreadPlace } from "./sender.js";

/** The starter of the thread an alert needs has not been sent yet: try again shortly. */
export class ThreadPending extends Error {
  constructor(anchor: string) {
    super(`waiting for the first message of thread ${anchor}`);
    this.name = "ThreadPending";
  }
}

const STORY = "[a-z0-9][a-z0-9-]*";
const DIGEST = new RegExp(`^leads:(${STORY}):`);
const NEWS = new RegExp(`^(?:update|correction):(${STORY}):`);
const DEADLINE = new RegExp(`^(${STORY}):([^:@]+)[:@]`);

/**
 * The thread an alert (by its ledger key and due instant) goes in under `mode`, or undefined for the
 * channel itself: `gaza-2025:phase-one-end` (a deadline), `gaza-2025:news:2025-02` (a story's news of
 * a month, by the due instant in UTC), and in a forum `gaza-2025` (the story's post) or
 * `gaza-2025:curators` (its digests of leads).
 */
export function anchorOf(key: string, dueAt: Date, mode: ThreadMode): string | undefined {
  if (mode === "off") return undefined;
  const forum = mode === "forum";
  const digest = DIGEST.exec(key);
  if (digest) return forum ? `${digest[1]}:curators` : undefined;
  const news = NEWS.exec(key);
  if (news) return forum ? news[1] : `${news[1]}:news:${dueAt.toISOString().slice(0, 7)}`;
  const deadline = DEADLINE.exec(key);
  if (deadline) return forum ? deadline[1] : `${deadline[1]}:${deadline[2]}`;
  return undefined;
}

/** The name a thread gets when `item` starts it, in the channel's language (Discord shows it; Slack has none). */
export function threadName(
  item: DeliveryItem | undefined,
  mode: ThreadMode,
  language: Language = "en",
): string {
  const words = wordsFor(language);
  const topic = language === "en" ? item?.topic : (item?.topicIn?.(language) ?? item?.topic);
  if (!topic) return item?.summary ?? words.t("threads.alerts");
  return mode === "forum"
    ? topic.story
    : words.t("threads.name", { thread: topic.thread, story: topic.story });
}

export interface ThreadRouterOptions {
  store: Store;
  now(): Date;
  /** How long the thread settings read are used before they are read again. Default 5 seconds. */
  settingsMs?: number;
}

/** A place with what sendHeld needs to record or forget its thread afterwards. */
export interface Placed {
  place: ThreadPlace;
  ref: AnchorRef;
}

export class ThreadRouter {
  /** The channels set to threads, read once for many sends (most channels have none: no read each). */
  private settings: { until: number; modes: Promise<Map<string, ThreadMode>> } | undefined;

  constructor(private readonly options: ThreadRouterOptions) {}

  /** A channel's thread setting, from the settings read at most `settingsMs` ago (by the clock). */
  private async modeOf(channel: ChannelRef): Promise<ThreadMode> {
    const now = this.options.now().getTime();
    if (!this.settings || now >= this.settings.until) {
      const modes = this.options.store
        .threadedChannels()
        .then((rows) => new Map(rows.map((r) => [`${r.platform}:${r.channelId}`, r.mode])));
      this.settings = { until: now + (this.options.settingsMs ?? 5_000), modes };
      // A failed read is not kept: the next send reads again.
      modes.catch(() => {
        if (this.settings?.modes === modes) this.settings = undefined;
      });
    }
    return (await this.settings.modes).get(`${channel.platform}:${channel.channelId}`) ?? "off";
  }

  /**
   * Where `entry` goes: undefined for the channel itself; else its thread (recorded, or found from
   * its starter's ledger row), or the start of its thread when `entry` is the starter. Throws
   * ThreadPending while another alert is starting the thread. Without `item` (a row only looked up,
   * never sent again) nothing is claimed: its thread if it has one, else the channel. A thread is named
   * in the `language` of the channel it starts in.
   */
  async placeFor(
    entry: NewDelivery,
    item: DeliveryItem | undefined,
    language?: Language,
  ): Promise<Placed | undefined> {
    const { store } = this.options;
    const channel: ChannelRef = { platform: entry.platform, channelId: entry.channelId };
    const mode = await this.modeOf(channel);
    const anchor = anchorOf(entry.key, entry.dueAt, mode);
    if (anchor === undefined) return undefined;
    const ref: AnchorRef = { ...channel, anchor };
    const base = { name: threadName(item, mode, language), forum: mode === "forum" };
    const placed = (threadId: string): Placed => ({
      ref,
      place: { ...base, threadId, broadcast: mode === "also-channel" },
    });
    const starting: Placed = { ref, place: { ...base, start: true, broadcast: false } };
    if (!item) {
      const row = await store.threadOf(ref);
      if (row?.threadId) return placed(row.threadId);
      return row?.starterKey === entry.key ? starting : undefined;
    }
    for (let round = 0; round < 3; round++) {
      const row =
        (await store.threadOf(ref)) ?? (await store.claimThread(ref, entry.key, this.options.now()));
      if (row.threadId) return placed(row.threadId);
      if (row.starterKey === entry.key) return starting;
      const starter = await store.delivery({ ...channel, key: row.starterKey });
      if (starter?.messageId) {
        const threadId = await store.recordThread(ref, row.starterKey, starter.messageId);
        if (threadId) return placed(threadId);
        continue;
      }
      if (starter && starter.state === "claimed") throw new ThreadPending(anchor);
      // The starter never made it (failed, skipped, or never claimed here): this alert starts the thread.
      if (await store.passThread(ref, row.starterKey, entry.key)) return starting;
    }
    throw new ThreadPending(anchor);
  }

  /** Records the thread `entry` started with its message `messageId`. */
  async started(entry: NewDelivery, placed: Placed, messageId: string): Promise<void> {
    if (placed.place.start) await this.options.store.recordThread(placed.ref, entry.key, messageId);
  }

  /** Forgets a thread found gone: the next alert of its anchor starts a new one. */
  async gone(placed: Placed): Promise<void> {
    if (placed.place.threadId) await this.options.store.forgetThread(placed.ref, placed.place.threadId);
  }
}
