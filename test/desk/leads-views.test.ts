/**
 * The parts of the leads page: each lead as its feed gave it, every text escaped; the article linked
 * apart, without a referrer, and only when it is an http or https address; an open lead's draft and
 * dismiss buttons, a decided one's who and when, a used one's link to its saved entry; the tabs.
 */
import { describe, expect, it } from "vitest";
import { DRAFT_FORMS } from "../../src/desk/lead-draft.js";
import {
  draftLabel,
  leadList,
  leadsPath,
  leadTabOf,
  leadTabs,
  staleLead,
  tabCount,
} from "../../src/desk/leads-views.js";
import { shippedData, storedLead } from "../support/index.js";

const story = shippedData().defaultStory;
const render = async (h: unknown) => String(await h);
const cx = { story, csrf: "token-1", tab: "new" as const, page: 2 };
const HOSTILE = '<img src=x onerror="alert(1)"> & "quotes"';

describe("a lead", () => {
  it("shows its title, outlet and summary escaped, never as markup", async () => {
    const page = await render(
      leadList(
        [storedLead({ title: HOSTILE, outlet: "<b>Outlet</b>", summary: "<script>x()</script>" })],
        cx,
      ),
    );
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<b>Outlet");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot;");
    expect(page).toContain("&lt;script&gt;x()&lt;/script&gt;");
  });

  it("links the article apart, without a referrer or endorsement", async () => {
    const page = await render(leadList([storedLead({ id: 3 })], cx));
    expect(page).toContain(
      '<a id="lead-3-title" href="https://www.reuters.com/world/middle-east/talks-stall-2025-03-02/" rel="noopener noreferrer nofollow" target="_blank" dir="auto">Talks on phase two stall in Cairo</a>',
    );
  });

  it("is no link when its address is not http or https", async () => {
    const page = await render(leadList([storedLead({ id: 3, link: "javascript:alert(1)" })], cx));
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('<span id="lead-3-title" dir="auto">Talks on phase two stall in Cairo</span>');
  });

  it("gives its instants in the story's zone, what it matched, and says when the feed gave no publication", async () => {
    const page = await render(leadList([storedLead({ matched: ["ceasefire", "hostages"] })], cx));
    expect(page).toMatch(/Published 2 Mar 2025, 11:40 GMT\+2/);
    expect(page).toMatch(/found 2 Mar 2025, 11:45 GMT\+2/);
    expect(page).toContain("matched: ceasefire, hostages");
    const undated = await render(leadList([storedLead({ publishedAt: undefined, matched: [] })], cx));
    expect(undated).toContain("Published (the feed does not say)");
    expect(undated).toContain("matched: (no keywords)");
  });

  it("when open, starts a draft of each kind and dismisses with the session's token, coming back to its page", async () => {
    const page = await render(leadList([storedLead({ id: 9 })], cx));
    for (const form of DRAFT_FORMS) expect(page).toContain(`>${draftLabel(form)}</button>`);
    expect(page).toContain('action="/desk/stories/gaza-2025/edit/figure-value"');
    expect(page).toContain('<input type="hidden" name="lead" value="9" />');
    expect(page).toContain('action="/desk/stories/gaza-2025/leads/9/dismiss"');
    expect(page).toContain('<input type="hidden" name="_csrf" value="token-1" />');
    expect(page).toContain('<input type="hidden" name="page" value="2" />');
  });

  it("when used, links to the saved entry on the story's review and offers nothing more", async () => {
    const used = storedLead({
      state: "used",
      usedFor: "deadlines.phase-one-ends.moves[1]",
      decidedBy: "ana",
      decidedAt: new Date("2025-03-02T10:00:00Z"),
    });
    const page = await render(leadList([used], cx));
    expect(page).toContain('href="/desk/stories/gaza-2025#deadlines.phase-one-ends"');
    expect(page).toContain("<code>deadlines.phase-one-ends.moves[1]</code>");
    expect(page).toMatch(/Used by ana, 2 Mar 2025, 12:00 GMT\+2/);
    expect(page).not.toContain("Dismiss</button>");
    expect(page).not.toContain("Start a draft");
  });

  it("when decided by someone else meanwhile, says who and when", async () => {
    const page = await render(staleLead(storedLead({ state: "dismissed", decidedBy: "bea" }), story));
    expect(page).toContain("This lead is no longer open");
    expect(page).toContain("Dismissed by bea");
    expect(page).toContain('href="/desk/stories/gaza-2025/leads?state=new"');
  });

  it("lists nothing with a word when a tab is empty", async () => {
    expect(await render(leadList([], cx))).toBe("<p>No leads here.</p>");
  });
});

describe("the tabs of the leads page", () => {
  const counts = { new: 2, used: 1, dismissed: 4 };

  it("count each state and all, marking the current tab", async () => {
    const tabs = await render(leadTabs("gaza-2025", "used", counts));
    expect(tabs).toContain('<a href="/desk/stories/gaza-2025/leads?state=new" >New (2)</a>');
    expect(tabs).toContain(
      '<a href="/desk/stories/gaza-2025/leads?state=used" aria-current="page">Used (1)</a>',
    );
    expect(tabs).toContain("All (7)");
    expect(tabCount(counts, "all")).toBe(7);
  });

  it("take new for anything they do not know, and page past the first", () => {
    expect(leadTabOf("dismissed")).toBe("dismissed");
    expect(leadTabOf("<x>")).toBe("new");
    expect(leadTabOf(undefined)).toBe("new");
    expect(leadsPath("gaza-2025", "all", 3)).toBe("/desk/stories/gaza-2025/leads?state=all&page=3");
  });
});
