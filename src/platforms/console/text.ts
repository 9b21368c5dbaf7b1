/** Renders a Reply as plain text for the console bot and `ask --render text`. */
import { isLinkButton, type Reply, type ReplyFooter, type Rich } from "../../reply/reply.js";
import { formatShortDate } from "../../time/calendar.js";

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

export function footerText(footer: ReplyFooter): string {
  const sources = footer.sources
    .map(
      (s) =>
        `${s.title}${s.publisher ? ` (${s.publisher}, ${formatShortDate(s.published)})` : ` (${formatShortDate(s.published)})`}`,
    )
    .join("; ");
  const lines = [...(sources ? [`Sources: ${sources}`] : []), `Data as of ${formatShortDate(footer.asOf)}.`];
  if (footer.staleWarning) lines.push(`⚠ ${footer.staleWarning}`);
  return lines.join("\n");
}

export function renderText(reply: Reply): string {
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
  if (reply.footer) out.push("", footerText(reply.footer));
  if (reply.ephemeral && reply.kind !== "error") out.push("(only you can see this)");
  return out.join("\n");
}
