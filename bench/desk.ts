/**
 * The curator desk's server time on the generated 10,000-event story: the story's review page and the
 * preview of every reply, each at instants spread over the story's years, through the desk's own
 * request handler (routing, session check, rendering; no network). Target: p95 < 100 ms.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { defaultSettings } from "../src/config.js";
import { LiveDataset } from "../src/dataset/live.js";
import { hashPassword } from "../src/desk/auth.js";
import { ChangeRecorder } from "../src/desk/edit-record.js";
import { createDesk } from "../src/desk/server.js";
import { createLogger } from "../src/log.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { fixedClock } from "../src/time/clock.js";
import { GENERATED_START, GENERATED_YEARS, generateStoryJson } from "./generate-story.js";
import { type BenchSection, percentiles } from "./report.js";

const TARGET_MS = 100;
const RUNS = 60;
const WARMUP = 5;

export async function benchDesk(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), "bench-desk-"));
  writeFileSync(join(dir, "bench.json"), JSON.stringify(generateStoryJson(10_000), null, 2));
  const log = createLogger("silent");
  const live = await LiveDataset.open(dir, log);
  const store = SqliteStore.open(join(dir, "bot.sqlite"));
  const clock = fixedClock("2025-01-01T10:00:00Z");
  const app = createDesk({
    data: live,
    store,
    clock,
    settings: defaultSettings,
    users: new Map([["bench", await hashPassword("bench password for the desk")]]),
    recorder: new ChangeRecorder({ store, clock, log }),
    log,
    secureCookies: false,
  });
  const login = await app.request("/desk/login", {
    method: "POST",
    body: new URLSearchParams({ user: "bench", password: "bench password for the desk" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const from = Date.parse(`${GENERATED_START}T00:00:00Z`);
  const span = GENERATED_YEARS * 365 * 86_400_000;
  const instant = (i: number) => new Date(from + (((i * 389) % RUNS) * span) / RUNS).toISOString();

  const measure = async (name: string, path: (at: string) => string) => {
    for (let i = 0; i < WARMUP; i++) await app.request(path(instant(i)), { headers: { cookie } });
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const res = await app.request(path(instant(i)), { headers: { cookie } });
      const body = await res.text();
      samples.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
      bytes += body.length;
    }
    const p = percentiles(samples);
    const sorted = [...samples].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
    return { name, p50: p.p50, p95, bytes: Math.round(bytes / RUNS) };
  };
  const rows = [
    await measure("story review page (events 50 a page)", (at) => `/desk/stories/bench-story?at=${at}`),
    await measure(
      "preview of every reply (console, Discord, Slack)",
      (at) => `/desk/stories/bench-story/preview?at=${at}`,
    ),
  ];
  live.close();
  await store.close();
  const targetsMet = rows.every((r) => r.p95 < TARGET_MS);
  const markdown = [
    `Server time of the curator desk's pages on the generated story of 10,000 events and 2,000 history entries, through the desk's request handler (routing, session, rendering; no network), each run at another of ${RUNS} instants over the story's years, ${RUNS} runs after ${WARMUP} warm-up. Target: p95 < ${TARGET_MS} ms.`,
    "",
    "| Page | p50 (ms) | p95 (ms) | Mean size (bytes) | Target p95 | Met |",
    "| --- | ---: | ---: | ---: | ---: | :---: |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.bytes.toLocaleString("en-GB")} | < ${TARGET_MS} ms | ${r.p95 < TARGET_MS ? "met" : "NOT met"} |`,
    ),
  ].join("\n");
  return { title: "Curator desk", markdown, targetsMet };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await benchDesk();
  console.log(`## ${section.title}\n\n${section.markdown}`);
}
