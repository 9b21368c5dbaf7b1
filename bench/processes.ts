/**
 * Fan-out by several bot processes on one PostgreSQL store: one alert to 10,000 subscribed channels
 * with 1, 2 and 3 processes (bench/processes-child.ts, each the real delivery path: ledger claim on
 * PostgreSQL → DiscordSender → @discordjs/rest → ledger finish), against the stand-in Discord REST API
 * enforcing a global limit of 500 requests/s. The processes share the channels through the ledger's
 * claims. They do not share a rate limiter yet, so each paces itself at its share of the limit
 * (`globalRequestsPerSecond`: 500 / N, in whole requests that add up to 500: 166, 167 and 167 for 3).
 *
 * Reported per run: elapsed time (from "go" to the last process done) against the ideal (channels /
 * limit), duplicates and losses (counted on the stand-in's side), 429s the stand-in answered (all of
 * its limits are global), and each process's share. Targets: within 10% of the ideal, no duplicates,
 * no losses, no 429s.
 *
 * PostgreSQL: DATABASE_URL, else PGURL_TEST, else postgres://postgres@127.0.0.1:5432/test; each run
 * uses a schema of its own, dropped afterwards.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import pg from "pg";
import { createLogger } from "../src/log.js";
import { startDiscordProxy } from "../src/platforms/discord/proxy.js";
import { PostgresStore } from "../src/store/postgres.js";
import { StandInDiscordChannels } from "../test/support/standins/discord-channels.js";
import { subscribedChannels } from "./alert.js";
import type { BenchSection } from "./report.js";

const CHANNELS = 10_000;
const LIMIT = 500;
const CONCURRENCY = 256;
const PROCESSES = [1, 2, 3];
const PG_URL =
  process.env.DATABASE_URL ?? process.env.PGURL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";

interface Run {
  processes: number;
  perProcess: number[];
  elapsed: number;
  duplicates: number;
  losses: number;
  rateLimited: number;
  restSaw429: number;
  sentBy: number[];
  /** Seconds from "go" to each process's end, and the CPU seconds its fan-out took. */
  doneAt: number[];
  cpuSeconds: number[];
  ledgerSent: number;
}

interface ChildReport {
  outcomes: Record<string, number>;
  restSaw429: number;
  cpuSeconds: number;
}

/** A child's stdout, line by line. */
function lines(child: ChildProcess): AsyncIterator<string> {
  if (!child.stdout) throw new Error("no stdout");
  return createInterface({ input: child.stdout })[Symbol.asyncIterator]();
}

async function nextLine(reader: AsyncIterator<string>, what: string, stderr: () => string): Promise<string> {
  const next = await reader.next();
  if (next.done) throw new Error(`a bench process ended before ${what}:\n${stderr()}`);
  return next.value;
}

async function fanOutWith(processes: number, schema: string): Promise<Run> {
  const standin = await StandInDiscordChannels.start({ globalPerSecond: LIMIT });
  // Every process goes through one shared proxy that keeps the bot's one global limit.
  const proxy = await startDiscordProxy({
    host: "127.0.0.1",
    port: 0,
    apiUrl: standin.apiUrl,
    globalRequestsPerSecond: LIMIT,
    log: createLogger("silent"),
  });
  const setup = await PostgresStore.open({ connectionString: PG_URL, schema, max: 8 });
  const channels = await subscribedChannels(setup, CHANNELS);

  const perProcess = Array.from({ length: processes }, () => LIMIT);
  const children = perProcess.map((share) => {
    const child = spawn(
      process.execPath,
      [
        "bin/run-ts.mjs",
        "bench/processes-child.ts",
        PG_URL,
        schema,
        proxy.url,
        String(share),
        String(CONCURRENCY),
      ],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    let err = "";
    child.stderr?.on("data", (d) => {
      err += d;
    });
    return { child, reader: lines(child), stderr: () => err };
  });
  try {
    for (const c of children) await nextLine(c.reader, "it was ready", c.stderr);
    const started = performance.now();
    for (const c of children) c.child.stdin?.write("go\n");
    const reports = await Promise.all(
      children.map(async (c) => {
        const report = JSON.parse(await nextLine(c.reader, "it reported", c.stderr)) as ChildReport;
        return { report, at: performance.now() };
      }),
    );
    const elapsed = (Math.max(...reports.map((r) => r.at)) - started) / 1000;
    const counts = channels.map((c) => standin.count(c.channelId));
    const ledgerSent = await countSent(schema);
    return {
      processes,
      perProcess,
      elapsed,
      duplicates: counts.filter((n) => n > 1).length,
      losses: counts.filter((n) => n === 0).length,
      rateLimited: standin.stats.rateLimited,
      restSaw429: reports.reduce((n, r) => n + r.report.restSaw429, 0),
      sentBy: reports.map((r) => r.report.outcomes.sent ?? 0),
      doneAt: reports.map((r) => (r.at - started) / 1000),
      cpuSeconds: reports.map((r) => r.report.cpuSeconds),
      ledgerSent,
    };
  } finally {
    for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGKILL");
    await setup.close();
    await proxy.close();
    await standin.stop();
  }
}

async function countSent(schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.deliveries WHERE state = 'sent'`,
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

export async function benchProcesses(): Promise<BenchSection> {
  const ideal = CHANNELS / LIMIT;
  const runs: Run[] = [];
  for (const processes of PROCESSES) {
    const schema = `bench_processes_${process.pid}_${processes}`;
    try {
      runs.push(await fanOutWith(processes, schema));
    } finally {
      await dropSchema(schema);
    }
  }
  const met = (r: Run) =>
    r.elapsed / ideal <= 1.1 &&
    r.duplicates === 0 &&
    r.losses === 0 &&
    r.rateLimited === 0 &&
    r.ledgerSent === CHANNELS;
  const rows = runs.map(
    (r) =>
      `| ${r.processes} | ${r.elapsed.toFixed(1)} s | ${(r.elapsed / ideal).toFixed(3)} | ${r.duplicates} | ${r.losses} | ${r.rateLimited} | ${r.restSaw429} | ${r.ledgerSent.toLocaleString("en")} | ${met(r) ? "met" : "NOT met"} |`,
  );
  const shareRows = runs.flatMap((r) =>
    r.sentBy.map(
      (sent, i) =>
        `| ${r.processes} | ${i + 1} | ${r.perProcess[i]} | ${sent.toLocaleString("en")} | ${r.doneAt[i]?.toFixed(1)} s | ${r.cpuSeconds[i]?.toFixed(1)} s |`,
    ),
  );
  const targetsMet = runs.every(met);
  const markdown = `One alert fanned out to ${CHANNELS.toLocaleString("en")} subscribed Discord channels by 1, 2 and 3 bot processes on one PostgreSQL store, each process the real delivery path (ledger claim on PostgreSQL, \`DiscordSender\` → \`@discordjs/rest\`, ledger finish; ${CONCURRENCY} channels in flight per process). The processes share the channels through the ledger's claims alone. The stand-in Discord REST API enforces a global limit of ${LIMIT} requests/s (a token bucket) and answers excess requests with a global 429.

**The processes share one rate limit through the Discord proxy** (\`ceasefire-bot discord-proxy\`, decision 0012): every process sends through it, and it keeps the bot's global limit of ${LIMIT} requests/s for all of them: it holds the requests over the limit and lets them out at an even pace, never more than ${LIMIT} in a second (decision 0036), so that none draws Discord's 429. "429s seen by the clients" counts any 429 that reached a process all the same. Ideal time: channels / limit = ${ideal.toFixed(1)} s. Elapsed runs from the moment every process is told to start to the moment the last one has finished.

| Processes | Elapsed | Elapsed / ideal | Duplicates | Losses | 429s (stand-in, all global) | 429s seen by the clients | Sent (ledger) | Targets |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |
${rows.join("\n")}

Each process's share:

| Processes | Process | Own limit (req/s) | Sent | Finished after | CPU time of its fan-out |
| ---: | ---: | ---: | ---: | ---: | ---: |
${shareRows.join("\n")}

The proxy's pace has no window of ${LIMIT} requests at once and no 50 ms pause between windows (@discordjs/rest's \`offset\`), which used to add about 5% to the ideal by themselves (decision 0036); each process's own window of ${LIMIT} a second seldom fills while the proxy holds its requests to the pace.

Targets: elapsed within 10% of the ideal, no duplicates, no losses, no global 429s, every row of the ledger sent: ${targetsMet ? "all met" : "NOT all met"}.`;
  return { title: "Alert fan-out by several processes on PostgreSQL", markdown, targetsMet };
}
