/**
 * How a reply looks on each platform, for the desk's preview: the console text, a rendering of the
 * Discord embed and of the Slack Block Kit blocks close to what the clients draw (title, text, fields,
 * footer, buttons; markdown shown as written), and the raw payload each platform receives beside it.
 * Every text goes through hono's `html` template, which escapes it.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { ENGLISH, type Words } from "../language/words.js";
import {
  type DiscordMessage,
  renderDiscord,
  renderSlack,
  renderText,
  type SlackMessage,
} from "../platforms/index.js";
import type { Reply } from "../reply/reply.js";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * Platform time markup as readers see it: Discord's `<t:1740866400:R>` and Slack's
 * `<!date^1740866400^{…}|fallback>` become the instant in UTC (each reader sees their own zone).
 */
export function readableTimes(text: string): string {
  return text
    .replace(/<t:(\d+)(?::[a-zA-Z])?>/g, (_, s: string) =>
      new Date(Number(s) * 1000).toISOString().replace(/:00\.000Z$/, " UTC"),
    )
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, "$1");
}

/** Discord's embed colour as CSS. */
const hex = (n: number) => `#${n.toString(16).padStart(6, "0")}`;

export function discordPreview(message: DiscordMessage, w: Words = ENGLISH): Html {
  return html`<div class="discord">
    ${message.flags ? html`<p class="meta">${w.t("desk.preview.only-you")}</p>` : ""}
    ${message.embeds.map(
      (e) => html`<div class="embed" style="border-color:${hex(e.color)}" data-color="${hex(e.color)}">
        <div class="embed-title">${e.title}</div>
        ${e.description ? html`<div class="embed-text" dir="auto">${readableTimes(e.description)}</div>` : ""}
        ${(e.fields ?? []).map(
          (f) => html`<div class="embed-field"><div class="embed-field-name" dir="auto">${f.name}</div>
            <div class="embed-text" dir="auto">${readableTimes(f.value)}</div></div>`,
        )}
        ${e.footer ? html`<div class="embed-footer" dir="auto">${e.footer.text}</div>` : ""}
      </div>`,
    )}
    ${message.components.map(
      (row) =>
        html`<div class="buttons">${row.components.map(
          (b) =>
            html`<span class="button${"disabled" in b && b.disabled ? " disabled" : ""}">${b.label}</span>`,
        )}</div>`,
    )}
  </div>`;
}

/** One Block Kit text object's text (mrkdwn shown as written). */
function textOf(t: unknown): string {
  return typeof t === "object" && t !== null && "text" in t
    ? readableTimes(String((t as { text: unknown }).text))
    : "";
}

export function slackPreview(message: SlackMessage, w: Words = ENGLISH): Html {
  return html`<div class="slack">
    ${message.response_type === "ephemeral" ? html`<p class="meta">${w.t("desk.preview.only-visible")}</p>` : ""}
    ${message.blocks.map((b) => {
      switch (b.type) {
        case "header":
          return html`<div class="slack-header" dir="auto">${textOf(b.text)}</div>`;
        case "section":
          return html`<div class="slack-section" dir="auto">${textOf(b.text)}${(b.fields ?? []).map(
            (f) => html`<div class="slack-field" dir="auto">${textOf(f)}</div>`,
          )}</div>`;
        case "context":
          return html`<div class="slack-context" dir="auto">${b.elements.map((e) => html`<span>${textOf(e)}</span> `)}</div>`;
        case "divider":
          return html`<hr />`;
        case "actions":
          return html`<div class="buttons">${b.elements.map((e) => html`<span class="button">${textOf("text" in e ? e.text : undefined)}</span>`)}</div>`;
        default:
          return html`<div class="slack-section">${w.t("desk.preview.block", { type: b.type })}</div>`;
      }
    })}
  </div>`;
}

/** A reply as the console, Discord and Slack show it, each with its raw payload. */
export function replyPreviews(reply: Reply, w: Words = ENGLISH): Html {
  const discord = renderDiscord(reply);
  const slack = renderSlack(reply);
  return html`<div class="previews">
    <section class="preview"><h4>${w.t("desk.preview.console")}</h4><pre dir="auto">${renderText(reply)}</pre></section>
    <section class="preview"><h4>Discord</h4>${discordPreview(discord, w)}
      <details><summary>${w.t("desk.preview.payload")}</summary><pre dir="ltr">${JSON.stringify(discord, null, 2)}</pre></details></section>
    <section class="preview"><h4>Slack</h4>${slackPreview(slack, w)}
      <details><summary>${w.t("desk.preview.payload")}</summary><pre dir="ltr">${JSON.stringify(slack, null, 2)}</pre></details></section>
  </div>`;
}
