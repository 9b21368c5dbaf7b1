/**
 * The two processes of bench/intake.ts, each in a fresh process so that the bench's own figures are
 * the intake's alone:
 *
 * - `intake-child.ts feeds FEEDS EVERY`: the stand-in news sites on 127.0.0.1 serving FEEDS RSS feeds
 *   of 10 items at /bench/N.xml. Every EVERY-th feed changes on each request (one new item, a new ETag);
 *   the others answer 304 to a request carrying their validators. Prints `{"port":…}`, then answers
 *   each "stats" line on stdin with its request counts as JSON.
 * - `intake-child.ts leads STEPS BATCH` (run with --expose-gc): a SQLite store in a temporary
 *   directory, STEPS times 10,000 leads added BATCH at a time through `addLeads`; after each step
 *   garbage is collected and `{"leads":…,"rss":…,"heapUsed":…,"fileBytes":…,"gc":true|false}` printed.
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { NewLead } from "../src/feeds/lead.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { tempDir } from "../test/support/files.js";
import { rssDocument, StandInFeeds, type StandInItem } from "../test/support/standins/feeds.js";

const ITEMS = 10;
const STEP = 10_000;
const LAST_MODIFIED = "Thu, 27 Feb 2025 08:00:00 GMT";

/** Item `k` of feed `i`: a title, link and summary of ordinary length. */
function item(i: number, k: number): StandInItem {
  return {
    title: `Ceasefire talks: mediators report progress on the exchange, update ${k} from outlet ${i}`,
    link: `https://outlet-${i}.example/world/middle-east/ceasefire-update-${k}?utm_source=rss`,
    published: new Date(Date.UTC(2025, 1, 1) + k * 60_000).toISOString(),
    summary: `<p>Negotiators met again on Thursday; the outlet's correspondent (${i}) says the next phase of the agreement depends on the lists of names both sides still dispute. Aid trucks crossed at two points, update ${k}.</p>`,
  };
}

function document(i: number, newest: number): string {
  const items = Array.from({ length: ITEMS }, (_, n) => item(i, newest - n));
  return rssDocument(items);
}

async function serveFeeds(feeds: number, every: number): Promise<void> {
  const standin = await StandInFeeds.start();
  const stats = { requests: 0, conditional: 0, notModified: 0, ok: 0 };
  for (let i = 0; i < feeds; i++) {
    const changing = i % every === 0;
    let version = ITEMS;
    let body = document(i, version);
    standin.serve(`/bench/${i}.xml`, (req, res) => {
      stats.requests++;
      const etag = `"f${i}-v${version}"`;
      const conditional = req.headers["if-none-match"] ?? req.headers["if-modified-since"];
      if (conditional) stats.conditional++;
      if (changing && conditional) {
        version++;
        body = document(i, version);
      } else if (
        req.headers["if-none-match"] === etag ||
        req.headers["if-modified-since"] === LAST_MODIFIED
      ) {
        stats.notModified++;
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      stats.ok++;
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: `"f${i}-v${version}"`,
        "last-modified": changing
          ? new Date(Date.UTC(2025, 1, 27) + version * 1000).toUTCString()
          : LAST_MODIFIED,
      });
      res.end(body);
    });
  }
  console.log(JSON.stringify({ port: standin.port }));
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "stats") console.log(JSON.stringify(stats));
  }
  await standin.close();
}

function lead(n: number): NewLead {
  const i = n % 1000;
  const it = item(i, n);
  return {
    story: "bench-story",
    feedId: `feed-${i}`,
    outlet: `Outlet ${i}`,
    title: it.title,
    link: it.link.replace("?utm_source=rss", ""),
    publishedAt: new Date(it.published),
    summary: it.summary.replace(/<\/?p>/g, ""),
    matched: ["ceasefire"],
  };
}

async function storeLeads(steps: number, batch: number): Promise<void> {
  const dir = tempDir("bench-intake-");
  const file = join(dir, "leads.sqlite");
  const store = SqliteStore.open(file);
  const gc = (globalThis as { gc?: () => void }).gc;
  const at = new Date("2025-02-27T10:00:00Z");
  const sample = async (leads: number) => {
    for (let i = 0; i < 3; i++) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const size = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    const { rss, heapUsed } = process.memoryUsage();
    const fileBytes = size(file) + size(`${file}-wal`);
    console.log(JSON.stringify({ leads, rss, heapUsed, fileBytes, gc: gc !== undefined }));
  };
  // Warm-up on another story: statements prepared, code compiled, before the first reading.
  await store.addLeads(
    Array.from({ length: batch }, (_, n) => ({ ...lead(n), story: "warm-up" })),
    at,
  );
  await sample(0);
  for (let step = 1, n = 0; step <= steps; step++) {
    for (const end = step * STEP; n < end; ) {
      const leads = Array.from({ length: Math.min(batch, end - n) }, (_, k) => lead(n + k));
      const added = await store.addLeads(leads, at);
      if (added.length !== leads.length) throw new Error(`only ${added.length} of ${leads.length} added`);
      n += leads.length;
    }
    await sample(step * STEP);
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const [mode, a, b] = process.argv.slice(2);
if (mode === "feeds" && a && b) await serveFeeds(Number(a), Number(b));
else if (mode === "leads" && a && b) await storeLeads(Number(a), Number(b));
else {
  console.error("usage: intake-child.ts feeds FEEDS EVERY | leads STEPS BATCH");
  process.exit(2);
}
process.exit(0);
