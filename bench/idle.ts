/**
 * Memory of an idle bot with both platforms connected, and the CPU time it spends per interaction: the
 * bot as deployed (deploy/ceasefire-bot.service's ExecStart, run as systemd runs it, on the bot built
 * as plain JavaScript) with Discord (the stand-in gateway and REST, 100 servers) and Slack (HTTP mode,
 * or Socket Mode against the stand-in socket server) configured, HEALTH_PORT set (metrics on, as in a
 * deployment with health checks) and the SQLite store in the unit's state directory. Once /readyz
 * answers 200 nothing is sent to it; its resident set size is read from outside (ps) every second for
 * IDLE_SECONDS. Then INTERACTIONS slash commands are sent through the stand-in Slack, one after the
 * other, and the bot process's CPU time (user + system, from /proc: what its process.cpuUsage() would
 * say) over them is divided by their number. The same bot with the Node flags the unit used to run
 * (`--optimize-for-size --no-opt`) and a bare `node` process idling as long are measured the same way,
 * for comparison. Run alone: `npm run bench -- idle`.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { installBot } from "../test/support/install.js";
import { freePort, until } from "../test/support/processes.js";
import { StandInDiscord } from "../test/support/standins/discord.js";
import { postSigned, StandInSlack, slashCommandBody } from "../test/support/standins/slack.js";
import { StandInSlackSocket } from "../test/support/standins/slack-socket.js";
import {
  bytesOf,
  memoryCgroup,
  one,
  runUnit,
  serviceSettings,
  type UnitVariant,
} from "../test/support/systemd-unit.js";
import { type BenchSection, median } from "./report.js";

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
/**
 * Runs of each row of the unit as shipped; the comparison takes fewer. When V8 gives its start-up
 * memory back varies from run to run: one reading says little. The target holds for every run, not
 * for a median.
 */
const RUNS = Number(process.env.BENCH_IDLE_RUNS ?? 5);
const COMPARISON_RUNS = Math.min(RUNS, 3);
/** Slash commands sent after the idle time, for the CPU time per interaction. */
const INTERACTIONS = Number(process.env.BENCH_IDLE_INTERACTIONS ?? 120);
/** What they ask, in turn: answers of text alone, and a timeline with its picture. */
const ASKED: readonly [string, string][] = [
  ["/captives", ""],
  ["/deadlines", ""],
  ["/parties", ""],
  ["/claims", ""],
  ["/sources", ""],
  ["/timeline", ""],
];
/** The Node flags the unit ran before docs/decisions/0028-v8-defaults-and-lazy-loading.md. */
const FORMER_FLAGS = ["--optimize-for-size", "--no-opt"];
const SIGNING_SECRET = "bench-idle-secret";
const SERVERS = 100;
const TARGET_MB = 100;
const MB = 1024 * 1024;
const SLACK_TOKEN = "xoxb-bench-idle";
const APP_TOKEN = "xapp-1-A0APP-1-bench-idle";
const UNIT = "deploy/ceasefire-bot.service";

/** Resident set size of process `pid`, in bytes. */
async function rssOf(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)("ps", ["-o", "rss=", "-p", String(pid)]);
  return Number(stdout.trim()) * 1024;
}

/** CPU time (user + system) of process `pid` so far, in milliseconds, as the kernel counts it. */
function cpuMsOf(pid: number): number {
  // /proc/PID/stat: the fields after the command's closing parenthesis; utime and stime are the 12th
  // and 13th of them, in clock ticks (100 a second on Linux).
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Sample {
  /** RSS when the process was ready (bytes). */
  ready: number;
  /** RSS after IDLE_SECONDS of idleness. */
  idle: number;
  /** The highest RSS seen while idle. */
  peak: number;
  /** CPU time per interaction after the idle time (ms); NaN when none was sent. */
  cpu: number;
}

/** Samples `child`'s RSS every second for IDLE_SECONDS, from now on. */
async function idleSamples(child: ChildProcess): Promise<Sample> {
  const pid = child.pid;
  if (pid === undefined) throw new Error("the process did not start");
  const ready = await rssOf(pid);
  let peak = ready;
  let last = ready;
  for (let s = 0; s < IDLE_SECONDS; s++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    last = await rssOf(pid);
    peak = Math.max(peak, last);
  }
  return { ready, idle: last, peak, cpu: Number.NaN };
}

async function stopped(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The deployed bot, idle with Discord and Slack (HTTP or Socket Mode) connected. */
async function botIdle(
  install: string,
  slackMode: "http" | "socket",
  options: UnitVariant = {},
): Promise<Sample> {
  const discord = await StandInDiscord.start();
  discord.guildCount = SERVERS;
  const slack = await StandInSlack.start(SLACK_TOKEN);
  const socket = slackMode === "socket" ? await StandInSlackSocket.start(slack, APP_TOKEN) : undefined;
  const healthPort = await freePort();
  const slackPort = await freePort();
  const envFile: Record<string, string> = {
    LOG_LEVEL: "warn",
    HEALTH_PORT: String(healthPort),
    DISCORD_TOKEN: "bench-idle-token",
    DISCORD_APP_ID: discord.appId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    ...(socket
      ? { SLACK_APP_TOKEN: APP_TOKEN }
      : { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(slackPort) }),
  };
  const { child } = runUnit(UNIT, install, envFile, options);
  try {
    await until(
      "the bot to be ready",
      async () => {
        const status = await fetch(`http://127.0.0.1:${healthPort}/readyz`).then(
          (r) => r.status,
          () => undefined,
        );
        return status === 200 ? true : undefined;
      },
      60_000,
    );
    const sample = await idleSamples(child);
    const ask = async (i: number) => {
      const [command, text] = ASKED[i % ASKED.length] ?? ["/captives", ""];
      if (socket) return void (await socket.slashCommand(command, text, slack.responseUrl()));
      const body = slashCommandBody(command, text, slack.responseUrl());
      await postSigned(`http://127.0.0.1:${slackPort}/slack/events`, { secret: SIGNING_SECRET, body });
    };
    return { ...sample, cpu: await cpuPerInteraction(child, ask) };
  } finally {
    await stopped(child);
    await socket?.stop();
    await slack.stop();
    await discord.stop();
  }
}

/** The unit's MemoryMax=, in bytes. */
const MEMORY_MAX = bytesOf(one(serviceSettings(UNIT), "MemoryMax"));

/**
 * The deployed bot in a memory cgroup limited to the unit's MemoryMax=, as systemd starts it (root and
 * a memory controller needed); without one where this machine cannot make it (the report says so).
 */
async function botIdleInUnitCgroup(install: string, slackMode: "http" | "socket"): Promise<Sample> {
  const cgroup = memoryCgroup(MEMORY_MAX);
  if (!cgroup) return botIdle(install, slackMode);
  try {
    return await botIdle(install, slackMode, { cgroup });
  } finally {
    cgroup.remove();
  }
}

/**
 * The bot process's CPU time per interaction over INTERACTIONS of them, sent one after the other;
 * answers posted later (to a response_url) are waited for by a second of quiet at the end.
 */
async function cpuPerInteraction(child: ChildProcess, ask: (i: number) => Promise<void>): Promise<number> {
  const pid = child.pid;
  if (pid === undefined) throw new Error("the process did not start");
  const before = cpuMsOf(pid);
  for (let i = 0; i < INTERACTIONS; i++) await ask(i);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return (cpuMsOf(pid) - before) / INTERACTIONS;
}

/** A bare node process doing nothing, for the floor. */
async function bareNodeIdle(): Promise<Sample> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    return await idleSamples(child);
  } finally {
    await stopped(child);
  }
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** Several runs of one row: the median of each figure, and every run's figures. */
interface Row {
  median: Sample;
  samples: Sample[];
}

async function runs(measure: () => Promise<Sample>, count = RUNS): Promise<Row> {
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) samples.push(await measure());
  const of = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    median: {
      ready: of((s) => s.ready),
      peak: of((s) => s.peak),
      idle: of((s) => s.idle),
      cpu: of((s) => s.cpu),
    },
    samples,
  };
}

/** The highest RSS of a row's runs, at ready or after the idle time. */
const worstOf = (r: Row) => Math.max(...r.samples.flatMap((s) => [s.ready, s.idle]));

export async function benchIdle(): Promise<BenchSection> {
  const install = await installBot();
  const probe = memoryCgroup(MEMORY_MAX);
  probe?.remove();
  const rows = {
    http: await runs(() => botIdleInUnitCgroup(install, "http")),
    socket: await runs(() => botIdleInUnitCgroup(install, "socket")),
    unlimited: await runs(() => botIdle(install, "http"), COMPARISON_RUNS),
    unlimitedSocket: await runs(() => botIdle(install, "socket"), COMPARISON_RUNS),
    former: await runs(() => botIdle(install, "http", { withNodeFlags: FORMER_FLAGS }), COMPARISON_RUNS),
    bare: await runs(bareNodeIdle, 1),
  };
  const limit = `${MEMORY_MAX / MB} MB`;
  const limitNote = probe
    ? `The unit's rows ran in a memory cgroup limited to its \`MemoryMax=\` (${limit}), as systemd starts it: Node sizes V8's heap from the memory its cgroup allows, and V8's defaults then choose semi-spaces of 1 MB; the rows "no memory limit" are the same unit started outside any limit, where V8 grows them to 16 MB during start-up.`
    : `**The unit's \`MemoryMax=\` (${limit}) could NOT be applied on this machine** (no memory cgroup could be made: root and a memory controller are needed): its rows ran without a limit, as the rows "no memory limit" do.`;
  const worst = Math.max(worstOf(rows.http), worstOf(rows.socket));
  const met = worst < TARGET_MB * MB;
  const cpu = (ms: number) => (Number.isNaN(ms) ? "—" : `${ms.toFixed(1)} ms`);
  const row = (name: string, r: Row) =>
    `| ${name} | ${mb(r.median.ready)} MB | ${mb(r.median.peak)} MB | ${mb(r.median.idle)} MB | ${cpu(r.median.cpu)} | ${r.samples.map((s) => `${mb(s.ready)} / ${mb(s.idle)}`).join(", ")} |`;
  const execStart = one(serviceSettings(UNIT), "ExecStart");
  const markdown = `The bot as the systemd unit runs it (\`${execStart}\` in its WorkingDirectory: V8's
defaults, no Node flag; with only its Environment= and the settings of its env file, in a cgroup limited to its
MemoryMax=, as systemd runs it), on the bot as \`npm run build\` builds it (one bundle of the sources and the
packages, lazily imported modules in chunks of their own), with Discord (stand-in gateway and REST, ${SERVERS} servers of 20 channels and 10 roles) and Slack
(stand-in Web API; HTTP mode, or Socket Mode connected to the stand-in socket server) configured,
\`HEALTH_PORT\` set (metrics on), the SQLite store, no desk and no news feed. Nothing is asked of it once
\`/readyz\` answers 200; its resident set size is read from outside (\`ps -o rss\`) every second for
${IDLE_SECONDS} s. Then ${INTERACTIONS} slash commands (${ASKED.map(([c]) => c).join(", ")} in turn, one after the
other) go through the stand-in Slack, and the bot process's CPU time (user + system, from \`/proc\`) over them,
divided by their number, is its CPU time per interaction. The unit as shipped is ${RUNS} runs per Slack mode, the
comparison ${COMPARISON_RUNS}: the table gives each figure's median, and the last column every run's RSS at ready /
after ${IDLE_SECONDS} s. The comparisons are the same unit with no memory limit, and with the Node flags the unit
ran before decision 0028 (\`${FORMER_FLAGS.join(" ")}\`: a small young generation, and no optimizing compiler); a
bare \`node\` process idling as long is the floor (Node's own binary and heap). See
docs/decisions/0028-v8-defaults-and-lazy-loading.md, docs/decisions/0039-one-bundle-and-a-memory-limit.md and
docs/decisions/0040-one-http-client.md (one undici for both platforms: its WebAssembly HTTP parser optimized once,
at the first request of the start, not as Socket Mode connects).

| Process | RSS at ready | Highest while idle | RSS after ${IDLE_SECONDS} s idle | CPU per interaction | each run: ready / idle |
| --- | ---: | ---: | ---: | ---: | --- |
${row(`bot: Discord + Slack HTTP mode, V8 defaults, MemoryMax ${limit} (the unit)`, rows.http)}
${row(`bot: Discord + Slack Socket Mode, V8 defaults, MemoryMax ${limit} (the unit)`, rows.socket)}
${row("bot: Discord + Slack HTTP mode, V8 defaults, no memory limit", rows.unlimited)}
${row("bot: Discord + Slack Socket Mode, V8 defaults, no memory limit", rows.unlimitedSocket)}
${row(`bot: Discord + Slack HTTP mode, \`${FORMER_FLAGS.join(" ")}\`, no memory limit (the unit before 0028)`, rows.former)}
${row("bare node (floor)", rows.bare)}

${limitNote}

Target: an idle bot as the unit runs it, both platforms connected, under ${TARGET_MB} MB in every run, at ready and after ${IDLE_SECONDS} s (highest of its ${2 * RUNS} runs: ${mb(worst)} MB: ${met ? "met" : "NOT met"}).`;
  return { title: "Idle process, both platforms connected", markdown, targetsMet: met };
}
