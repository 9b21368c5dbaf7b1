/**
 * The dataset while the bot runs: the last good load, reloaded when data/ changes. An invalid edit
 * is logged with every error and the bot keeps serving the last good data.
 */
import { type FSWatcher, watch } from "node:fs";
import type { Logger } from "pino";
import type { Dataset } from "./dataset.js";
import { formatDataError, loadDataset } from "./load.js";

export type ReloadListener = (next: Dataset, previous: Dataset) => void;

export class LiveDataset {
  private current: Dataset;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private poller: NodeJS.Timeout | undefined;
  private listeners: ReloadListener[] = [];
  private reloading: Promise<boolean> | undefined;
  private pending = false;

  private constructor(
    readonly path: string,
    initial: Dataset,
    private readonly log: Logger,
  ) {
    this.current = initial;
  }

  /** Loads `path`; throws with every error when the first load fails (nothing good to serve). */
  static async open(path: string, log: Logger): Promise<LiveDataset> {
    const result = await loadDataset(path);
    if (!result.ok) {
      throw new Error(
        `data at ${path} is invalid:\n${result.errors.map((e) => `  ${formatDataError(e)}`).join("\n")}`,
      );
    }
    return new LiveDataset(path, result.dataset, log);
  }

  get dataset(): Dataset {
    return this.current;
  }

  onReload(listener: ReloadListener): void {
    this.listeners.push(listener);
  }

  /** Reloads now. Resolves true when new data is served, false when the edit was rejected. */
  reload(): Promise<boolean> {
    if (this.reloading) {
      this.pending = true;
      return this.reloading;
    }
    this.reloading = this.doReload().finally(() => {
      this.reloading = undefined;
      if (this.pending) {
        this.pending = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  private async doReload(): Promise<boolean> {
    const result = await loadDataset(this.path);
    if (!result.ok) {
      this.log.error(
        { errors: result.errors.map(formatDataError) },
        "data edit rejected: still serving the last good data",
      );
      return false;
    }
    const previous = this.current;
    this.current = result.dataset;
    this.log.info({ stories: result.dataset.stories.map((s) => s.story.id) }, "data reloaded");
    for (const l of this.listeners) {
      try {
        l(result.dataset, previous);
      } catch (err) {
        this.log.error({ err }, "reload listener failed");
      }
    }
    return true;
  }

  /**
   * Watches the data path and reloads shortly after a change (debounced, since editors write in
   * several steps). A poll every few seconds backs up fs.watch, which can miss renames.
   */
  watch(debounceMs = 300, pollMs = 5_000): void {
    const schedule = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), debounceMs);
    };
    try {
      this.watcher = watch(this.path, { persistent: false }, schedule);
      this.watcher.on("error", (err) => this.log.warn({ err }, "data watcher failed; polling only"));
    } catch (err) {
      this.log.warn({ err }, "cannot watch data path; polling only");
    }
    let lastStamp = "";
    const poll = async () => {
      const stamp = await fingerprint(this.path).catch(() => "");
      if (lastStamp && stamp !== lastStamp) schedule();
      lastStamp = stamp;
    };
    void poll();
    this.poller = setInterval(() => void poll(), pollMs);
    this.poller.unref();
  }

  close(): void {
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
  }
}

async function fingerprint(path: string): Promise<string> {
  const { stat, readdir } = await import("node:fs/promises");
  const info = await stat(path);
  if (info.isFile()) return `${info.mtimeMs}:${info.size}`;
  const names = (await readdir(path)).sort();
  const parts = await Promise.all(
    names.map(async (n) => {
      const s = await stat(`${path}/${n}`).catch(() => undefined);
      return s ? `${n}:${s.mtimeMs}:${s.size}` : n;
    }),
  );
  return parts.join("|");
}
