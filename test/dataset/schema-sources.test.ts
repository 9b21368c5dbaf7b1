/** A story's sources as the schema reads them: a web address is http: or https: only. */
import { describe, expect, it } from "vitest";
import { sourceSchema } from "../../src/dataset/schema-sources.js";

const source = { id: "aj-2025-02-28", title: "Talks start", published: "2025-02-28" };

describe("a source", () => {
  it("may name a web page", () => {
    expect(sourceSchema.safeParse({ ...source, url: "https://www.aljazeera.com/news" }).success).toBe(true);
  });

  it("refuses an address that would run or open something else than a page, naming its scheme", () => {
    const parsed = sourceSchema.safeParse({ ...source, url: "javascript:alert(1)" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("must be an http: or https: address, not javascript:");
  });

  it("refuses an unknown field", () => {
    expect(sourceSchema.safeParse({ ...source, translations: { ar: { title: "x" } } }).success).toBe(false);
  });
});
