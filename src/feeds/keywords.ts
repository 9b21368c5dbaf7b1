/**
 * A feed's include and exclude keywords, matched as whole words or phrases, with case and accents
 * ignored ("negociation" finds "Négociation", "talks" does not find "stalks").
 */

/** Text folded for matching: accents dropped, lower case, every run of non-letters one space. */
export function fold(text: string): string {
  return ` ${text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

export interface KeywordRules {
  include?: readonly string[] | undefined;
  exclude?: readonly string[] | undefined;
}

/** Whether an item is kept, and which include keywords it matched (as the story writes them). */
export type KeywordVerdict = { keep: true; matched: string[] } | { keep: false };

/** Keeps an item with no include list or one of its words, unless it has an exclude word. */
export function matchKeywords(rules: KeywordRules, ...texts: string[]): KeywordVerdict {
  const folded = fold(texts.join(" "));
  const has = (keyword: string) => {
    const k = fold(keyword);
    return k.trim() !== "" && folded.includes(k);
  };
  if ((rules.exclude ?? []).some(has)) return { keep: false };
  const include = rules.include ?? [];
  const matched = include.filter(has);
  if (include.length > 0 && matched.length === 0) return { keep: false };
  return { keep: true, matched };
}
