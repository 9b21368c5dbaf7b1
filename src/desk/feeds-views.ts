/**
 * The feeds page's table: each feed of the story (outlet, address, interval, keywords) with how it
 * has fared (from the store's feed states): last fetched, next fetch, failures in a row, the new leads
 * of its last fetch, and why its last fetch was refused or failed, on its own row. Every text is
 * escaped; a feed's address is shown, never linked (curators read it, the intake fetches it).
 */
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import type { FeedState } from "../feeds/lead.js";
import { ENGLISH, type Words } from "../language/words.js";
import type { Html } from "./pages.js";

export function feedsTable(story: Story, states: readonly FeedState[], w: Words = ENGLISH): Html {
  const id = story.story.id;
  const zone = story.story.timeZone;
  const when = (at: Date | undefined, none: string) => (at ? w.instant(at, zone) : none);
  if (story.feeds.length === 0) {
    return html`<p>${w.t("desk-leads.feeds.none")}</p>`;
  }
  const th = (key: "feed" | "keywords" | "last" | "next" | "failures" | "new-leads" | "problem") =>
    w.t(`desk-leads.feeds.th.${key}` as const);
  return html`<table aria-label="${w.t("desk-leads.feeds.title")}">
    <tr><th>${th("feed")}</th><th>${th("keywords")}</th><th>${th("last")}</th><th>${th("next")}</th><th>${th("failures")}</th><th>${th("new-leads")}</th><th>${th("problem")}</th><th></th></tr>
    ${story.feeds.map((feed) => {
      const state = states.find((s) => s.feedId === feed.id);
      return html`<tr id="feed-${feed.id}">
        <td><strong dir="auto">${feed.outlet}</strong> (<code>${feed.id}</code>)<br /><code class="address">${feed.url}</code><br />${w.t("desk-leads.feeds.every", { interval: feed.interval })}</td>
        <td>${keywordsText(feed.include, w.t("desk-leads.feeds.include"))}${keywordsText(feed.exclude, w.t("desk-leads.feeds.exclude"))}</td>
        <td>${when(state?.lastFetchedAt, w.t("desk-leads.feeds.never"))}</td>
        <td>${state ? w.instant(state.nextFetchAt, zone) : w.t("desk-leads.feeds.soon")}</td>
        <td class="${state?.failures ? "error" : ""}">${String(state?.failures ?? 0)}</td>
        <td>${state ? w.t("desk-leads.feeds.new-of", { leads: state.lastNewLeads, items: state.lastItems }) : "—"}</td>
        <td class="problem">${state?.lastError ? html`<span class="error" role="status" dir="auto">${state.lastError}</span>` : w.t("desk-leads.feeds.no-problem")}</td>
        <td><a href="/desk/stories/${id}/edit/feed?feed=${feed.id}">${w.t("desk-leads.feeds.change")}</a>
          <a href="/desk/stories/${id}/edit/feed-remove?feed=${feed.id}">${w.t("desk-leads.feeds.remove")}</a></td>
      </tr>`;
    })}
  </table>`;
}

function keywordsText(words: readonly string[] | undefined, what: string): Html | string {
  return words?.length ? html`<span dir="auto">${what}: ${words.join(", ")}</span><br />` : "";
}
