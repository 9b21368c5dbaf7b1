/**
 * The source form's publication: a date, or a date and the time the page gives, written as an instant
 * with the offset of the curator's time zone (the story's by default) at that moment.
 */
import { describe, expect, it } from "vitest";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import { FORMS } from "../../src/desk/edits.js";
import { instantWithOffset, publishedOf } from "../../src/desk/published.js";
import { wordsFor } from "../../src/language/words.js";
import { shippedStoryText } from "../support/index.js";

const STORY_ZONE = "Asia/Jerusalem";
const published = (fields: Record<string, string>) => publishedOf(fields, STORY_ZONE);

describe("a source's publication on the desk", () => {
  it("is a date when no time is given", () => {
    expect(published({ published: "2025-03-02" })).toEqual({ published: "2025-03-02" });
    expect(published({ published: "2025-03-02", publishedTime: " ", publishedZone: "" })).toEqual({
      published: "2025-03-02",
    });
  });

  it("is an instant with the story's offset then, for a time without a zone (winter and summer time)", () => {
    expect(published({ published: "2025-03-02", publishedTime: "10:15" })).toEqual({
      published: "2025-03-02T10:15:00+02:00",
    });
    expect(published({ published: "2025-10-13", publishedTime: "7:05" })).toEqual({
      published: "2025-10-13T07:05:00+03:00",
    });
  });

  it("is an instant with the offset of the zone the curator names", () => {
    expect(published({ published: "2025-03-01", publishedTime: "23:28", publishedZone: "UTC" })).toEqual({
      published: "2025-03-01T23:28:00+00:00",
    });
    expect(
      published({ published: "2025-03-09", publishedTime: "14:16", publishedZone: "America/New_York" }),
    ).toEqual({ published: "2025-03-09T14:16:00-04:00" });
    expect(
      published({ published: "2025-03-07", publishedTime: "23:20", publishedZone: "Asia/Karachi" }),
    ).toEqual({ published: "2025-03-07T23:20:00+05:00" });
  });

  it("passes an instant typed whole to the schema, which checks it", () => {
    expect(published({ published: "2025-03-02T05:36:00+02:00" })).toEqual({
      published: "2025-03-02T05:36:00+02:00",
    });
  });

  it("refuses a bad time, a bad zone, a zone without a time and a time the clocks skipped, at their fields", () => {
    expect(published({ published: "2025-03-02", publishedTime: "25:00" })).toEqual({
      errors: { publishedTime: "must be a time HH:MM on a 24-hour clock, like 23:28" },
    });
    expect(
      published({ published: "2025-03-02", publishedTime: "10:00", publishedZone: "Mars/Olympus" }),
    ).toEqual({ errors: { publishedZone: "must be an IANA time zone like Europe/London or UTC" } });
    expect(published({ published: "2 March", publishedTime: "10:00" })).toEqual({
      errors: { published: "must be a calendar date YYYY-MM-DD when a time is given" },
    });
    expect(published({ published: "2025-03-02", publishedZone: "UTC" })).toEqual({
      errors: { publishedZone: "give the time of publication too, or leave the zone empty" },
    });
    expect(
      published({ published: "2025-03-30", publishedTime: "01:30", publishedZone: "Europe/London" }),
    ).toEqual({
      errors: {
        publishedTime:
          "01:30 did not happen on 2025-03-30 in Europe/London (the clocks moved forward): check the time",
      },
    });
  });

  it("is written by the source form, which validates with it", () => {
    const data = parseStoryText("gaza-2025.json", shippedStoryText).data as StoryFile;
    const form = FORMS.source.read(
      {
        id: "reuters-2025-03-02",
        title: "Talks on phase two stall",
        url: "https://www.reuters.com/world/middle-east/talks-2025-03-02/",
        published: "2025-03-02",
        publishedTime: "09:40",
        publishedZone: "Europe/London",
      },
      { now: new Date("2025-03-03T00:00:00Z"), timeZone: data.story.timeZone },
    );
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const applied = form.apply(shippedStoryText, data);
    expect(applied.at).toBe(`sources[${data.sources.length}]`);
    const after = parseStoryText("x.json", applied.text);
    expect(after.errors).toEqual([]);
    expect(after.data?.sources.at(-1)?.published).toBe("2025-03-02T09:40:00+00:00");
    expect(
      FORMS.source.read(
        { id: "x", title: "x", published: "2025-03-02", publishedTime: "9h" },
        { now: new Date(), timeZone: data.story.timeZone },
      ),
    ).toEqual({
      ok: false,
      errors: { publishedTime: "must be a time HH:MM on a 24-hour clock, like 23:28" },
    });
  });
});

describe("an instant written as a source's publication", () => {
  it("is the wall time in the zone with that zone's offset then, to the second", () => {
    const at = new Date("2025-03-02T09:40:05Z");
    expect(instantWithOffset(at, STORY_ZONE)).toBe("2025-03-02T11:40:05+02:00");
    expect(instantWithOffset(at, "UTC")).toBe("2025-03-02T09:40:05+00:00");
    expect(instantWithOffset(new Date("2025-10-12T22:30:00Z"), STORY_ZONE)).toBe("2025-10-13T01:30:00+03:00");
    expect(instantWithOffset(at, "America/New_York")).toBe("2025-03-02T04:40:05-05:00");
  });
});

describe("a source's publication refused", () => {
  it("is told in the curator's language", () => {
    const form = { published: "2025-03-30", publishedTime: "25:10", publishedZone: "Mars/Base" };
    expect(publishedOf(form, "Asia/Jerusalem", wordsFor("fr"))).toEqual({
      errors: {
        publishedTime: "doit être une heure HH:MM sur 24 heures, comme 23:28",
        publishedZone: "doit être un fuseau horaire IANA, comme Europe/London ou UTC",
      },
    });
    const zoneOnly = publishedOf({ published: "2025-03-30", publishedZone: "UTC" }, "UTC", wordsFor("he"));
    expect(zoneOnly).toEqual({
      errors: { publishedZone: "יש לציין גם את שעת הפרסום, או להשאיר את אזור הזמן ריק" },
    });
  });
});
