/**
 * News updates: what a data edit added. Every timeline event and every figure value has a stable key;
 * the scheduler remembers the keys it has seen, and a reload's new keys become update items for the
 * channels subscribed to updates. Keys are remembered even when an item is later removed, so a
 * removed-then-restored event is not announced twice.
 */
import type { CommandContext } from "../command/definition.js";
import type { Dataset, Story } from "../dataset/dataset.js";
import { attributionText, figureAmount, footerFor } from "../dataset/phrases.js";
import type { Reply } from "../reply/reply.js";
import { formatInstant, formatLongDate } from "../time/calendar.js";

/** An update as the scheduler persists it until every channel has it (JSON-safe). */
export interface UpdateItem {
  /** `update:gaza-2025:event:phase-two-talks` or `update:gaza-2025:figure:captives-remaining:2025-03-02:58`. */
  key: string;
  storyId: string;
  /** When the edit was seen: channels subscribed after it do not get it. ISO instant. */
  at: string;
  /** The update as one plain sentence. */
  text: string;
  sourceIds: string[];
}

export function eventKey(storyId: string, eventId: string): string {
  return `update:${storyId}:event:${eventId}`;
}

export function figureValueKey(storyId: string, figureId: string, asOf: string, value: number): string {
  return `update:${storyId}:figure:${figureId}:${asOf}:${value}`;
}

/** Every update-worthy item of a dataset, by key. */
export function updateItems(dataset: Dataset, at: Date): Map<string, UpdateItem> {
  const items = new Map<string, UpdateItem>();
  for (const story of dataset.stories) {
    const id = story.story.id;
    const tz = story.story.timeZone;
    for (const e of story.timeline) {
      const when = e.at.precision === "date" ? formatLongDate(e.at.date) : formatInstant(e.at.instant, tz);
      items.set(eventKey(id, e.id), {
        key: eventKey(id, e.id),
        storyId: id,
        at: at.toISOString(),
        text: `New in the timeline: ${e.title} (${when}).${e.attribution ? ` According to ${e.attribution}.` : ""}`,
        sourceIds: e.sourceIds,
      });
    }
    for (const f of story.figures) {
      for (const v of f.values) {
        const key = figureValueKey(id, f.id, v.asOf, v.value);
        items.set(key, {
          key,
          storyId: id,
          at: at.toISOString(),
          text: `${f.label}: ${figureAmount(v, f.unit)}, ${attributionText(v)}.`,
          sourceIds: [v.sourceId],
        });
      }
    }
  }
  return items;
}

/** The items of `next` whose keys are not known yet, in the dataset's order. */
export function newUpdates(next: Dataset, known: ReadonlySet<string>, at: Date): UpdateItem[] {
  return [...updateItems(next, at).values()].filter((item) => !known.has(item.key));
}

/** An update as a Reply (with the story's footer, like any answer). */
export function updateReply(
  item: UpdateItem,
  story: Story | undefined,
  context: CommandContext,
  late?: string,
): Reply {
  return {
    kind: "answer",
    title: late ? "Update (late)" : "Update",
    summary: [item.text, late ? ` (${late})` : ""],
    ...(story ? { footer: footerFor(story, context, item.sourceIds) } : {}),
    ephemeral: false,
  };
}
