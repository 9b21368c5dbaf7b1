import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate-story.js";
import { storyAt } from "../../src/dataset/asof.js";
import { ALT_MAX } from "../../src/pictures/alt-text.js";
import { textWidth } from "../../src/pictures/svg.js";
import { TIMELINE_HEIGHT, TIMELINE_WIDTH, timelineDrawing } from "../../src/pictures/timeline-chart.js";
import { parseWhen } from "../../src/time/calendar.js";
import {
  AFTER,
  DURING,
  datasetOf,
  NOTHING_KNOWN,
  RANDOM_STORY_AT,
  randomStory,
  shippedData,
  truceDataset,
} from "../support/index.js";

const gaza = (at: string, options = {}) =>
  timelineDrawing(storyAt(shippedData().defaultStory, new Date(at)), "timeline", options);
const truce = (at: string) => timelineDrawing(storyAt(truceDataset().defaultStory, new Date(at)), "timeline");
/** Each text's horizontal extent, as the chart estimates text widths (textWidth). */
const textSpans = (svg: string) =>
  [...svg.matchAll(/<text x="([\d.-]+)"[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => {
    const [x, size, content] = [Number(m[1]), Number(m[2]), unescapeXml(m[3] ?? "")];
    const width = textWidth(content, size);
    const anchor = /text-anchor="(end|middle)"/.exec(m[0])?.[1];
    const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    return { content, left, right: left + width };
  });
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const marks = (svg: string) =>
  [...svg.matchAll(/data-deadline="([^"]+)" data-status="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);

describe("timeline chart", () => {
  it("draws nothing before anything of the story is known", () => {
    expect(gaza(NOTHING_KNOWN)).toBeUndefined();
  });

  it("draws phase one in force, the deadlines known on 28 February and today's mark", () => {
    const svg = gaza(DURING)?.svg ?? "";
    expect(svg).toContain('data-phase="phase-one" data-state="in-force"');
    expect(svg).toContain("Phase one · 19 Jan 2025 – 1 Mar 2025 · in force");
    expect(svg).toContain("Phase two: not started, no dates set");
    expect(marks(svg)).toEqual([
      "saturday-noon-hostage-ultimatum-2025-02-15:met",
      "phase-one-end:scheduled",
      "philadelphi-withdrawal-start:scheduled",
      "philadelphi-withdrawal-complete:scheduled",
    ]);
    expect(svg).toContain('data-today="2025-02-28"');
    expect(svg).toContain("today, 28 Feb 2025");
  });

  it("shows no outcome before it is known: phase one ended and the Philadelphi withdrawal disputed only by 5 March", () => {
    expect(gaza(DURING)?.svg).not.toMatch(/disputed"|· ended/);
    const after = gaza(AFTER)?.svg ?? "";
    expect(after).toContain('data-phase="phase-one" data-state="ended"');
    expect(marks(after)).toContain("philadelphi-withdrawal-start:disputed");
    expect(gaza("2025-02-14T10:00:00Z")?.svg).not.toMatch(/Philadelphi|Phase two/);
  });

  it("shows a moved deadline at its new date with its old date, once the move is known", () => {
    expect(truce("2025-01-25T08:00:00Z")?.svg).not.toContain("data-old-due");
    const svg = truce("2025-01-26T08:00:00Z")?.svg ?? "";
    expect(svg).toContain('data-old-due="2025-01-26"');
    expect(svg).toContain("was 26 Jan 2025");
    expect(marks(svg)).toContain("handover:extended");
    expect(truce("2025-01-26T08:00:00Z")?.alt).toContain(
      "Handover of prisoners, due 18 Feb 2025 (moved from 26 Jan 2025), extended",
    );
  });

  it("shows the planned end of a phase whose end moved", () => {
    const svg = truce("2025-02-15T08:00:00Z")?.svg ?? "";
    expect(svg).toContain('data-planned-end="2025-02-10"');
    expect(svg).toContain("(planned end was 10 Feb 2025)");
  });

  it("keeps every label inside the picture, a phase's shortened where no side of its band has room", () => {
    // Today, the October 2025 phase one's long name has no room inside, after or before its band.
    for (const at of [DURING, AFTER, "2026-12-07T12:00:00Z"]) {
      const spans = textSpans(gaza(at)?.svg ?? "");
      expect(spans.length).toBeGreaterThan(5);
      for (const span of spans) {
        expect(span.left, `${at}: ${span.content}`).toBeGreaterThanOrEqual(0);
        expect(span.right, `${at}: ${span.content}`).toBeLessThanOrEqual(TIMELINE_WIDTH);
      }
    }
    expect(textSpans(gaza("2026-12-07T12:00:00Z")?.svg ?? "").map((s) => s.content)).toContainEqual(
      expect.stringMatching(/^Phase one of the October 2025 ceasefire.*…$/),
    );
  });

  it("highlights the page's span", () => {
    const window = { from: parseWhen("2025-02-01"), to: parseWhen("2025-02-08") };
    expect(gaza(DURING, { window })?.svg).toContain('data-window="page"');
    expect(gaza(DURING)?.svg).not.toContain('data-window="page"');
    expect(gaza(DURING, { window })?.alt).toContain("this page covers 1 Feb 2025 to 8 Feb 2025");
  });

  it("names its file after what, the story and the day, and says what it shows in words", () => {
    const drawing = gaza(DURING, { highlight: "phase-one" });
    expect(drawing?.parts).toEqual(["gaza-2025", "phase-one", "2025-02-28"]);
    expect([drawing?.width, drawing?.height]).toEqual([TIMELINE_WIDTH, TIMELINE_HEIGHT]);
    expect(drawing?.alt).toMatch(
      /^Timeline of .* as known on 28 Feb 2025, marked as today\. Phases: Phase one, from 19 Jan 2025 to 1 Mar 2025, in force; /,
    );
    expect(drawing?.svg).toContain('data-phase="phase-one" data-state="in-force" x');
    expect(drawing?.svg).toMatch(/data-phase="phase-one"[^>]*stroke-width="2"/);
  });

  it("keeps hostile text of random stories escaped and stripped of controls", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const drawing = timelineDrawing(
        storyAt(datasetOf(randomStory(seed)).defaultStory, new Date(RANDOM_STORY_AT)),
        "timeline",
      );
      if (!drawing) continue;
      const texts = [...drawing.svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");
      expect(
        drawing.svg.match(/<(\w+)/g)?.every((t) => ["<svg", "<rect", "<text", "<line", "<path"].includes(t)),
        `seed ${seed}`,
      ).toBe(true);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls no picture may carry.
      const controls = /[\u202a-\u202e\u2066-\u2069\u0000-\u001f]/;
      for (const t of texts) expect(t, `seed ${seed}`).not.toMatch(controls);
      expect([...drawing.alt].length).toBeLessThanOrEqual(ALT_MAX);
      expect(drawing.alt).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it("draws a 10,000-event story with its marks capped, its alt text within 1,000 characters", () => {
    const story = generateDataset().defaultStory;
    const drawing = timelineDrawing(storyAt(story, new Date("2024-12-31T12:00:00Z")), "timeline");
    expect(drawing).toBeDefined();
    expect(drawing?.svg.length).toBeLessThan(200_000);
    expect(marks(drawing?.svg ?? "").length).toBeLessThanOrEqual(24);
    expect(drawing?.alt).toMatch(/events known/);
    expect([...(drawing?.alt ?? "")].length).toBeLessThanOrEqual(ALT_MAX);
  });
});
