/**
 * 100,000 Discord servers: the bot as deployed (the install of test/support/install.ts, `ceasefire-bot
 * start` in PROCESSES child processes, each a range of shards through DISCORD_SHARDS and
 * DISCORD_SHARD_COUNT, all on one PostgreSQL store and all sending through one `ceasefire-bot
 * discord-proxy`) against the stand-in gateway of test/support/standins/discord-guilds.ts, which holds
 * the servers over the shard count Discord would assign (one shard per 1,000 servers) and sends each
 * shard its servers as GUILD_CREATEs, one text channel and three roles each.
 *
 * 1. Sizes (BENCH_GUILDS_SIZES, default 0,10000,25000,50000,100000; 0 is the base: the same processes
 *    on PROCESSES shards without servers): time to ready (from the spawn to the last process's
 *    "discord bot ready", every shard READY and every GUILD_CREATE received) and each process's RSS
 *    (`ps`) SETTLE_SECONDS after ready. RSS per 1,000 servers: the least-squares slope of the
 *    processes' total RSS over the sizes, and each size's total above the base.
 * 2. Fan-out (BENCH_GUILDS_FANOUT servers, default the largest size): every server's channel
 *    subscribed to the story's reminders on PostgreSQL, the processes started with `--clock` a margin
 *    before a reminder falls due (the margin: one and a half times that size's time to ready from part 1, plus 30 s),
 *    their real scheduler (a tick every 10 s) fans it out; the stand-in REST enforces a global limit of
 *    BENCH_GUILDS_LIMIT requests/s (default 500), the proxy and each process keep to the same.
 *    Elapsed runs from the first message posted to the last; ideal = channels / limit.
 *
 * Run alone: `npm run bench -- guilds`.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import pg from "pg";
import { eachLimit } from "../src/delivery/fan-out.js";
import { PostgresStore } from "../src/store/postgres.js";
import { installBot } from "../test/support/install.js";
import { freePort } from "../test/support/processes.js";
import { StandInDiscordGuilds, shardsFor } from "../test/support/standins/discord-guilds.js";
import {
  bytesOf,
  inCgroup,
  type MemoryCgroup,
  memoryCgroup,
  one,
  serviceSettings,
} from "../test/support/systemd-unit.js";
import type { BenchSection } from "./report.js";

const SIZES = (process.env.BENCH_GUILDS_SIZES ?? "0,10000,25000,50000,100000").split(",").map(Number);
const FANOUT_GUILDS = Number(process.env.BENCH_GUILDS_FANOUT ?? Math.max(...SIZES));
const LIMIT = Number(process.env.BENCH_GUILDS_LIMIT ?? 500);
const PROCESSES = 4;
/** What Discord grants a large bot; with 1, a hundred shards take 500 s to identify (see the section). */
const MAX_CONCURRENCY = 16;
const SETTLE_SECONDS = 10;
/** How long the bench waits for the fan-out once it is due, at most. */
/** The unit's MemoryMax=: each bot process runs in a memory cgroup so limited, as systemd runs it. */
const MEMORY_MAX = bytesOf(one(serviceSettings("deploy/ceasefire-bot.service"), "MemoryMax"));
/** Whether this machine could make the bot processes their cgroups (root and a memory controller). */
let memoryLimited = false;
const MAX_FANOUT_SECONDS = Number(process.env.BENCH_GUILDS_MAX_FANOUT_SECONDS ?? 1_800);
const TARGET_MB_PER_1000 = 20;
const PG_URL =
  process.env.DATABASE_URL ?? process.env.PGURL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
/** The one reminder due at its instant across the shipped stories (the day before, 09:00 in Jerusalem). */
const REMINDER = {
  key: "gaza-2025:philadelphi-withdrawal-complete:1d",
  at: Date.parse("2025-03-08T07:00:00Z"),
};
const MB = 1024 * 1024;
const TOKEN = "bench-guilds-token";

/** One `ceasefire-bot` child process and the JSON lines it logged. */
interface Child {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: string;
  /** Resolves with the first line whose msg is `msg`. */
  logged(msg: string, timeoutMs: number): Promise<Record<string, unknown>>;
}

function spawnCli(
  install: string,
  args: string[],
  env: Record<string, string>,
  cgroup?: MemoryCgroup,
): Child {
  const command = [process.execPath, "dist/src/cli/run.js", ...args];
  const [file, argv] = cgroup ? inCgroup(cgroup, command) : [process.execPath, command.slice(1)];
  const child = spawn(file, argv, {
    cwd: install,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { msg: string; resolve: (l: Record<string, unknown>) => void }[] = [];
  const out: Child = { child, lines, stderr: "", logged: () => Promise.reject(new Error("unset")) };
  child.stderr?.on("data", (d) => {
    out.stderr += d;
  });
  if (!child.stdout) throw new Error("no stdout");
  createInterface({ input: child.stdout }).on("line", (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    // Keep what the report needs, not every line (a tick every 10 s for minutes).
    if (typeof line.level === "number" && line.level >= 40) lines.push(line);
    for (const w of [...waiters])
      if (line.msg === w.msg) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
  });
  out.logged = (msg, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${msg}" within ${timeoutMs} ms:\n${out.stderr.slice(-2000)}`)),
        timeoutMs,
      );
      const done = (l: Record<string, unknown>) => {
        clearTimeout(timer);
        resolve(l);
      };
      waiters.push({ msg, resolve: done });
      child.once("exit", (code) =>
        reject(new Error(`exited ${code} before "${msg}":\n${out.stderr.slice(-2000)}`)),
      );
    });
  return out;
}

async function rssOf(pid: number | undefined): Promise<number> {
  const { stdout } = await promisify(execFile)("ps", ["-o", "rss=", "-p", String(pid)]);
  return Number(stdout.trim()) * 1024;
}

/** CPU time (user + system) of process `pid` so far, in seconds, from /proc (100 ticks a second). */
function cpuOf(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds of every PostgreSQL process on this machine so far, the backends that have ended
 * included (their time is the server's children's); undefined when none runs here.
 */
function postgresCpu(): number | undefined {
  let ticks = 0;
  let found = false;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    if (!stat.includes("(postgres)")) continue;
    found = true;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return found ? ticks / 100 : undefined;
}

/** CPU seconds of the bots, the proxy, this process (the stand-in) and PostgreSQL so far. */
function fleetCpu(fleet: Fleet): {
  bots: number[];
  proxy: number;
  standin: number;
  postgres: number | undefined;
} {
  const own = process.cpuUsage();
  return {
    bots: fleet.bots.map((b) => cpuOf(b.child.pid)),
    proxy: cpuOf(fleet.proxy.child.pid),
    standin: (own.user + own.system) / 1e6,
    postgres: postgresCpu(),
  };
}

async function stopAll(children: Child[]): Promise<void> {
  await Promise.all(
    children.map(async (c) => {
      if (c.child.exitCode !== null) return;
      const exited = new Promise((resolve) => c.child.once("exit", resolve));
      c.child.kill("SIGTERM");
      const timer = setTimeout(() => c.child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/** PROCESSES contiguous shard ranges covering 0 … count - 1 (fewer when there are fewer shards). */
export function shardRanges(count: number, processes: number): string[] {
  const n = Math.min(count, processes);
  return Array.from({ length: n }, (_, i) => {
    const from = Math.floor((i * count) / n);
    const to = Math.floor(((i + 1) * count) / n) - 1;
    return from === to ? String(from) : `${from}-${to}`;
  });
}

/** A PostgreSQL URL whose connections use `schema`. */
const inSchema = (schema: string) =>
  `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}options=-c%20search_path%3D${schema}`;

interface Fleet {
  standin: StandInDiscordGuilds;
  proxy: Child;
  bots: Child[];
  ranges: string[];
  /** Seconds from the spawn of the bots to each one's "discord bot ready". */
  readyAfter: number[];
  guildsSeen: number[];
  stop(): Promise<void>;
}

async function startFleet(install: string, guilds: number, schema: string, clock: Date): Promise<Fleet> {
  const shardCount = guilds === 0 ? PROCESSES : shardsFor(guilds);
  const standin = await StandInDiscordGuilds.start({
    guildCount: guilds,
    shardCount,
    globalPerSecond: LIMIT,
    maxConcurrency: MAX_CONCURRENCY,
  });
  const proxyPort = await freePort();
  const proxy = spawnCli(install, ["discord-proxy"], {
    DISCORD_API_URL: standin.apiUrl,
    DISCORD_PROXY_PORT: String(proxyPort),
    DISCORD_GLOBAL_REQUESTS_PER_SECOND: String(LIMIT),
  });
  const bots: Child[] = [];
  const cgroups: MemoryCgroup[] = [];
  const stop = async () => {
    await stopAll(bots);
    await stopAll([proxy]);
    await standin.stop();
    for (const cgroup of cgroups) cgroup.remove();
  };
  try {
    await proxy.logged("discord proxy listening", 30_000);
    const ranges = shardRanges(shardCount, PROCESSES);
    const started = performance.now();
    for (const range of ranges) {
      const cgroup = memoryCgroup(MEMORY_MAX);
      if (cgroup) cgroups.push(cgroup);
      memoryLimited = cgroup !== undefined;
      bots.push(
        spawnCli(
          install,
          ["start", "--clock", clock.toISOString()],
          {
            DISCORD_TOKEN: TOKEN,
            DISCORD_APP_ID: standin.appId,
            DISCORD_PROXY_URL: `http://127.0.0.1:${proxyPort}/api`,
            DISCORD_SHARDS: range,
            DISCORD_SHARD_COUNT: String(shardCount),
            DISCORD_GLOBAL_REQUESTS_PER_SECOND: String(LIMIT),
            DATABASE_URL: inSchema(schema),
            FEEDS: "off",
            SCHEDULER_CRON: "*/20 * * * * *",
          },
          cgroup,
        ),
      );
    }
    const ready = await Promise.all(
      bots.map(async (b) => {
        const line = await b.logged("discord bot ready", 900_000);
        return { at: (performance.now() - started) / 1000, guilds: Number(line.guilds) };
      }),
    );
    return {
      standin,
      proxy,
      bots,
      ranges,
      readyAfter: ready.map((r) => r.at),
      guildsSeen: ready.map((r) => r.guilds),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string) => sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);

interface SizeRun {
  guilds: number;
  shards: number;
  ranges: string[];
  readyAfter: number[];
  guildsSeen: number[];
  rss: number[];
  warnings: string[];
  /** IDENTIFYs the stand-in refused for coming less than 5 s after the last in their bucket. */
  identifiesTooSoon: number;
  /** The shortest gap, in its bucket, of a refused IDENTIFY (ms; Infinity when none was refused). */
  closestRefusedMs: number;
}

/** Part 1: one size, no subscription; RSS SETTLE_SECONDS after the last process is ready. */
async function measureSize(install: string, guilds: number): Promise<SizeRun> {
  const schema = `bench_guilds_${process.pid}_${guilds}`;
  await PostgresStore.open({ connectionString: PG_URL, schema, max: 1 }).then((s) => s.close());
  try {
    // A clock with nothing due: the day before the fan-out's reminder.
    const fleet = await startFleet(install, guilds, schema, new Date(REMINDER.at - 86_400_000));
    try {
      await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
      const rss = await Promise.all(fleet.bots.map((b) => rssOf(b.child.pid)));
      return {
        guilds,
        shards: fleet.standin.shardCount,
        ranges: fleet.ranges,
        readyAfter: fleet.readyAfter,
        guildsSeen: fleet.guildsSeen,
        rss,
        warnings: fleet.bots.flatMap((b) => b.lines.map((l) => String(l.msg))),
        identifiesTooSoon: fleet.standin.stats.identifiesTooSoon,
        closestRefusedMs: fleet.standin.stats.closestRefusedMs,
      };
    } finally {
      await fleet.stop();
    }
  } finally {
    await dropSchema(schema);
  }
}

interface FanOutRun {
  guilds: number;
  channels: number;
  elapsed: number;
  /** CPU seconds spent from the first message to the last: by each bot, the proxy, the stand-in. */
  cpu: { bots: number[]; proxy: number; standin: number; postgres: number | undefined };
  /** The machine's load average (1 min) when the fan-out began and ended. */
  load: [number, number];
  /** Whether every channel got its message before the bench stopped waiting. */
  finished: boolean;
  readyBeforeDue: boolean;
  duplicates: number;
  losses: number;
  rateLimited: number;
  nonceReplays: number;
  ledger: Record<string, number>;
  sentBy: number[];
  proxy429s: number;
  rss: number[];
  subscribeSeconds: number;
}

/** Part 2: the fan-out of one reminder to every server's channel. */
async function measureFanOut(install: string, guilds: number, readyEstimate: number): Promise<FanOutRun> {
  const schema = `bench_guilds_${process.pid}_fanout`;
  const store = await PostgresStore.open({ connectionString: PG_URL, schema, max: 8 });
  try {
    const subscribing = performance.now();
    // Every server's channel, as the fleet's stand-in will hold them.
    const probe = await StandInDiscordGuilds.start({ guildCount: guilds });
    const channels = probe.channels();
    await probe.stop();
    await eachLimit(channels, 16, async (channelId) => {
      await store.subscribe(
        { platform: "discord", channelId, story: "gaza-2025", workspaceId: "bench", kind: "reminders" },
        new Date("2025-03-01T00:00:00Z"),
      );
    });
    const subscribeSeconds = (performance.now() - subscribing) / 1000;
    const marginMs = Math.round((1.5 * readyEstimate + 30) * 1000);
    const spawnedAt = performance.now();
    const fleet = await startFleet(install, guilds, schema, new Date(REMINDER.at - marginMs));
    try {
      const readyAt = Math.max(...fleet.readyAfter) * 1000 + spawnedAt;
      const dueAt = spawnedAt + marginMs;
      const { standin } = fleet;
      const deadline = dueAt + MAX_FANOUT_SECONDS * 1000;
      let before: ReturnType<typeof fleetCpu> | undefined;
      let loadAtStart = 0;
      // Until every channel has a message (not every message: a retry with its nonce is one more post).
      while (standin.posts.size < channels.length && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1_000));
        if (!before && standin.stats.posts > 0) {
          before = fleetCpu(fleet);
          loadAtStart = loadavg()[0] ?? 0;
        }
      }
      const after = fleetCpu(fleet);
      const loadAtEnd = loadavg()[0] ?? 0;
      const finished = standin.posts.size >= channels.length;
      // Whatever was still under way (a retry, a duplicate) has a few seconds to show.
      await new Promise((r) => setTimeout(r, 5_000));
      const rss = await Promise.all(fleet.bots.map((b) => rssOf(b.child.pid)));
      const counts = channels.map((c) => standin.count(c));
      const ledgerRows = await sql<{ state: string; n: number }>(
        `SELECT state, count(*)::int AS n FROM ${schema}.deliveries GROUP BY state`,
      );
      const owners = await sql<{ owner: string; n: number }>(
        `SELECT owner, count(*)::int AS n FROM ${schema}.deliveries GROUP BY owner ORDER BY owner`,
      );
      const proxy429s = fleet.bots.reduce(
        (n, b) => n + b.lines.filter((l) => String(l.msg).startsWith("rate limited")).length,
        0,
      );
      return {
        guilds,
        channels: channels.length,
        elapsed: ((standin.lastPostAt ?? 0) - (standin.firstPostAt ?? 0)) / 1000,
        cpu: {
          bots: after.bots.map((c, i) => c - (before?.bots[i] ?? 0)),
          proxy: after.proxy - (before?.proxy ?? 0),
          standin: after.standin - (before?.standin ?? 0),
          postgres:
            after.postgres === undefined || before?.postgres === undefined
              ? undefined
              : after.postgres - before.postgres,
        },
        load: [loadAtStart, loadAtEnd],
        finished,
        readyBeforeDue: readyAt < dueAt,
        duplicates: counts.filter((n) => n > 1).length,
        losses: counts.filter((n) => n === 0).length,
        rateLimited: standin.stats.rateLimited,
        nonceReplays: standin.stats.nonceReplays,
        ledger: Object.fromEntries(ledgerRows.map((r) => [r.state, r.n])),
        sentBy: owners.map((o) => o.n),
        proxy429s,
        rss,
        subscribeSeconds,
      };
    } finally {
      await fleet.stop();
    }
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (n: number) => n.toLocaleString("en");

export async function benchGuilds(): Promise<BenchSection> {
  const loadBefore = loadavg()[0] ?? 0;
  const install = await installBot();
  const sizes: SizeRun[] = [];
  for (const guilds of [...SIZES].sort((a, b) => a - b)) {
    console.error(`bench guilds: ${fmt(guilds)} servers…`);
    sizes.push(await measureSize(install, guilds));
  }
  const base = sizes.find((s) => s.guilds === 0);
  const perThousand = slope(sizes.map((s) => [s.guilds / 1000, sum(s.rss)])) / MB;
  const readyFor = sizes.find((s) => s.guilds === FANOUT_GUILDS);
  console.error(`bench guilds: fan-out to ${fmt(FANOUT_GUILDS)} channels…`);
  const fan = await measureFanOut(install, FANOUT_GUILDS, Math.max(...(readyFor?.readyAfter ?? [30])));
  const ideal = fan.channels / LIMIT;
  const ratio = fan.elapsed / ideal;
  const rate = fan.elapsed > 0 ? (fan.channels - fan.losses) / fan.elapsed : 0;
  const cpuTotal = sum(fan.cpu.bots) + fan.cpu.proxy + fan.cpu.standin;
  const perMessageMs = (cpuTotal / Math.max(1, fan.channels - fan.losses)) * 1000;
  const coresNeeded = (perMessageMs / 1000) * LIMIT;
  const coresGot = fan.elapsed > 0 ? cpuTotal / fan.elapsed : 0;
  const sent = (fan.ledger.sent ?? 0) + (fan.ledger.sent_late ?? 0);
  const fanMet =
    ratio <= 1.1 &&
    fan.duplicates === 0 &&
    fan.losses === 0 &&
    fan.rateLimited === 0 &&
    sent === fan.channels &&
    fan.readyBeforeDue &&
    fan.finished;
  const everyGuild = sizes.every((s) => sum(s.guildsSeen) === s.guilds);
  const rssMet = perThousand <= TARGET_MB_PER_1000;
  const identifyMet = sizes.every((s) => s.identifiesTooSoon === 0);
  const targetsMet = fanMet && rssMet && everyGuild && identifyMet;
  const sizeRows = sizes.map((s) => {
    const total = sum(s.rss);
    const above =
      base && s.guilds ? `${((total - sum(base.rss)) / MB / (s.guilds / 1000)).toFixed(2)} MB` : "—";
    return `| ${fmt(s.guilds)} | ${s.shards} | ${s.ranges.join(", ")} | ${fmt(sum(s.guildsSeen))} | ${Math.max(...s.readyAfter).toFixed(1)} s | ${s.identifiesTooSoon} | ${s.rss.map(mb).join(" / ")} MB | ${mb(total)} MB | ${above} |`;
  });
  const warnings = [...new Set(sizes.flatMap((s) => s.warnings))];
  const markdown = `The bot as deployed (the install of \`test/support/install.ts\`: \`ceasefire-bot start\` as plain JavaScript, V8's defaults) in ${PROCESSES} processes, each a contiguous range of the shards (\`DISCORD_SHARDS=a-b\`, \`DISCORD_SHARD_COUNT\` the total), all on one PostgreSQL store and all sending through one \`ceasefire-bot discord-proxy\`, against the stand-in Discord of \`test/support/standins/discord-guilds.ts\`: it holds the servers over the shard count Discord would assign, one shard per 1,000 servers, sends each shard READY and one GUILD_CREATE per server (one text channel, three roles, the bot's member), and serves the REST routes with a global limit of ${LIMIT} requests/s. GET /gateway/bot announces \`max_concurrency\` ${MAX_CONCURRENCY} (what Discord grants large bots; with 1, Discord lets one shard identify every 5 s, so 100 shards could not all be ready in under 500 s whatever the bot does). The 0-server row is the base: the same ${PROCESSES} processes on ${PROCESSES} shards without servers. ${memoryLimited ? `Each bot process runs in a memory cgroup limited to the unit's \`MemoryMax=\` (${MEMORY_MAX / 1024 ** 2} MB), as systemd runs it: V8 sizes its heap from it.` : `The unit's \`MemoryMax=\` (${MEMORY_MAX / 1024 ** 2} MB) could NOT be applied on this machine (no memory cgroup could be made): the processes ran without a limit.`}

Time to ready runs from the spawn of the processes to the last one's "discord bot ready" (discord.js's ready: every shard READY and every GUILD_CREATE of its servers received; the servers column is what the processes counted in their caches then). The stand-in keeps Discord's identify limit for the whole bot (one IDENTIFY per bucket, shard % max_concurrency, every 5 s) and refuses one too soon with an invalid session: "Identifies refused" counts those, and the processes keep to the limit together through the store (docs/decisions/0035-one-identify-queue-for-every-process.md), so ${PROCESSES} processes cannot be ready sooner than one could. RSS is each process's resident set (\`ps\`) ${SETTLE_SECONDS} s after the last was ready.

| Servers | Shards | Shards per process | Servers in the caches | Time to ready | Identifies refused | RSS per process | RSS, all processes | Above the base, per 1,000 servers |
| ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: |
${sizeRows.join("\n")}

RSS per 1,000 servers (least-squares slope of the processes' total RSS over the sizes): **${perThousand.toFixed(2)} MB** (target ≤ ${TARGET_MB_PER_1000} MB: ${rssMet ? "met" : "NOT met"}). Identifies refused by the stand-in at every size: ${sum(sizes.map((s) => s.identifiesTooSoon))} (target 0: ${identifyMet ? "met" : `NOT met; the closest came ${Math.min(...sizes.map((s) => s.closestRefusedMs)).toFixed(0)} ms after the last of its bucket`}).${warnings.length ? ` Warnings the processes logged: ${warnings.map((w) => `"${w}"`).join(", ")}.` : ""}

**The fan-out of one reminder** (\`${REMINDER.key}\`, the only one due at its instant) to the text channel of every one of ${fmt(fan.guilds)} servers, ${fmt(fan.channels)} channels subscribed on the one PostgreSQL store (subscribing them took ${fan.subscribeSeconds.toFixed(0)} s, not counted): the same ${PROCESSES} processes, each started with \`--clock\` a margin before the reminder falls due (all ready ${fan.readyBeforeDue ? "before" : "NOT before"} it did), each running its own scheduler (a tick every 20 s) and real delivery path (ledger claim on PostgreSQL, \`DiscordSender\` → @discordjs/rest → the proxy → the stand-in, ledger finish); the ledger's claims share the channels out. Each process keeps to ${LIMIT} requests/s itself and the proxy keeps the one global limit of ${LIMIT}/s for all of them, holding what is over it and letting requests out at an even pace (decision 0036); the ledger's claims and finishes asked in one turn go as one statement (decision 0037). Ideal: channels / limit = ${ideal.toFixed(0)} s. Elapsed runs from the first message the stand-in received to the last${fan.finished ? "" : ` (NOT every channel had its message when the bench stopped waiting, ${MAX_FANOUT_SECONDS} s after the reminder was due: elapsed is up to then)`}.

| Channels | Elapsed | Elapsed / ideal | Messages a second | Duplicates | Losses | Retries answered by their nonce | Global 429s (stand-in) | 429s the proxy gave the processes | Ledger | Sent by each process | RSS per process after |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |
| ${fmt(fan.channels)} | ${fan.elapsed.toFixed(1)} s | ${ratio.toFixed(3)} | ${rate.toFixed(0)} | ${fan.duplicates} | ${fan.losses} | ${fmt(fan.nonceReplays)} | ${fan.rateLimited} | ${fan.proxy429s} | ${Object.entries(
    fan.ledger,
  )
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ")} | ${fan.sentBy.map(fmt).join(" / ")} | ${fan.rss.map(mb).join(" / ")} MB |

CPU time from the first message to the last: the bot processes ${fan.cpu.bots.map((c) => `${c.toFixed(1)} s`).join(" / ")}, the proxy ${fan.cpu.proxy.toFixed(1)} s, the stand-in ${fan.cpu.standin.toFixed(1)} s; PostgreSQL ${fan.cpu.postgres === undefined ? "not measured (not on this machine)" : `${fan.cpu.postgres.toFixed(1)} s, not counted in what follows`}: ${perMessageMs.toFixed(2)} ms a message, so ${LIMIT} messages a second need ${coresNeeded.toFixed(2)} cores of this machine for these processes alone, ${coresGot.toFixed(2)} were had on average. Load average (1 min) when the fan-out began / ended: ${fan.load.map((l) => l.toFixed(1)).join(" / ")}.

Targets: RSS ≤ ${TARGET_MB_PER_1000} MB per 1,000 servers, every server in a cache at ready, no identify refused; the fan-out within 10% of the ideal, no duplicates, no losses, no global 429s, every channel sent in the ledger: ${targetsMet ? "all met" : "NOT all met"}.

Load average (1 min) when the section began: ${loadBefore.toFixed(1)}${loadBefore >= 1 ? ": other work shared the machine's cores, so times are upper bounds" : ": the machine was otherwise idle"}.`;
  return { title: "100,000 servers", markdown, targetsMet };
}
