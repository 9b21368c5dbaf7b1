/**
 * The confirmation of a save, on the session's next page, once: what was saved, in which file, the
 * fields it changed, whether it is a correction, and whether the bot serves it already.
 */
import { describe, expect, it } from "vitest";
import { Sessions } from "../../src/desk/auth.js";
import { rememberSaved, savedBanner } from "../../src/desk/saved-banner.js";
import { ManualClock } from "../../src/time/clock.js";

const session = () => new Sessions(new ManualClock("2025-03-02T08:00:00Z")).create("ana");
const saved = {
  what: "Add a figure value",
  file: "data/gaza-2025.json",
  changes: [{ path: "figures.captives-remaining.values[3].value", old: "59", new: "58" }],
  correction: false,
  served: true,
};

describe("the banner of a save", () => {
  it("names what was saved, the file and each field changed, and says the bot serves it", async () => {
    const s = session();
    rememberSaved(s, saved);
    const banner = String(await savedBanner(s));
    expect(banner).toContain('role="status"');
    expect(banner).toContain("<strong>Saved</strong>: Add a figure value, in");
    expect(banner).toContain("<code>data/gaza-2025.json</code>");
    expect(banner).toContain(
      '<code>figures.captives-remaining.values[3].value</code>: 59 → <span dir="auto">58</span>',
    );
    expect(banner).toContain("The bot serves it now.");
  });

  it("is shown once", async () => {
    const s = session();
    rememberSaved(s, saved);
    expect(await savedBanner(s)).toBeDefined();
    expect(savedBanner(s)).toBeUndefined();
  });

  it("is nothing for a session that saved nothing, nor for another session", () => {
    const s = session();
    rememberSaved(s, saved);
    expect(savedBanner(session())).toBeUndefined();
  });

  it("says a correction is one, and warns when the bot did not load the data", async () => {
    const s = session();
    rememberSaved(s, { ...saved, correction: true, served: false, changes: [] });
    const banner = String(await savedBanner(s));
    expect(banner).toContain("<strong>Saved as a correction</strong>");
    expect(banner).toContain("The bot did not load it: another file of the data has errors");
    expect(banner).not.toContain("<ul>");
  });

  it("escapes what it names", async () => {
    const s = session();
    rememberSaved(s, { ...saved, what: "<script>x</script>" });
    expect(String(await savedBanner(s))).toContain("&lt;script&gt;x&lt;/script&gt;");
  });
});
