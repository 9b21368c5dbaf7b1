/**
 * A story read in another language: every curated text replaced by its translation, or, where the
 * file has none, by the English followed by the fallback mark in the reader's language ("Phase one
 * (بالإنجليزية)"), the English isolated so it keeps its order inside a right-to-left reply. The story
 * is then indexed as the English one is, so a translation is known exactly when its English is (the
 * same dates, the same sources). Each story is read once per language and kept.
 */
import type { Language } from "../language/languages.js";
import { wordsFor } from "../language/words.js";
import { indexStory, type Story } from "./dataset.js";
import type { StoryFile } from "./schema.js";
import { storyTexts, type TranslatedLanguage, translationOf } from "./schema-translations.js";

/** A text shown in English because it has no translation: where it is, its English, how it shows. */
export interface Fallback {
  path: string;
  english: string;
  shown: string;
}

/** A story in one language, and the texts in it that fell back to English. */
export interface StoryInLanguage {
  story: Story;
  language: Language;
  fallbacks: readonly Fallback[];
}

const FILE_KEYS = [
  "$schema",
  "story",
  "reminders",
  "sources",
  "parties",
  "people",
  "phases",
  "figures",
  "events",
  "deadlines",
  "claims",
  "feeds",
] as const satisfies readonly (keyof StoryFile)[];

/** The story file a story was indexed from, copied so the copy can be changed. */
function fileOf(story: Story): StoryFile {
  const file: Record<string, unknown> = {};
  for (const key of FILE_KEYS) if (story[key] !== undefined) file[key] = story[key];
  return structuredClone(file) as StoryFile;
}

/** The English of a text with no translation, marked: "Phase one (en anglais)". */
export function markedFallback(english: string, language: Language): string {
  const words = wordsFor(language);
  return `${words.isolate(english)} ${words.t("common.fallback-mark")}`;
}

/** A story file's texts in `language`: translated, or the English marked, with the fallbacks listed. */
export function translateFile(
  data: StoryFile,
  language: TranslatedLanguage,
): { data: StoryFile; fallbacks: Fallback[] } {
  const fallbacks: Fallback[] = [];
  // Read every text first: replacing a field while walking would not change where the others are.
  for (const text of [...storyTexts(data)]) {
    const translated = translationOf(text, language);
    if (translated !== undefined) {
      text.holder[text.field] = translated;
    } else {
      const shown = markedFallback(text.english, language);
      text.holder[text.field] = shown;
      fallbacks.push({ path: text.path, english: text.english, shown });
    }
  }
  return { data, fallbacks };
}

const CACHE = new WeakMap<Story, Map<Language, StoryInLanguage>>();

/** A story in a language: the story itself in English; else translated and indexed (once, then kept). */
export function storyIn(story: Story, language: Language): StoryInLanguage {
  if (language === "en") return { story, language, fallbacks: [] };
  let byLanguage = CACHE.get(story);
  if (!byLanguage) {
    byLanguage = new Map();
    CACHE.set(story, byLanguage);
  }
  let found = byLanguage.get(language);
  if (!found) {
    const { data, fallbacks } = translateFile(fileOf(story), language);
    found = { story: indexStory(story.file, data), language, fallbacks };
    byLanguage.set(language, found);
  }
  return found;
}
