/**
 * `npm run bench [-- SECTION…]`: runs the benchmark sections (all by default) and writes their figures
 * into BENCHMARKS.md, replacing only the sections that ran. Targets live here, never in unit tests;
 * the machines are noisy, so every comparison is a ratio measured in one run. Asked for several, it
 * runs each in a process of its own; a section that fails keeps its last figures and makes the run fail.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { BenchSection } from "./report.js";

const SECTIONS: Record<string, () => Promise<BenchSection>> = {
  commands: async () => (await import("./commands.js")).benchCommands(),
  slack: async () => (await import("./slack.js")).benchSlack(),
  discord: async () => (await import("./discord.js")).benchDiscord(),
  fanout: async () => (await import("./fanout.js")).benchFanout(),
  desk: async () => (await import("./desk.js")).benchDesk(),
  processes: async () => (await import("./processes.js")).benchProcesses(),
  guilds: async () => (await import("./guilds.js")).benchGuilds(),
  idle: async () => (await import("./idle.js")).benchIdle(),
  intake: async () => (await import("./intake.js")).benchIntake(),
  calendar: async () => (await import("./calendar.js")).benchCalendar(),
  pictures: async () => (await import("./pictures.js")).benchPictures(),
};

const FILE = "BENCHMARKS.md";
const HEADER = `# Benchmarks

Written by \`npm run bench\` (or \`npm run bench -- commands slack\` for some sections). Figures are from
one run on the machine named in each section; compare ratios measured in the same run, not absolute
figures across machines.
`;

function marker(name: string, end = false): string {
  return `<!-- bench:${name}:${end ? "end" : "start"} -->`;
}

/** Runs section `name` in this process and writes it into BENCHMARKS.md; true when its targets are met. */
async function runSection(name: string, run: () => Promise<BenchSection>): Promise<boolean> {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.error(`bench: ${name}…`);
  const started = performance.now();
  const section = await run();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const body = `${marker(name)}\n## ${section.title}\n\n${section.markdown.trim()}\n\n_Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; section took ${seconds} s; targets ${section.targetsMet ? "met" : "NOT met"}._\n${marker(name, true)}`;
  const doc = existsSync(FILE) ? readFileSync(FILE, "utf8") : HEADER;
  const re = new RegExp(`${marker(name)}[\\s\\S]*?${marker(name, true)}`);
  writeFileSync(FILE, re.test(doc) ? doc.replace(re, body) : `${doc.trimEnd()}\n\n${body}\n`);
  console.log(body);
  return section.targetsMet;
}

/** Exit statuses of a section run in a process of its own. */
const MET = 0;
const NOT_MET = 3;

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const names = asked.length ? asked : Object.keys(SECTIONS);
  const unknown = names.filter((n) => !SECTIONS[n]);
  if (unknown.length) {
    console.error(`unknown section(s): ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);
    process.exit(2);
  }
  const only = names.length === 1 ? SECTIONS[names[0] ?? ""] : undefined;
  if (only) {
    const met = await runSection(names[0] ?? "", only);
    // To the runner of several sections, the status says whether the targets were met.
    if (process.env.BENCH_SECTION_STATUS) process.exit(met ? MET : NOT_MET);
    console.error(met ? "bench: every target met" : "bench: some targets NOT met (see BENCHMARKS.md)");
    return;
  }
  // Each section in a process of its own, so that none inherits another's heap, compiled code or
  // leftovers: a section's ratios compare what it ran, in one run.
  let allMet = true;
  const failed: string[] = [];
  for (const name of names) {
    const child = spawnSync(process.execPath, ["bin/run-ts.mjs", "bench/run.ts", name], {
      stdio: "inherit",
      env: { ...process.env, BENCH_SECTION_STATUS: "1" },
    });
    if (child.status === NOT_MET) allMet = false;
    else if (child.status !== MET) failed.push(name);
  }
  if (failed.length) {
    console.error(
      `bench: section(s) that failed, BENCHMARKS.md keeps their last figures: ${failed.join(", ")}`,
    );
    process.exit(1);
  }
  console.error(allMet ? "bench: every target met" : "bench: some targets NOT met (see BENCHMARKS.md)");
}

await main();
process.exit(0);
