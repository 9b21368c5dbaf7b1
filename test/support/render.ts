/**
 * Replies that make a renderer say every word of its own (the `render` catalog area): a footer with
 * sources with and without a publisher, an as-of date and a stale warning; more fields than Discord
 * shows; more lines than an embed holds; more blocks than Slack takes; a picture; a private answer.
 * Their own texts are in the language already, as a handler writes them, so whatever English a
 * rendered payload shows is the renderer's.
 */
import type { Language } from "../../src/language/languages.js";
import type { Reply } from "../../src/reply/reply.js";
import { testPicture } from "./pictures.js";

/** A few words in each language, standing for what a handler writes. */
const SAID: Readonly<Record<Language, { title: string; text: string; warning: string }>> = {
  en: { title: "Phase one", text: "The first phase is in force", warning: "This data is 9 days old." },
  ar: { title: "المرحلة الأولى", text: "المرحلة الأولى سارية", warning: "عمر هذه البيانات 9 أيام." },
  he: { title: "השלב הראשון", text: "השלב הראשון בתוקף", warning: "הנתונים בני 9 ימים." },
  fr: {
    title: "Première phase",
    text: "La première phase est en vigueur",
    warning: "Ces données ont 9 jours.",
  },
};

/** The sources' titles and publishers: data, the same in every language. */
export const RENDER_SOURCES = [
  {
    id: "a",
    title: "Agreement text",
    publisher: "Reuters",
    published: "2025-01-15",
    url: "https://example.org/a",
  },
  { id: "b", title: "Statement", published: "2025-02-01" },
] as const;

export type RenderShape = "fields" | "lines" | "blocks";

/**
 * A reply in `language` of one shape: "fields" (30 fields: Discord shows 25, the last saying how many
 * more), "lines" (400 long lines: continued fields, then how many more), "blocks" (60 fields not
 * inline: more sections than Slack's 50 blocks). Each has the footer, a picture, and is private.
 */
export function replyToRender(language: Language, shape: RenderShape): Reply {
  const said = SAID[language];
  const reply: Reply = {
    kind: "answer",
    title: said.title,
    summary: [said.text],
    footer: {
      sources: RENDER_SOURCES.map((s) => ({ ...s })),
      asOf: "2025-02-28",
      staleWarning: said.warning,
    },
    ephemeral: true,
    picture: testPicture({ alt: said.text }),
  };
  if (language !== "en") reply.language = language;
  const count = shape === "fields" ? 30 : shape === "blocks" ? 60 : 0;
  if (count)
    reply.fields = Array.from({ length: count }, (_, n) => ({
      name: `${said.title} ${n}`,
      value: [said.text],
    }));
  if (shape === "lines")
    reply.lines = Array.from({ length: 400 }, (_, n) => [`${n}: ${said.text} — ${said.text}`]);
  return reply;
}

/**
 * The English a renderer says of its own, short words included (which `englishLeaks()`, looking for
 * phrases, lets pass): none of it may show in a payload rendered for another language.
 */
export const RENDERER_ENGLISH = [
  "Source:",
  "Sources:",
  "Data as of",
  "(continued)",
  "more not shown",
  "more part",
  "Picture",
  "only you can see",
] as const;

/** The renderer's English found in a payload (its JSON) rendered for another language. */
export function rendererEnglish(payload: unknown): string[] {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  return RENDERER_ENGLISH.filter((word) => text.includes(word));
}
