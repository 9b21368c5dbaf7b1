/**
 * News: what became true and known since the bot last looked. Every timeline event, figure value and
 * moved deadline is a notice with a stable key and the instant from which it is visible (its own date,
 * never before its source was published). A notice is news once: when it becomes visible while the bot
 * watches, or when an edit adds it after that instant. A story the bot has never seen is never news
 * for its past: what it already holds when it first appears is remembered, not sent. Keys are
 * remembered even when an item is later removed, so a removed-then-restored event is not sent twice.
 */
import { storyAt } from "../dataset/asof.js";
import type { Dataset, Story } from "../dataset/dataset.js";
import type { Figure, FigureValue } from "../dataset/schema.js";
import { ENGLISH, type MessageKey, type Words } from "../language/words.js";
import { attributionText, figureAmount, footerFor } from "../reply/phrases.js";
import type { Reply } from "../reply/reply.js";
import type { Sending } from "./alert-reply.js";
import { whenText } from "./plan.js";

/**
 * Who gets a notice: the story's update channels; the channels reminded of a deadline that moved; or
 * the channels that were sent a value later corrected.
 */
export type Audience = "updates" | "moved" | "corrected";

/** A notice as the scheduler persists it until every channel has it (JSON-safe). */
export interface UpdateItem {
  /** `update:gaza-2025:event:phase-two-talks`, `update:gaza-2025:figure:captives-remaining:2025-03-02:58`, `gaza-2025:phase-one-end@2025-03-08:moved`. */
  key: string;
  storyId: string;
  /** When it is due: the instant it became visible, or when an edit added it later. ISO instant. */
  at: string;
  /** The notice as one plain sentence, in English (each channel's language rewords it when sent). */
  text: string;
  sourceIds: string[];
  /** Default "updates" (items persisted before moved notices existed have none). */
  audience?: Audience;
  /** For "moved": key prefixes of the deadline's reminders; channels that got one get the notice. */
  receivedPrefixes?: string[];
  /** For "corrected": the keys of what was sent wrong; channels that got one get the notice. */
  receivedKeys?: string[];
}

/**
 * A notice before it is due: its key, the instant it becomes visible, and how to word it (worded
 * only when it is news: every tick looks at every notice of every story, and most are known).
 */
export interface Notice {
  key: string;
  visibleFrom: number;
  /** The notice, its text in `words` (English by default). */
  item(words?: Words): Omit<UpdateItem, "at">;
}

export function eventKey(storyId: string, eventId: string): string {
  return `update:${storyId}:event:${eventId}`;
}

export function figureValueKey(storyId: string, figureId: string, asOf: string, value: number): string {
  return `update:${storyId}:figure:${figureId}:${asOf}:${value}`;
}

/** Every notice a story holds: its events, its figure values and the moves of its deadlines. */
export function storyNotices(story: Story): Notice[] {
  const id = story.story.id;
  const tz = story.story.timeZone;
  const out: Notice[] = [];
  for (const e of story.timeline.items) {
    const when = (words: Words) =>
      e.at.precision === "date" ? words.longDate(e.at.date) : words.instant(e.at.instant, tz);
    const key = eventKey(id, e.id);
    out.push({
      key,
      visibleFrom: e.visibleFrom,
      item: (words = ENGLISH) => ({
        key,
        storyId: id,
        text: e.attribution
          ? words.t("alerts.event.by", { title: e.title, when: when(words), by: e.attribution })
          : words.t("alerts.event", { title: e.title, when: when(words) }),
        sourceIds: e.sourceIds,
      }),
    });
  }
  for (const track of story.tracks.figures) {
    const f = track.figure;
    for (const v of track.values.entries) {
      if (v.corrected) {
        out.push({ ...correctionNotice(id, f, v, v.corrected), visibleFrom: v.visibleFrom });
        continue;
      }
      const key = figureValueKey(id, f.id, v.asOf, v.value);
      out.push({
        key,
        visibleFrom: v.visibleFrom,
        item: (words = ENGLISH) => ({
          key,
          storyId: id,
          text: words.t("alerts.figure", {
            label: f.label,
            amount: figureAmount(words, v, f.unit),
            attribution: attributionText(words, v),
          }),
          sourceIds: [v.sourceId],
        }),
      });
    }
  }
  for (const track of story.tracks.deadlines) {
    const d = track.deadline;
    for (const version of track.dues.entries) {
      const was = track.dues.entries[version.version - 1];
      if (!version.move || !was) continue;
      const move = version.move;
      const key = `${id}:${version.key}:moved`;
      out.push({
        key,
        visibleFrom: version.visibleFrom,
        item: (words = ENGLISH) => ({
          key,
          storyId: id,
          text: withNote(
            words.t("alerts.moved", {
              title: d.title,
              was: whenText(was.due, tz, words),
              now: whenText(version.due, tz, words),
              by: move.attribution,
            }),
            move.note,
            words,
          ),
          sourceIds: move.sourceIds,
          audience: "moved",
          receivedPrefixes: [`${id}:${d.id}:`, `${id}:${d.id}@`],
        }),
      });
    }
  }
  return out;
}

/** "Captives remaining in Gaza was 59 captives, is 58 captives, according to Israel, as of …" (titled Correction). */
function correctionNotice(
  storyId: string,
  figure: Figure,
  value: FigureValue,
  corrected: NonNullable<FigureValue["corrected"]>,
): Notice {
  const key = `correction:${storyId}:figure:${figure.id}:${value.asOf}:${value.value}`;
  return {
    key,
    visibleFrom: Number.NEGATIVE_INFINITY,
    item: (words = ENGLISH) => ({
      key,
      storyId,
      text: withNote(
        words.t("alerts.corrected", {
          label: figure.label,
          was: figureAmount(words, { ...value, value: corrected.was }, figure.unit),
          now: figureAmount(words, value, figure.unit),
          attribution: attributionText(words, value),
        }),
        corrected.note,
        words,
      ),
      sourceIds: [value.sourceId],
      audience: "corrected",
      receivedKeys: [figureValueKey(storyId, figure.id, value.asOf, corrected.was)],
    }),
  };
}

/** A notice's sentence, then the curator's note (a sentence of the data's own) when there is one. */
function withNote(sentence: string, note: string | undefined, words: Words): string {
  return note ? `${sentence} ${words.isolate(note)}` : sentence;
}

/** What the scheduler remembers between runs: the notices already handled, the stories already seen. */
export interface NewsMemory {
  known: Set<string>;
  stories: Set<string>;
}

/**
 * The notices that became news by `now`, each due at the instant it became visible, or at `now` when
 * it was visible before `watermark` (the end of the window already watched: an edit added it since).
 * Adds every handled key and every story to `memory`. Stories new to `memory` are remembered whole,
 * as they stand at `now`, and send nothing.
 */
export function findNews(dataset: Dataset, memory: NewsMemory, watermark: number, now: number): UpdateItem[] {
  const fresh: UpdateItem[] = [];
  for (const story of dataset.stories) {
    const seen = memory.stories.has(story.story.id);
    memory.stories.add(story.story.id);
    for (const notice of storyNotices(story)) {
      if (notice.visibleFrom > now || memory.known.has(notice.key)) continue;
      memory.known.add(notice.key);
      if (!seen) continue;
      const due = notice.visibleFrom > watermark ? notice.visibleFrom : now;
      fresh.push({ ...notice.item(), at: new Date(due).toISOString() });
    }
  }
  return fresh.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A notice by key, as it is in the data now (to rebuild an unconfirmed delivery after a crash). */
export function findNotice(dataset: Dataset, key: string): Notice | undefined {
  for (const story of dataset.stories) {
    const id = story.story.id;
    if (![`update:${id}:`, `correction:${id}:`, `${id}:`].some((p) => key.startsWith(p))) continue;
    const found = storyNotices(story).find((n) => n.key === key);
    if (found) return found;
  }
  return undefined;
}

const TITLES = {
  updates: ["alerts.title.update", "alerts.title.update-late"],
  moved: ["alerts.title.moved", "alerts.title.moved-late"],
  corrected: ["alerts.title.corrected", "alerts.title.corrected-late"],
} as const satisfies Record<Audience, readonly [MessageKey, MessageKey]>;

/**
 * What a notice says in `words`: reworded from the data as it is now when the notice is still in it,
 * else the sentence it was queued with.
 */
export function noticeText(item: UpdateItem, story: Story | undefined, words: Words): string {
  if (words.language === "en" || !story) return item.text;
  const notice = storyNotices(story).find((n) => n.key === item.key);
  return notice ? notice.item(words).text : item.text;
}

/** A notice as a Reply in `words` (with the story's footer, like any answer). */
export function updateReply(
  item: UpdateItem,
  story: Story | undefined,
  sending: Sending,
  late?: string,
  words: Words = ENGLISH,
): Reply {
  const [title, lateTitle] = TITLES[item.audience ?? "updates"];
  return {
    kind: "answer",
    title: words.t(late ? lateTitle : title),
    summary: [noticeText(item, story, words), late ? ` ${words.t("alerts.late-note", { late })}` : ""],
    ...(story
      ? { footer: footerFor(words, storyAt(story, sending.now), sending.settings, item.sourceIds) }
      : {}),
    ...(words.language === "en" ? {} : { language: words.language }),
    ephemeral: false,
  };
}
