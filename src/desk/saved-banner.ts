/**
 * The confirmation of a save: after "Save" writes the file, the next page the curator sees (the
 * story's review) opens with a status banner naming what was saved, in which file, the fields it
 * changed, and whether the bot serves it already. Kept per session until shown once.
 */
import { html } from "hono/html";
import type { Session } from "./auth.js";
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
export function savedBanner(session: Session): Html | undefined {
  const saved = pending.get(session);
  if (!saved) return undefined;
  pending.delete(session);
  return html`<div class="saved" role="status" aria-labelledby="saved-title">
    <p id="saved-title"><strong>Saved${saved.correction ? " as a correction" : ""}</strong>: ${saved.what}, in
      <code>${saved.file}</code>.
      ${
        saved.served
          ? "The bot serves it now."
          : html`<span class="error">The bot did not load it: another file of the data has errors, so readers still get the last good data.</span>`
      }</p>
    ${
      saved.changes.length
        ? html`<ul>${saved.changes.map((ch) => html`<li><code>${ch.path}</code>: ${ch.old ?? "—"} → <span dir="auto">${ch.new ?? "—"}</span></li>`)}</ul>`
        : ""
    }
  </div>`;
}
