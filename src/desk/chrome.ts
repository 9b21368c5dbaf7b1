/**
 * Every page of a logged-in curator: the desk's layout with the story switcher, the log-out button
 * and, once after a save, the banner confirming it.
 */
import type { Dataset } from "../dataset/dataset.js";
import type { PageRenderer } from "./context.js";
import { layout } from "./pages.js";
import { savedBanner } from "./saved-banner.js";
import { storySwitcher } from "./story-switcher.js";

export function pageRenderer(dataset: () => Dataset): PageRenderer {
  return (c, title, body, status = 200) => {
    const session = c.get("session");
    const chrome = {
      user: session.user,
      csrf: session.csrf,
      switcher: storySwitcher(dataset(), c),
      banner: savedBanner(session),
    };
    return c.html(layout(title, body, chrome), status);
  };
}
