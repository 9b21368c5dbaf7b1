/**
 * How every problem in the data is reported: a JSON syntax error at its line and column, text that is
 * not valid Unicode at its path, each as `file: path.to[3].field: message`.
 */
import { describe, expect, it } from "vitest";
import { formatDataError, loadDataset, parseStoryText } from "../../src/dataset/load.js";
import {
  escapeRegExp,
  lines,
  loadBroken,
  reported,
  shippedStoryText,
  writeStoryFolder,
} from "../support/index.js";

describe("reporting invalid JSON", () => {
  it("reports a syntax error with its line and column", async () => {
    // A missing colon on line 5: `    "title" "Israel-Hamas …`.
    const text = shippedStoryText.replace('"title": "Israel-Hamas', '"title" "Israel-Hamas');
    const dir = writeStoryFolder({ "story.json": text });
    const out = lines(await loadDataset(dir));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      new RegExp(
        `^${escapeRegExp(reported(dir, "story.json"))}: \\(root\\): invalid JSON at line 5, column 13: `,
      ),
    );
  });

  // The two cases below put a comma into the shipped file; the place reported is that of the token
  // the comma leaves unexpected (the "}" or "]" after it), wherever the file's layout puts it.
  it("reports a trailing comma after the last property with its line and column", async () => {
    const comma = shippedStoryText.indexOf('"default": true') + '"default": true'.length;
    const text = `${shippedStoryText.slice(0, comma)},${shippedStoryText.slice(comma)}`;
    const out = parseStoryText("story.json", text).errors.map(formatDataError);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      new RegExp(`^story\\.json: \\(root\\): invalid JSON at ${nextTokenPlace(text, comma)}: `),
    );
    expect(nextTokenPlace(text, comma)).toMatch(/, column 3$/); // the story's closing "}", indented by 2
  });

  // On Node 20 V8 gives no "position N" for several common mistakes (a trailing comma in a list, a
  // bare word, single quotes, a truncated file): the loader finds the place itself.
  it("reports a trailing comma in a list with its line and column", async () => {
    const list = /"leadTimes": \[\s*"1d",\s*"0d"/.exec(shippedStoryText);
    expect(list).not.toBeNull();
    const comma = (list?.index ?? 0) + (list?.[0].length ?? 0);
    const text = `${shippedStoryText.slice(0, comma)},${shippedStoryText.slice(comma)}`;
    const out = parseStoryText("story.json", text).errors.map(formatDataError);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      new RegExp(`^story\\.json: \\(root\\): invalid JSON at ${nextTokenPlace(text, comma)}: `),
    );
  });

  it("reports a truncated file with the line and column where it ends", async () => {
    // The editor saved the file half-way, right after `"id": ` on line 3.
    const text = `{\n  "story": {\n    "id": `;
    const out = parseStoryText("story.json", text).errors.map(formatDataError);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^story\.json: \(root\): invalid JSON at line 3, column 11: /);
  });
});

describe("text that is not valid Unicode, or that could reorder a reply", () => {
  it("refuses a lone surrogate in any text, at its path, with the schema's other errors", async () => {
    expect(
      await loadBroken((s) => {
        s.events[3].title = "Talks \ud800resume";
        s.sources[1].publisher = "\udc00";
        s.figures[0].values[0].value = "59";
      }),
    ).toEqual([
      "sources[1].publisher: contains a lone surrogate (U+DC00)",
      "events[3].title: contains a lone surrogate (U+D800)",
      "figures[0].values[0].value: Invalid input: expected number, received string",
    ]);
  });

  it("refuses a lone surrogate in a file that otherwise loads", async () => {
    expect(
      await loadBroken((s) => {
        s.claims[2].quote = "we are ready \udbff";
      }),
    ).toEqual(["claims[2].quote: contains a lone surrogate (U+DBFF)"]);
  });
});

/** "line L, column C" (both from 1) of the first character after `index` in `text` that is not white space. */
function nextTokenPlace(text: string, index: number): string {
  const at = index + 1 + text.slice(index + 1).search(/\S/);
  const line = text.slice(0, at).split("\n").length;
  const column = at - text.lastIndexOf("\n", at - 1);
  return `line ${line}, column ${column}`;
}
