/** /claims: what each side and the mediators have said (commands/claims.ts). */
export const en = {
  "claims.title": "Statements: {story}",
  "claims.count":
    "{count, plural, one {{count, number, ::group-off} statement} other {{count, number, ::group-off} statements}}, oldest first.",
  "claims.none": "No statements in the data.",
  "claims.said": " ({date}): {text}",
  "claims.joint": "{names} (joint statement)",
} as const;
