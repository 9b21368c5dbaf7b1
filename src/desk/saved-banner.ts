/**
 * The confirmation of a save: after "Save" writes the file, the next page the curator sees (the
 * story's review) opens with a status banner naming what was saved, in which file, the fields it
 * changed, and whether the bot serves it already. Kept per session until shown once.
 */
import { html } from "hono/html";
import { ENGLISH, type Words } from "../language/words.js";
import type { Session } from "./auth.js";
import { rich } from "./language.js";
import type { Html } from "./pages.js";

export interface Saved {
  /** The form's title: "Add a figure value". */
  what: string;
  /** The file written, as the loader names it. */
  file: string;
  /** The fields that changed: "figures.x.values[3].value: 58 → 57". */
  changes: readonly { path: string; old?: string | undefined; new?: string | undefined }[];
  correction: boolean;
  /** Whether the bot serves the saved data now (false: another file of the data has errors). */
  served: boolean;
}

const pending = new WeakMap<Session, Saved>();

/** Remembers a save, to confirm it on the session's next page. */
export function rememberSaved(session: Session, saved: Saved): void {
  pending.set(session, saved);
}

/** The banner of the session's last save, once (nothing when there is none). */
export function savedBanner(session: Session, w: Words = ENGLISH): Html | undefined {
  const saved = pending.get(session);
  if (!saved) return undefined;
  pending.delete(session);
  const title = html`<strong>${w.t(saved.correction ? "desk.saved.correction" : "desk.saved.title")}</strong>`;
  return html`<div class="saved" role="status" aria-labelledby="saved-title">
    <p id="saved-title">${rich(w, "desk.saved.what", { title, what: saved.what, file: html`<code>${saved.file}</code>` })}
      ${
        saved.served
          ? w.t("desk.saved.served")
          : html`<span class="error">${w.t("desk.saved.not-served")}</span>`
      }</p>
    ${
      saved.changes.length
        ? html`<ul>${saved.changes.map((ch) => html`<li><code>${ch.path}</code>: ${ch.old ?? "—"} → <span dir="auto">${ch.new ?? "—"}</span></li>`)}</ul>`
        : ""
    }
  </div>`;
}
