/**
 * Renders a Reply as plain text for the console bot and `ask --render text`; its own words (the
 * footer's, "only you can see this") in the reply's language.
 */
import { ENGLISH, type Words, wordsFor } from "../../language/words.js";
import { isLinkButton, type Reply, type ReplyFooter, type Rich } from "../../reply/reply.js";

function text(rich: Rich): string {
  return rich
    .map((s) => {
      if (typeof s === "string") return s;
      if ("strong" in s) return s.strong;
      if ("link" in s) return `${s.link} <${s.url}>`;
      return s.fallback;
    })
    .join("");
}

export function footerText(footer: ReplyFooter, words: Words = ENGLISH): string {
  const sources = footer.sources
    .map((s) => {
      const date = words.shortDate(s.published);
      const detail = s.publisher
        ? words.t("render.source.detail-publisher", { publisher: s.publisher, date })
        : words.t("render.source.detail", { date });
      return `${s.title} ${detail}`;
    })
    .join(words.t("render.sources.separator"));
  const lines = [
    ...(sources ? [`${words.t("render.sources.label")} ${sources}`] : []),
    words.t("render.data-as-of", { date: words.shortDate(footer.asOf) }),
  ];
  if (footer.staleWarning) lines.push(`⚠ ${footer.staleWarning}`);
  return lines.join("\n");
}

export function renderText(reply: Reply): string {
  const words = wordsFor(reply.language ?? "en");
  const out: string[] = [];
  out.push(reply.kind === "error" ? `✖ ${reply.title}` : reply.title);
  out.push("=".repeat(Math.min(reply.title.length + (reply.kind === "error" ? 2 : 0), 72)));
  if (reply.summary) out.push(text(reply.summary));
  for (const f of reply.fields ?? []) {
    out.push(
      "",
      `${f.name}:`,
      ...text(f.value)
        .split("\n")
        .map((l) => `  ${l}`),
    );
  }
  if (reply.lines?.length) {
    out.push("");
    for (const l of reply.lines) out.push(`• ${text(l)}`);
  }
  if (reply.buttons?.length) {
    const enabled = reply.buttons.filter((b) => isLinkButton(b) || !b.disabled);
    if (enabled.length) {
      out.push("");
      for (const b of enabled) {
        if (isLinkButton(b)) {
          out.push(`${b.label}: ${b.url}`);
          continue;
        }
        const opts = Object.entries(b.options)
          .map(([k, v]) => `${k}:${/\s/.test(v) ? `"${v}"` : v}`)
          .join(" ");
        out.push(`${b.label.replace(/[◀▶]/g, "").trim()}: /${b.command}${opts ? ` ${opts}` : ""}`);
      }
    }
  }
  if (reply.footer) out.push("", footerText(reply.footer, words));
  if (reply.ephemeral && reply.kind !== "error") out.push(words.t("render.only-you"));
  return out.join("\n");
}
