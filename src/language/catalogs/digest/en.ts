/** The curators' digest of a story's new leads. */
export const en = {
  "digest.title": "{count, plural, one {# new lead} other {# new leads}} for {story}",
  "digest.line": "{outlet}: {title}",
  "digest.unknown-outlet": "Unknown outlet",
  "digest.more": "… and {count, number} more on the desk.",
  "digest.open": "Open in desk",
  "digest.unchecked":
    "Found by the story's news feeds. Leads are unchecked: read the article before using one.",
  "digest.no-desk": "The desk's address is not configured (DESK_PUBLIC_URL), so there is no link to it.",
} as const;
