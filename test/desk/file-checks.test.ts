/**
 * A story's file as it is on disk now, while the dataset holds the last good load: its errors,
 * checked again only when the file changed, and its items as written, to show beside their errors.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDataError } from "../../src/dataset/load.js";
import { FileChecks, rawItems } from "../../src/desk/file-checks.js";
import { datasetOf, tempDir, truceStory } from "../support/index.js";

/** The truce, loaded, with its file at a path of the test's own. */
function onDisk() {
  const file = join(tempDir(), "truce.json");
  writeFileSync(file, JSON.stringify(truceStory(), null, 2));
  const story = { ...datasetOf(truceStory()).defaultStory, file };
  return { file, story };
}

describe("a story file's errors", () => {
  it("are none while the file loads, and the file's own once it is broken", async () => {
    const { file, story } = onDisk();
    const checks = new FileChecks();
    expect(await checks.errors(story)).toEqual([]);
    writeFileSync(
      file,
      JSON.stringify(
        truceStory((s) => delete s.story.title),
        null,
        2,
      ),
    );
    expect((await checks.errors(story)).map(formatDataError)).toEqual([
      `${file}: story.title: is required (string)`,
    ]);
  });

  it("say the file cannot be read when it is gone", async () => {
    const { story } = onDisk();
    const gone = { ...story, file: join(tempDir(), "gone.json") };
    const [error] = await new FileChecks().errors(gone);
    expect(error?.message).toMatch(/^cannot read: ENOENT/);
  });
});

describe("a story file's items as written", () => {
  it("are each item of each list, by path", async () => {
    const { story } = onDisk();
    const items = await rawItems(story);
    expect(items.get("events[0]")).toMatchObject({ id: "agreed", title: "Truce agreed" });
    expect(items.get("sources[3]")).toMatchObject({ id: "s-0220" });
    expect(items.has("story")).toBe(false);
  });

  it("are none when the file is not JSON", async () => {
    const { file, story } = onDisk();
    writeFileSync(file, "{ not json");
    expect((await rawItems(story)).size).toBe(0);
  });
});
