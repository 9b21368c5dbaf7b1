/**
 * The feeds page's table: each feed of the story (outlet, address, interval, keywords) with how it
 * has fared (from the store's feed states): last fetched, next fetch, failures in a row, the new leads
 * of its last fetch, and why its last fetch was refused or failed, on its own row. Every text is
 * escaped; a feed's address is shown, never linked (curators read it, the intake fetches it).
 */
import { html } from "hono/html";
import type { Story } from "../dataset/dataset.js";
import type { FeedState } from "../feeds/lead.js";
import { formatInstant } from "../time/calendar.js";
import type { Html } from "./pages.js";

export function feedsTable(story: Story, states: readonly FeedState[]): Html {
  const id = story.story.id;
  const zone = story.story.timeZone;
  const when = (at: Date | undefined, none: string) => (at ? formatInstant(at, zone) : none);
  if (story.feeds.length === 0) {
    return html`<p>This story watches no feed yet.</p>`;
  }
  return html`<table aria-label="Feeds">
    <tr><th>Feed</th><th>Keywords</th><th>Last fetched</th><th>Next fetch</th><th>Failures</th><th>Last new leads</th><th>Problem</th><th></th></tr>
    ${story.feeds.map((feed) => {
      const state = states.find((s) => s.feedId === feed.id);
      return html`<tr id="feed-${feed.id}">
        <td><strong dir="auto">${feed.outlet}</strong> (<code>${feed.id}</code>)<br /><code class="address">${feed.url}</code><br />every ${feed.interval}</td>
        <td>${keywordsText(feed.include, "include")}${keywordsText(feed.exclude, "exclude")}</td>
        <td>${when(state?.lastFetchedAt, "never")}</td>
        <td>${state ? formatInstant(state.nextFetchAt, zone) : "as soon as the intake runs"}</td>
        <td class="${state?.failures ? "error" : ""}">${String(state?.failures ?? 0)}</td>
        <td>${state ? `${state.lastNewLeads} of ${state.lastItems} items` : "—"}</td>
        <td class="problem">${state?.lastError ? html`<span class="error" role="status" dir="auto">${state.lastError}</span>` : "none"}</td>
        <td><a href="/desk/stories/${id}/edit/feed?feed=${feed.id}">Change</a>
          <a href="/desk/stories/${id}/edit/feed-remove?feed=${feed.id}">Remove</a></td>
      </tr>`;
    })}
  </table>`;
}

function keywordsText(words: readonly string[] | undefined, what: string): Html | string {
  return words?.length ? html`<span dir="auto">${what}: ${words.join(", ")}</span><br />` : "";
}
