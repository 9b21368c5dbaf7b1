import { describe, expect, it } from "vitest";
import { sourceKnownFrom } from "../../src/dataset/known.js";
import { parseWhen } from "../../src/time/calendar.js";

const TZ = "Asia/Jerusalem";
const known = (published: string, about?: string) =>
  new Date(sourceKnownFrom(parseWhen(published), about ? parseWhen(about) : undefined, TZ)).toISOString();

describe("when a source makes a statement known", () => {
  it("a source with a publication instant: from that instant", () => {
    expect(known("2025-03-01T23:28:00+00:00", "2025-03-01")).toBe("2025-03-01T23:28:00.000Z");
  });

  it("a dated source, of what happened before its day: from the start of its day", () => {
    expect(known("2025-03-02", "2025-03-01")).toBe("2025-03-01T22:00:00.000Z");
  });

  it("a dated source, of a timed event of its own day: from the event's instant", () => {
    expect(known("2025-03-02", "2025-03-02T10:00:00+02:00")).toBe("2025-03-02T08:00:00.000Z");
  });

  it("a dated source, of an untimed event of its own day: only from the end of that day", () => {
    expect(known("2025-03-02", "2025-03-02")).toBe("2025-03-02T22:00:00.000Z");
  });

  it("a dated source, of what is not tied to a day (a party, a term): from the start of its day", () => {
    expect(known("2025-03-02")).toBe("2025-03-01T22:00:00.000Z");
  });
});
