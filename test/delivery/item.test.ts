/** How late an item went out, as its reply says: in minutes up to an hour and a half, then in hours. */
import { describe, expect, it } from "vitest";
import { defaultLateText, wordedOnce } from "../../src/delivery/item.js";
import { wordsFor } from "../../src/language/words.js";

const DUE = new Date("2025-02-28T07:00:00Z");
const later = (minutes: number) => new Date(DUE.getTime() + minutes * 60_000);

describe("how late an item was sent", () => {
  it("says minutes, at least one, up to an hour and a half", () => {
    expect(defaultLateText(DUE, later(0.2))).toBe("sent 1 minute late");
    expect(defaultLateText(DUE, later(6))).toBe("sent 6 minutes late");
    expect(defaultLateText(DUE, later(89))).toBe("sent 89 minutes late");
  });

  it("says hours, rounded, from an hour and a half", () => {
    expect(defaultLateText(DUE, later(90))).toBe("sent 2 hours late");
    expect(defaultLateText(DUE, later(60 * 5 + 10))).toBe("sent 5 hours late");
  });
});

describe("how late an item was sent, in the channel's language", () => {
  it("counts minutes and hours in Arabic with the plural form of each count: 1, 2, 3, 11 and 100", () => {
    const ar = wordsFor("ar");
    expect(defaultLateText(DUE, later(1), ar)).toBe("أُرسل بتأخير دقيقة واحدة");
    expect(defaultLateText(DUE, later(2), ar)).toBe("أُرسل بتأخير دقيقتين");
    expect(defaultLateText(DUE, later(3), ar)).toBe("أُرسل بتأخير 3 دقائق");
    expect(defaultLateText(DUE, later(11), ar)).toBe("أُرسل بتأخير 11 دقيقة");
    expect(defaultLateText(DUE, later(100 * 60), ar)).toBe("أُرسل بتأخير 100 ساعة");
    expect(defaultLateText(DUE, later(120), ar)).toBe("أُرسل بتأخير ساعتين");
  });

  it("says it in Hebrew and French", () => {
    expect(defaultLateText(DUE, later(120), wordsFor("he"))).toBe("נשלח באיחור של שעתיים");
    expect(defaultLateText(DUE, later(6), wordsFor("fr"))).toBe("envoyé avec 6 minutes de retard");
  });
});

describe("an item's reply, worded once per language", () => {
  it("gives every channel of a language the same reply, and words a late one anew", () => {
    let made = 0;
    const reply = wordedOnce((late, words) => {
      made++;
      return {
        kind: "answer",
        title: words.t("alerts.title.reminder"),
        summary: [late ?? ""],
        ephemeral: false,
      };
    });
    expect(reply(undefined, "ar")).toBe(reply(undefined, "ar"));
    expect(reply(undefined, "ar").title).toBe("تذكير");
    expect(reply(undefined).title).toBe("Reminder");
    expect(made).toBe(2);
    expect(reply("sent 2 hours late", "ar")).not.toBe(reply(undefined, "ar"));
    expect(made).toBe(3);
  });
});
