/**
 * Discord: (a) interactions answered per second by the bot (real discord.js client, core, renderer)
 * against a bare discord.js client that answers every interaction with one fixed embed, over the
 * same stand-in gateway and REST server in the same run, alternating rounds; (b) memory once ready
 * in 0 and 1,000 servers (20 channels and 10 roles each, sent to a client with the Guilds intent),
 * for the bot and for a bare client with discord.js's default caches, each measured in a fresh
 * child process, with the process warnings each printed.
 * Run alone: `node bin/run-ts.mjs bench/discord.ts`.
 */

import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type APIEmbed, Client, EmbedBuilder, Events, GatewayIntentBits } from "discord.js";
import type { LiveDataset } from "../src/dataset/live.js";
import { createDiscordAdapter, restOptions } from "../src/platforms/discord/adapter.js";
import { attachPicture } from "../src/platforms/discord/attachments.js";
import { renderDiscord } from "../src/platforms/discord/embeds.js";
import { shippedCore } from "../test/support/core.js";
import { silentLog } from "../test/support/log.js";
import { type OptionValue, StandInDiscord } from "../test/support/standins/discord.js";
import { type BenchSection, median } from "./report.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = Number(process.env.BENCH_DISCORD_ROUNDS ?? 9);
/**
 * Rounds each side runs first, not counted: on this machine both clients were still speeding up over
 * their first few thousand interactions (the optimizing compiler, the caches), the bot the longest,
 * and it went first, so the first rounds measured warm-up more than either client.
 */
const WARMUP_ROUNDS = Number(process.env.BENCH_DISCORD_WARMUP_ROUNDS ?? 2);
const PER_ROUND = 2_000;
const WARMUP = 500;
/** Interactions in flight at once (Discord sends them as they come; this keeps the queue bounded). */
const WINDOW = 64;
const GUILDS = 1_000;
const RATIO_TARGET = 0.95;
const BOT_TOTAL_TARGET_MB = 150;
/** Both clients lift discord.js's 50 requests/s cap, which would otherwise be all we measure. */
const REQUESTS_PER_SECOND = 100_000;

const MB = 1024 * 1024;

/** The commands the bot is asked, in turn (what readers ask most). */
const MIX: [string, OptionValue[]][] = [
  ["captives", []],
  ["phase", []],
  ["timeline", []],
  ["deadlines", []],
  ["figures", []],
  ["timeline", [{ name: "page", type: 4, value: 2 }]],
];

interface Contender {
  start(): Promise<void>;
  stop(): Promise<void>;
}

function botContender(discord: StandInDiscord): Contender {
  const log = silentLog();
  let data: LiveDataset | undefined;
  let adapter: ReturnType<typeof createDiscordAdapter> | undefined;
  return {
    async start() {
      const bot = await shippedCore({ log });
      data = bot.data;
      const core = bot.core;
      adapter = createDiscordAdapter({
        core,
        token: "bench-token",
        appId: discord.appId,
        apiUrl: discord.apiUrl,
        log,
        globalRequestsPerSecond: REQUESTS_PER_SECOND,
      });
      await adapter.start();
    },
    async stop() {
      await adapter?.stop();
      data?.close();
    },
  };
}

/**
 * The least a discord.js bot can do: reply a fixed message. So that payload size does not count
 * against the bot, each command gets the bot's own answer, rendered once before the run, with its
 * picture attached as the bot attaches it (the same bytes, multipart, every time).
 */
async function bareContender(discord: StandInDiscord): Promise<Contender> {
  const { core, data } = await shippedCore();
  const log = silentLog();
  const fixed = new Map(
    MIX.map(([name, options]) => {
      const raw = Object.fromEntries(options.map((o) => [o.name, o.value]));
      const reply = core.answerQuestion(name, raw);
      return [keyOf(name, raw.page), attachPicture(reply, renderDiscord(reply), log)] as const;
    }),
  );
  data.close();
  let client: Client | undefined;
  return {
    async start() {
      client = new Client({
        intents: [GatewayIntentBits.Guilds],
        // The bot's REST settings (its own agent too), so that only what each does with an interaction differs.
        rest: restOptions({ apiUrl: discord.apiUrl, globalRequestsPerSecond: REQUESTS_PER_SECOND }),
      });
      client.on(Events.InteractionCreate, (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const fixedReply = fixed.get(keyOf(interaction.commandName, interaction.options.getInteger("page")));
        if (!fixedReply) return;
        const { message, files } = fixedReply;
        void interaction
          .reply({
            embeds: message.embeds.map((e) => new EmbedBuilder(e as APIEmbed)),
            components: message.components.map((row) => ({ toJSON: () => row })) as never,
            files,
          })
          .catch(() => {});
      });
      const ready = new Promise<void>((resolve) => client?.once(Events.ClientReady, () => resolve()));
      await client.login("bench-token");
      await ready;
    },
    async stop() {
      await client?.destroy();
    },
  };
}

function keyOf(name: string, page: unknown): string {
  return `${name}:${page ?? 1}`;
}

interface Rate {
  /** Interactions answered per wall-clock second. */
  wall: number;
  /** Per second of this process's CPU time (client and stand-in): steadier on a shared machine. */
  cpu: number;
}

/** Sends `count` slash commands, `WINDOW` at a time; resolves with interactions answered per second. */
async function drive(discord: StandInDiscord, count: number): Promise<Rate> {
  let sent = 0;
  let answered = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  await new Promise<void>((resolve, reject) => {
    const next = () => {
      if (sent >= count) return;
      const [name, options] = MIX[sent % MIX.length] ?? ["captives", []];
      sent++;
      const { id } = discord.chatInput(name, options);
      discord.callbackFor(id, 10_000).then(() => {
        answered++;
        if (answered === count) resolve();
        else next();
      }, reject);
    };
    for (let i = 0; i < WINDOW; i++) next();
  });
  const cpu = process.cpuUsage(cpuStart);
  return {
    wall: count / ((performance.now() - started) / 1000),
    cpu: count / ((cpu.user + cpu.system) / 1e6),
  };
}

async function throughput(): Promise<{ bot: Rate[]; bare: Rate[] }> {
  const discord = await StandInDiscord.start();
  discord.recordCallbacks = false;
  const contenders = { bot: botContender(discord), bare: await bareContender(discord) };
  const rates = { bot: [] as Rate[], bare: [] as Rate[] };
  try {
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      // Alternate who goes first so that drift in the machine does not favour one.
      const order = round % 2 ? (["bare", "bot"] as const) : (["bot", "bare"] as const);
      for (const who of order) {
        const contender = contenders[who];
        await contender.start();
        // Which side left an interaction unanswered, and when, so that a failed run says so.
        const named = (err: unknown) => {
          throw new Error(`${who}, round ${round + 1}: ${err instanceof Error ? err.message : String(err)}`);
        };
        await drive(discord, WARMUP).catch(named);
        const rate = await drive(discord, PER_ROUND).catch(named);
        if (round >= WARMUP_ROUNDS) rates[who].push(rate);
        await contender.stop();
      }
    }
  } finally {
    await discord.stop();
  }
  return rates;
}

interface Memory {
  rss: number;
  heapUsed: number;
  guilds: number;
  warnings: string[];
}

/**
 * The memory child as plain JavaScript (an esbuild bundle of our code, packages external), because
 * production runs compiled JavaScript (`npm start` builds first): tsx's loader thread alone adds
 * ~30 MB of RSS that a deployed bot does not have.
 */
async function buildChild(): Promise<string> {
  const { build } = await import("esbuild");
  // Two folders down, as test/support/files.ts is: its repository root ("../..") stays the repository's.
  const outfile = join(ROOT, ".bench-build", "discord", "discord-rss-child.mjs");
  await build({
    entryPoints: [join(ROOT, "bench/discord-rss-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

async function memoryOf(child: string, kind: "bot" | "bare", guilds: number): Promise<Memory> {
  const discord = await StandInDiscord.start();
  discord.guildCount = guilds;
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--expose-gc", child, kind, discord.apiUrl],
      { cwd: ROOT, timeout: 120_000 },
    );
    const line = stdout.trim().split("\n").at(-1) ?? "";
    const memory = JSON.parse(line) as Memory;
    if (memory.guilds !== guilds)
      throw new Error(`${kind} child saw ${memory.guilds} servers, not ${guilds}`);
    return memory;
  } finally {
    await discord.stop();
  }
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);

export async function benchDiscord(): Promise<BenchSection> {
  const rates = await throughput();
  const bot = median(rates.bot.map((r) => r.wall));
  const bare = median(rates.bare.map((r) => r.wall));
  const ratio = bot / bare;
  const botCpu = median(rates.bot.map((r) => r.cpu));
  const bareCpu = median(rates.bare.map((r) => r.cpu));

  const child = await buildChild();
  const memory = {
    bot0: await memoryOf(child, "bot", 0),
    botN: await memoryOf(child, "bot", GUILDS),
    bare0: await memoryOf(child, "bare", 0),
    bareN: await memoryOf(child, "bare", GUILDS),
  };
  const growth = (a: Memory, b: Memory, key: "rss" | "heapUsed") => ((b[key] - a[key]) * 1000) / GUILDS;
  const botGrowth = growth(memory.bot0, memory.botN, "rss");
  const bareGrowth = growth(memory.bare0, memory.bareN, "rss");
  const botHeapGrowth = growth(memory.bot0, memory.botN, "heapUsed");
  const bareHeapGrowth = growth(memory.bare0, memory.bareN, "heapUsed");
  const botTotalMb = memory.botN.rss / MB;

  const ratioMet = ratio >= RATIO_TARGET;
  const growthMet = botGrowth < bareGrowth;
  const totalMet = botTotalMb < BOT_TOTAL_TARGET_MB;
  const botWarnings = [...new Set([...memory.bot0.warnings, ...memory.botN.warnings])];
  const bareWarnings = [...new Set([...memory.bare0.warnings, ...memory.bareN.warnings])];
  const warningsText = (list: string[]) => (list.length ? list.map((w) => `\`${w}\``).join("; ") : "none");

  const markdown = `Interactions answered per second over a stand-in Discord on 127.0.0.1 (gateway and REST in the
benchmark process, so its own work is in both figures): the bot (discord.js client, core, renderer;
a mix of /captives, /phase, /timeline, /deadlines, /figures) against a bare discord.js client replying
a fixed message (per command the bot's own answer, rendered once beforehand, with its picture attached
as the bot attaches it, so that payload size counts the same for both). ${ROUNDS} alternating rounds of ${PER_ROUND.toLocaleString("en-GB")} interactions after ${WARMUP} of warm-up each, counted after ${WARMUP_ROUNDS} rounds of each side that are not (both clients still speed up over their first few thousand interactions on this machine), ${WINDOW} in flight;
median of the rounds. Both clients lift discord.js's client-side 50 requests/s cap.

| Client | Interactions/s (median) | Rounds | Per CPU-second (median) |
| --- | ---: | --- | ---: |
| bot | ${bot.toFixed(0)} | ${rates.bot.map((r) => r.wall.toFixed(0)).join(", ")} | ${botCpu.toFixed(0)} |
| bare discord.js | ${bare.toFixed(0)} | ${rates.bare.map((r) => r.wall.toFixed(0)).join(", ")} | ${bareCpu.toFixed(0)} |
| **ratio bot / bare** | **${ratio.toFixed(2)}** (target ≥ ${RATIO_TARGET}: ${ratioMet ? "met" : "NOT met"}) | | ${(botCpu / bareCpu).toFixed(2)} |

Memory once ready, each in a fresh process after garbage collection, in 0 and ${GUILDS.toLocaleString("en-GB")} servers
(READY lists them all; as Discord does, the stand-in then sends a client with the Guilds intent a
GUILD_CREATE with 20 channels, 10 roles and the bot's own member each), run as plain JavaScript (the
child is bundled with esbuild, packages external, so that both clients load discord.js alike; tsx's
loader thread would add ~30 MB to both). The bare client asks for the Guilds intent and keeps discord.js's default
caches; the bot asks for no intent (interactions need none), so no server's channels or roles reach
it, and limits only caches discord.js supports limiting (docs/decisions/0011-payloads-that-always-fit.md).

| Client | RSS, 0 servers | RSS, ${GUILDS.toLocaleString("en-GB")} servers | RSS growth per 1,000 | Heap growth per 1,000 |
| --- | ---: | ---: | ---: | ---: |
| bot | ${mb(memory.bot0.rss)} MB | ${mb(memory.botN.rss)} MB | ${mb(botGrowth)} MB | ${mb(botHeapGrowth)} MB |
| bare discord.js | ${mb(memory.bare0.rss)} MB | ${mb(memory.bareN.rss)} MB | ${mb(bareGrowth)} MB | ${mb(bareHeapGrowth)} MB |

Process warnings while starting: bot ${warningsText(botWarnings)}; bare discord.js ${warningsText(bareWarnings)}.

Targets: bot RSS growth below the bare client's (${growthMet ? "met" : "NOT met"}); bot total below ${BOT_TOTAL_TARGET_MB} MB (${mb(memory.botN.rss)} MB: ${totalMet ? "met" : "NOT met"}); no warning from the bot (${botWarnings.length === 0 ? "met" : "NOT met"}).`;

  return {
    title: "Discord",
    markdown,
    targetsMet: ratioMet && growthMet && totalMet && botWarnings.length === 0,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const section = await benchDiscord();
  console.log(
    `## ${section.title}\n\n${section.markdown}\n\ntargets ${section.targetsMet ? "met" : "NOT met"}`,
  );
  process.exit(0);
}
