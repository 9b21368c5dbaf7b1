/**
 * The renderers' own words (Discord embeds, Slack blocks, the console's text): the footer's sources
 * and "Data as of …", the marks of what was cut, the picture's framing, the console's labels.
 */
export const en = {
  "render.sources.label": "Sources:",
  "render.sources.count-label": "{count, plural, one {Source:} other {Sources:}}",
  "render.sources.separator": "; ",
  "render.source.detail": "({date})",
  "render.source.detail-publisher": "({publisher}, {date})",
  "render.data-as-of": "Data as of {date}.",
  "render.continued": "(continued)",
  "render.more-not-shown": "{count, number} more not shown.",
  "render.more-parts-not-shown": "… {count, plural, one {# more part} other {# more parts}} not shown.",
  "render.picture.shared": "🖼 {alt}",
  "render.picture.private": "🖼 Picture (shared with answers to the channel only): {alt}",
  "render.picture.saved": "Picture: {path} ({width}×{height}): {alt}",
  "render.picture.not-drawn": "Picture not drawn ({error}): {alt}",
  "render.picture.not-saved": "Picture not saved ({error}): {alt}",
  "render.picture.line": "Picture: {where} ({width}×{height}, {size}): {alt}",
  "render.picture.size": "{bytes} bytes",
  "render.picture.size-not-drawn": "not drawn: {error}",
  "render.only-you": "(only you can see this)",
  "render.console.greeting": "ceasefire-bot console: {story}. Type /help, or /exit to leave.",
} as const;
