/**
 * How a reply looks on each platform in the desk's preview: the console text, the Discord embed and
 * the Slack blocks drawn close to what the clients show, times as instants in UTC, the raw payload of
 * each beside it, and every text escaped.
 */
import { describe, expect, it } from "vitest";
import { readableTimes, replyPreviews } from "../../src/desk/preview.js";
import { wordsFor } from "../../src/language/words.js";
import { DURING, run } from "../support/index.js";

const render = async (h: unknown) => String(await h);

describe("platform time markup", () => {
  it("becomes the instant in UTC (Discord) or the fallback text (Slack)", () => {
    expect(readableTimes("Ends <t:1740866400:R>.")).toBe("Ends 2025-03-01T22:00 UTC.");
    expect(readableTimes("Ends <t:1740866400>.")).toBe("Ends 2025-03-01T22:00 UTC.");
    expect(readableTimes("Ends <!date^1740866400^{date_short}|1 Mar 2025, 00:00>.")).toBe(
      "Ends 1 Mar 2025, 00:00.",
    );
    expect(readableTimes("no markup")).toBe("no markup");
  });
});

describe("a reply's previews", () => {
  it("show it on the console, on Discord and on Slack, each with its payload", async () => {
    const out = await render(replyPreviews(run("captives", {}, DURING)));
    expect(out).toContain("<h4>Console</h4>");
    expect(out).toContain("<h4>Discord</h4>");
    expect(out).toContain("<h4>Slack</h4>");
    expect(out).toContain('<div class="embed"');
    expect(out).toContain('<div class="slack-header"');
    expect(out.match(/<summary>Payload<\/summary>/g)).toHaveLength(2);
  });

  it("say when only the person who asked sees it", async () => {
    const out = await render(replyPreviews(run("timeline", { page: "99" }, DURING)));
    expect(out).toContain("Only you can see this");
    expect(out).toContain("Only visible to you");
  });

  it("say it, and name their parts, in the curator's language", async () => {
    const out = await render(replyPreviews(run("timeline", { page: "99" }, DURING), wordsFor("ar")));
    expect(out).toContain("<h4>سطر الأوامر</h4>");
    expect(out).toContain("هذه الرسالة مرئية لك وحدك");
    expect(out).toContain("مرئية لك فقط");
    expect(out.match(/<summary>البيانات المرسلة<\/summary>/g)).toHaveLength(2);
    expect(out).not.toContain("Only you can see this");
  });

  it("escape the reply's texts", async () => {
    const out = await render(
      replyPreviews({
        kind: "answer",
        title: "<script>x</script>",
        summary: ["<img src=x>"],
        ephemeral: false,
      }),
    );
    expect(out).not.toContain("<script>x</script>");
    expect(out).not.toContain("<img src=x>");
    expect(out).toContain("&lt;script&gt;");
  });
});
