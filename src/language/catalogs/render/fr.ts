import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const fr: Translation<typeof en> = {
  "render.sources.label": "Sources :",
  "render.sources.count-label": "{count, plural, one {Source :} other {Sources :}}",
  "render.sources.separator": " ; ",
  "render.source.detail": "({date})",
  "render.source.detail-publisher": "({publisher}, {date})",
  "render.data-as-of": "Données au {date}.",
  "render.continued": "(suite)",
  "render.more-not-shown": "{count, plural, one {# autre non affiché.} other {# autres non affichés.}}",
  "render.more-parts-not-shown":
    "… {count, plural, one {# autre partie non affichée} other {# autres parties non affichées}}.",
  "render.picture.shared": "🖼 {alt}",
  "render.picture.private": "🖼 Image (jointe uniquement aux réponses publiées dans le canal) : {alt}",
  "render.picture.saved": "Image : {path} ({width}×{height}) : {alt}",
  "render.picture.not-drawn": "Image non dessinée ({error}) : {alt}",
  "render.picture.not-saved": "Image non enregistrée ({error}) : {alt}",
  "render.picture.line": "Image : {where} ({width}×{height}, {size}) : {alt}",
  "render.picture.size": "{bytes} octets",
  "render.picture.size-not-drawn": "non dessinée : {error}",
  "render.only-you": "(visible par vous seul)",
  "render.console.greeting": "Console ceasefire-bot : {story}. Tapez /help, ou /exit pour quitter.",
};
