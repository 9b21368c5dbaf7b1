/** A loaded, validated dataset with the indexes the commands use. */
import type { LocalDate, When } from "../time/calendar.js";
import { localDateOf, parseWhen, wallTime } from "../time/calendar.js";
import type { Deadline, Source, StoryEvent, StoryFile } from "./schema.js";

export interface IndexedEvent extends StoryEvent {
  at: When;
  /** Chronological sort key: the story-local date, then the local time for instants. */
  sortKey: string;
  /** Story-local calendar date of the event. */
  day: LocalDate;
}

export interface Story extends StoryFile {
  file: string;
  sourcesById: Map<string, Source>;
  /** Events in chronological order (stable for equal keys). */
  timeline: IndexedEvent[];
  /** All distinct event tags, sorted. */
  tags: string[];
  /** Each tag's events, in chronological order (so a tag-filtered page costs a search, not a scan). */
  byTag: Map<string, IndexedEvent[]>;
  deadlinesById: Map<string, Deadline>;
}

export interface Dataset {
  stories: Story[];
  byId: Map<string, Story>;
  defaultStory: Story;
}

export function sortKeyOf(when: When, timeZone: string): { key: string; day: LocalDate } {
  if (when.precision === "date") return { key: when.date, day: when.date };
  const day = localDateOf(when.instant, timeZone);
  const w = wallTime(when.instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return { key: `${day}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`, day };
}

export function indexStory(file: string, data: StoryFile): Story {
  const tz = data.story.timeZone;
  const timeline = data.events
    .map((e, i) => {
      const at = parseWhen(e.when);
      const { key, day } = sortKeyOf(at, tz);
      return { event: { ...e, at, sortKey: key, day }, i };
    })
    .sort((a, b) =>
      a.event.sortKey < b.event.sortKey ? -1 : a.event.sortKey > b.event.sortKey ? 1 : a.i - b.i,
    )
    .map((x) => x.event);
  const byTag = new Map<string, IndexedEvent[]>();
  for (const event of timeline) {
    for (const tag of event.tags) {
      const list = byTag.get(tag);
      if (list) list.push(event);
      else byTag.set(tag, [event]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return {
    ...data,
    file,
    sourcesById: new Map(data.sources.map((s) => [s.id, s])),
    timeline,
    tags,
    byTag,
    deadlinesById: new Map(data.deadlines.map((d) => [d.id, d])),
  };
}
