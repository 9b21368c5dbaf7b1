/** After a refused save, the form keeps the curator's entries and shows what the file holds now. */
import { describe, expect, it } from "vitest";
import { indexStory, type Story } from "../../src/dataset/dataset.js";
import { parseStoryText } from "../../src/dataset/load.js";
import type { StoryFile } from "../../src/dataset/schema.js";
import { currentValues, keptEntries } from "../../src/desk/conflict.js";
import { shippedStory, shippedStoryText } from "../support/index.js";

const story: Story = indexStory(
  "gaza-2025.json",
  parseStoryText("gaza-2025.json", shippedStoryText).data as StoryFile,
);
const text = async (h: unknown) => String(await h);

describe("a refused save", () => {
  it("shows the item the form edits as the file holds it now, escaped", async () => {
    const raw = shippedStory();
    raw.deadlines[0].title = "<b>moved</b>";
    const shown = await text(
      currentValues(story, "deadline-move", { deadline: raw.deadlines[0].id }, JSON.stringify(raw)),
    );
    expect(shown).toContain("In the file now");
    expect(shown).toContain(`<code>deadlines</code> › <code>${raw.deadlines[0].id}</code>`);
    expect(shown).toContain("&lt;b&gt;moved&lt;/b&gt;");
    expect(shown).not.toContain("<b>moved");
  });

  it("says when the file has no item with the form's id, and shows its last items", async () => {
    const shown = await text(currentValues(story, "claim", { id: "new-claim" }, shippedStoryText));
    expect(shown).toContain("No statement has the id <code>new-claim</code> in the file now.");
    expect(shown).toContain("The last 3 statements of the file");
  });

  it("shows the file's errors when it does not load now", async () => {
    const shown = await text(currentValues(story, "event", { id: "x" }, '{ "story": '));
    expect(shown).toContain("The file does not load now:");
    expect(shown).toMatch(/gaza-2025\.json: .*line 1/);
  });

  it("keeps every entry but the value picked to correct, which is picked again", () => {
    expect(keptEntries({ title: "Talks stall", id: "talks-stall" })).toEqual({
      values: { title: "Talks stall", id: "talks-stall" },
      errors: {},
    });
    expect(keptEntries({ figure: "f", value: "3", corrects: "f:2" })).toEqual({
      values: { figure: "f", value: "3", corrects: "" },
      errors: { corrects: "The file changed since you chose it: choose the value to correct again." },
    });
  });
});
