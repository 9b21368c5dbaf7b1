import { describe, expect, it } from "vitest";
import { registry } from "../../commands/index.js";
import { runCommand } from "../../src/command-engine/run.js";
import { renderText } from "../../src/platforms/console/text.js";
import { datasetOf, truceContext, truceStory } from "../support/index.js";

/** The truce with a quote on each statement that names it, so an answer's quotes can be told apart. */
function quotedTruce() {
  return datasetOf(
    truceStory((s) => {
      s.events[0].evidence = "The two sides agreed a truce on Friday, the wire said.";
      s.events[1].evidence = "Shots were fired at dawn on Saturday.";
      s.phases[0].evidence = "A truce of thirty days begins at 04:00 on Saturday.";
    }),
  );
}

const ask = (at: string, name: string, options: Record<string, unknown> = {}) =>
  runCommand(registry, name, options, truceContext(at, quotedTruce()));

describe("Why? — the quotes behind an answer", () => {
  it("offers a Why? button on an answer that states something sourced, asking /sources of: the same question", () => {
    const reply = ask("2025-01-26T12:00:00Z", "timeline", { from: "2025-01-10" });
    expect(reply.buttons).toContainEqual({
      label: "Why?",
      command: "sources",
      options: { of: "timeline", with: "from=2025-01-10" },
    });
  });

  it("answers /sources of:timeline privately with each event's quote, its source and date", () => {
    const reply = ask("2025-01-26T12:00:00Z", "sources", { of: "timeline", with: "from=2025-01-10" });
    expect(reply.ephemeral).toBe(true);
    const text = renderText(reply);
    expect(text).toContain(
      "Truce agreed: “The two sides agreed a truce on Friday, the wire said.” — Report of 2025-01-10 <https://example.org/s-0110> (Wire, 10 Jan 2025)",
    );
    expect(text).toContain("Shots fired at dawn: “Shots were fired at dawn on Saturday.”");
  });

  it("never quotes what was not known at that instant", () => {
    const text = renderText(ask("2025-01-20T12:00:00Z", "sources", { of: "timeline" }));
    expect(text).toContain("The two sides agreed a truce");
    expect(text).not.toContain("Shots were fired at dawn");
  });

  it("quotes the phase behind /phase", () => {
    expect(renderText(ask("2025-01-20T12:00:00Z", "sources", { of: "phase" }))).toContain(
      "The truce: “A truce of thirty days begins at 04:00 on Saturday.”",
    );
  });

  it("explains, privately, a question it cannot quote", () => {
    const reply = ask("2025-01-20T12:00:00Z", "sources", { of: "subscribe" });
    expect(reply.kind).toBe("error");
    expect(reply.ephemeral).toBe(true);
    expect(renderText(reply)).toContain("Option `of` must be a question");
  });

  it("has no Why? button on /sources itself", () => {
    expect(ask("2025-01-20T12:00:00Z", "sources").buttons ?? []).toEqual([]);
  });
});
