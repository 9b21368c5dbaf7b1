/**
 * A draft from a lead: the edit form opened with a new source made from the lead, and saved as that
 * source and the entry citing it in one edit; the saved entry named by ids, as the edit record does.
 */
import { describe, expect, it } from "vitest";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import {
  DRAFT_FORMS,
  draftValues,
  entryAnchor,
  entryPath,
  isDraftForm,
  isOpen,
  leadIdOf,
  readDraft,
  SOURCE_FIELDS,
  slugOf,
  sourceIdFor,
} from "../../src/desk/lead-draft.js";
import { shippedStoryText, storedLead } from "../support/index.js";

const data = parseStoryText("gaza-2025.json", shippedStoryText).data as StoryFile;
const context = { now: new Date("2025-03-03T09:00:00Z"), timeZone: "Asia/Jerusalem" };
const QUOTE = "Delegations left Cairo without an agreement.";

describe("the source a draft adds", () => {
  it("is named after the outlet and the day of publication in the story's zone", () => {
    // 23:30 UTC on 1 March is 2 March in Jerusalem.
    const lead = storedLead({ outlet: "Times of Israel", publishedAt: new Date("2025-03-01T23:30:00Z") });
    expect(sourceIdFor(lead, data)).toBe("times-of-israel-2025-03-02");
  });

  it("takes the day the lead was found when the feed gave no publication", () => {
    const lead = storedLead({ publishedAt: undefined, foundAt: new Date("2025-03-04T08:00:00Z") });
    expect(sourceIdFor(lead, data)).toBe("reuters-2025-03-04");
  });

  it("gets a number when the story already has a source of that id", () => {
    const withSources = (...ids: string[]) => ({
      ...data,
      sources: [
        ...data.sources,
        ...ids.map((id) => ({ id, title: "An earlier one", published: "2025-03-02" })),
      ],
    });
    expect(sourceIdFor(storedLead(), withSources("reuters-2025-03-02"))).toBe("reuters-2025-03-02-2");
    expect(sourceIdFor(storedLead(), withSources("reuters-2025-03-02", "reuters-2025-03-02-2"))).toBe(
      "reuters-2025-03-02-3",
    );
  });

  it("is made of lower-case letters, digits and dashes whatever the outlet's name", () => {
    expect(slugOf("Le Monde — Proche-Orient")).toBe("le-monde-proche-orient");
    expect(slugOf("Ha'aretz")).toBe("ha-aretz");
    expect(slugOf("الجزيرة")).toBe("source");
  });
});

describe("a draft's form", () => {
  it("opens with the lead's title, outlet, link and publication instant with the story's offset", () => {
    const values = draftValues(storedLead({ id: 7 }), data, "figure-value");
    expect(values).toEqual({
      lead: "7",
      [SOURCE_FIELDS.id]: "reuters-2025-03-02",
      [SOURCE_FIELDS.title]: "Talks on phase two stall in Cairo",
      [SOURCE_FIELDS.publisher]: "Reuters",
      [SOURCE_FIELDS.url]: "https://www.reuters.com/world/middle-east/talks-stall-2025-03-02/",
      [SOURCE_FIELDS.published]: "2025-03-02T11:40:00+02:00",
      asOf: "2025-03-02",
    });
    expect(values.evidence).toBeUndefined();
  });

  it("fills each form's own date field, and the date alone when the feed gave no publication", () => {
    const lead = storedLead({ publishedAt: undefined });
    expect(draftValues(lead, data, "event")).toMatchObject({
      when: "2025-03-02",
      [SOURCE_FIELDS.published]: "2025-03-02",
    });
    expect(draftValues(lead, data, "deadline-status").from).toBe("2025-03-02");
    expect(draftValues(lead, data, "deadline-move").at).toBe("2025-03-02");
    expect(draftValues(lead, data, "claim").when).toBe("2025-03-02");
  });

  it("is offered for events, figure values, deadline statuses and moves, and statements only", () => {
    expect(DRAFT_FORMS).toEqual(["event", "figure-value", "deadline-status", "deadline-move", "claim"]);
    expect(isDraftForm("claim")).toBe(true);
    expect(isDraftForm("person-role")).toBe(false);
    expect(isDraftForm("source")).toBe(false);
  });

  it("names its lead by a number only", () => {
    expect(leadIdOf({ lead: "12" })).toBe(12);
    expect(leadIdOf({ lead: "12; drop" })).toBeUndefined();
    expect(leadIdOf({})).toBeUndefined();
  });
});

describe("a draft read and applied", () => {
  const figureDraft = (fields: Record<string, string> = {}) =>
    readDraft(
      "figure-value",
      {
        ...draftValues(storedLead(), data, "figure-value"),
        figure: "captives-remaining",
        value: "58",
        attribution: "Israel",
        evidence: QUOTE,
        ...fields,
      },
      context,
    );

  it("adds the source and the entry citing it in one edit", () => {
    const draft = figureDraft();
    if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
    const applied = draft.apply(shippedStoryText, data);
    const next = parseStoryText("gaza-2025.json", applied.text);
    expect(next.errors).toEqual([]);
    const story = next.data as StoryFile;
    expect(story.sources.at(-1)).toEqual({
      id: "reuters-2025-03-02",
      title: "Talks on phase two stall in Cairo",
      publisher: "Reuters",
      url: "https://www.reuters.com/world/middle-east/talks-stall-2025-03-02/",
      published: "2025-03-02T11:40:00+02:00",
    });
    expect(applied.at).toBe("figures[0].values[6]");
    expect(story.figures[0]?.values[6]).toMatchObject({
      value: 58,
      sourceId: "reuters-2025-03-02",
      evidence: QUOTE,
    });
  });

  it("cites the new source first in the forms that list sources, whatever the form sent", () => {
    const draft = readDraft(
      "event",
      {
        ...draftValues(storedLead(), data, "event"),
        id: "talks-stall",
        title: "Talks on phase two stall",
        sourceIds: "aj-2025-02-28",
        evidence: QUOTE,
      },
      context,
    );
    if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
    const story = parseStoryText("x.json", draft.apply(shippedStoryText, data).text).data as StoryFile;
    expect(story.events.at(-1)?.sourceIds).toEqual(["reuters-2025-03-02"]);
  });

  it("names a refused source field by the draft's name for it", () => {
    const draft = figureDraft({
      [SOURCE_FIELDS.title]: "",
      [SOURCE_FIELDS.url]: "javascript:alert(1)",
      value: "",
    });
    expect(draft.ok).toBe(false);
    if (draft.ok) return;
    expect(Object.keys(draft.errors).sort()).toEqual(
      [SOURCE_FIELDS.title, SOURCE_FIELDS.url, "value"].sort(),
    );
  });
});

describe("the saved entry of a used lead", () => {
  it("is named by ids, as the edit record names it", () => {
    expect(entryPath("figures[0].values[6]", data)).toBe("figures.captives-remaining.values[6]");
    const event = data.events[3]?.id;
    expect(entryPath("events[3]", data)).toBe(`events.${event}`);
    const deadline = data.deadlines[0]?.id;
    expect(entryPath("deadlines[0].moves[1]", data)).toBe(`deadlines.${deadline}.moves[1]`);
    expect(entryPath("events[99999]", data)).toBe("events[99999]");
  });

  it("is shown on the review page at its figure value, or its event, statement or deadline", () => {
    expect(entryAnchor("figures.captives-remaining.values[6]")).toBe("figures.captives-remaining.values[6]");
    expect(entryAnchor("deadlines.phase-one-ends.moves[1]")).toBe("deadlines.phase-one-ends");
    expect(entryAnchor("events.talks-stall")).toBe("events.talks-stall");
  });

  it("leaves a lead open until someone uses or dismisses it", () => {
    expect(isOpen(storedLead())).toBe(true);
    expect(isOpen(storedLead({ state: "dismissed" }))).toBe(false);
    expect(isOpen(storedLead({ state: "used", usedFor: "events.x" }))).toBe(false);
  });
});
