/** The desk's translations page: each text of a story beside its English, what is missing per language. */
export const en = {
  "translations.title": "Translations",
  "translations.page-title": "Translations: {story}",
  "translations.intro":
    "The story's texts in Arabic, Hebrew and French, beside the English. Where a translation is missing, readers get the English, marked as such in their language. Quotes stay in the words they were said in and are not listed.",
  "translations.languages": "Languages",
  "translations.language-count":
    "{language}: {count, plural, =0 {nothing missing} one {# text missing} other {# texts missing}}",
  "translations.missing-heading": "Missing in {language}",
  "translations.none-missing": "Every text has its translation.",
  "translations.translated-heading":
    "{count, plural, =0 {No text translated yet} one {# text translated} other {# texts translated}}",
  "translations.column.text": "Text",
  "translations.column.english": "English",
  "translations.column.translation": "Translation",
  "translations.translate": "Translate",
  "translations.change": "Change",
  "translations.edit-title": "Translate into {language}",
  "translations.field-label": "The {field} in {language}",
  "translations.save": "Save",
  "translations.back": "Back to the translations",
  "translations.required": "Write the translation, or go back to keep the English.",
  "translations.conflict":
    "The file changed since this form was opened. The English is shown as it is now: check it, then save again.",
  "translations.not-found": "No such story, language or text.",
  "translations.refused": "The story does not validate with this translation:",
  "translations.saved-what": "{language} translation of {path}",
} as const;
