/**
 * The schema of a story file, as the loader reports what breaks it: every field of the wrong type or
 * missing, every unknown field named on the object that holds it, every value outside its list, and
 * every source address that is not a web page, as `file: path.to[3].field: message`.
 */
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.js";
import { lines, loadBroken, shippedStory, writeStoryFolder } from "../support/index.js";

describe("what the schema refuses", () => {
  it("a missing required field", async () => {
    expect(await loadBroken((s) => delete s.story.title)).toEqual(["story.title: is required (string)"]);
  });

  it("a missing required list, without a cascade of unknown-id errors", async () => {
    expect(await loadBroken((s) => delete s.sources)).toEqual(["sources: is required (array)"]);
  });

  it("a value of the wrong type", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[0].values[0].value = "59";
      }),
    ).toEqual(["figures[0].values[0].value: Invalid input: expected number, received string"]);
  });

  it("a non-integer length", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].lengthDays = 41.5;
      }),
    ).toEqual(["phases[0].lengthDays: Invalid input: expected int, received number"]);
  });

  it("a time zone that is not an IANA zone", async () => {
    expect(
      await loadBroken((s) => {
        s.story.timeZone = "Asia/Jerusalm";
      }),
    ).toEqual(["story.timeZone: must be an IANA time zone like Asia/Jerusalem"]);
  });

  it("unknown fields, named on the object that holds them", async () => {
    expect(
      await loadBroken((s) => {
        s.phases[0].extra = 1;
        s.phases[0].lenghtDays = 42;
      }),
    ).toEqual(['phases[0]: unknown field(s) "extra", "lenghtDays"']);
  });

  it("an unknown top-level field, reported at (root)", async () => {
    expect(
      await loadBroken((s) => {
        s.notes = "x";
      }),
    ).toEqual(['(root): unknown field(s) "notes"']);
  });

  it("an empty sourceIds list", async () => {
    expect(
      await loadBroken((s) => {
        s.events[0].sourceIds = [];
      }),
    ).toEqual(["events[0].sourceIds: Too small: expected array to have >=1 items"]);
  });

  it("a qualifier that is not one of the known ones", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[5].values[0].qualifier = "approximately";
      }),
    ).toEqual([
      'figures[5].values[0].qualifier: Invalid option: expected one of "exactly"|"more-than"|"fewer-than"|"about"|"at-least"|"up-to"',
    ]);
  });

  it("a negative figure value", async () => {
    expect(
      await loadBroken((s) => {
        s.figures[0].values[0].value = -59;
      }),
    ).toEqual(["figures[0].values[0].value: Too small: expected number to be >=0"]);
  });

  it("a party role that is not one of the known ones", async () => {
    expect(
      await loadBroken((s) => {
        delete s.parties[2].roles;
        s.parties[2].role = "negotiator";
      }),
    ).toEqual([
      'parties[2].role: Invalid option: expected one of "signatory"|"belligerent"|"mediator"|"guarantor"|"monitor"|"host"|"other"',
    ]);
  });

  it("an event tag with capitals", async () => {
    expect(
      await loadBroken((s) => {
        s.events[0].tags = ["war", "October-7"];
      }),
    ).toEqual(["events[0].tags[1]: tags are lower-case words with dashes"]);
  });

  it("a source url that is not a URL", async () => {
    expect(
      await loadBroken((s) => {
        s.sources[0].url = "aljazeera dot com";
      }),
    ).toEqual(["sources[0].url: Invalid URL"]);
  });

  it("a source url that is not a web address (javascript:, data:, file:), named with its path", async () => {
    expect(
      await loadBroken((s) => {
        s.sources[0].url = "javascript:alert(document.cookie)";
        s.sources[1].url = "data:text/html,<script>alert(1)</script>";
        s.sources[2].url = "file:///etc/passwd";
      }),
    ).toEqual([
      "sources[0].url: must be an http: or https: address, not javascript:",
      "sources[1].url: must be an http: or https: address, not data:",
      "sources[2].url: must be an http: or https: address, not file:",
    ]);
  });

  it("a source url with http: or https: in any case is accepted", async () => {
    const story = shippedStory();
    story.sources[0].url = "HTTP://example.org/a";
    story.sources[1].url = "https://example.org/b?c=d#e";
    expect(lines(await loadDataset(writeStoryFolder({ "story.json": story })))).toEqual([]);
  });
});
