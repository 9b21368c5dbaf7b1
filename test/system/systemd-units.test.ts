/**
 * The systemd units in deploy/ on the machine they are written for, without a systemd manager (the
 * bot's unit is also started and stopped with systemctl by a real one, which this machine's PID 1 is
 * not: systemd-manager.test.ts). They need systemd-analyze (Debian's systemd package) and Node at the
 * units' /usr/bin/node, so they run with `npm run test:system`, not `npm test`:
 *
 * - `systemd-analyze verify` accepts each unit with no warning at all (it exits 0 even on a line it
 *   ignores, like a misspelt signal, so its output must be empty);
 * - each unit's ExecStart command line, run as systemd would run it (in WorkingDirectory, here an
 *   install of the bot as plain JavaScript; with only the unit's Environment and then its
 *   EnvironmentFile, here the test's settings pointing at stand-ins; its state directory), serves,
 *   and on SIGTERM exits 0 within TimeoutStopSec;
 * - the bot's, started in a memory cgroup limited to the unit's MemoryMax= (what systemd makes of it;
 *   root and a memory controller needed), has V8 size its young generation from that limit.
 *
 * The units' stop settings, which need only the files, are checked by test/deploy/systemd-units.test.ts.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  bytesOf,
  freePort,
  installBot,
  memoryCgroup,
  one,
  type RunningUnit,
  repoRoot,
  runUnit,
  StandInDiscord,
  StandInSlack,
  serviceSettings,
  stopUnit,
  type UnitVariant,
  until,
} from "../support/index.js";

const UNITS = ["deploy/ceasefire-bot.service", "deploy/ceasefire-bot-discord-proxy.service"];

async function statusOf(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url)).status;
  } catch {
    return undefined;
  }
}

const running: RunningUnit[] = [];
afterEach(() => {
  for (const unit of running)
    if (unit.child.exitCode === null && unit.child.signalCode === null) unit.child.kill("SIGKILL");
  running.length = 0;
});

describe("the systemd units", () => {
  it("pass systemd-analyze verify without a single warning", async () => {
    const verified = await promisify(execFile)("systemd-analyze", ["verify", ...UNITS], {
      cwd: repoRoot,
    }).catch((err: NodeJS.ErrnoException & { stderr?: string }) => {
      if (err.code === "ENOENT")
        throw new Error("systemd-analyze is missing: apt-get install systemd (.ci/run does)");
      throw new Error(`systemd-analyze verify failed: ${err.stderr ?? err.message}`);
    });
    expect(verified.stderr.trim()).toBe("");
    expect(verified.stdout.trim()).toBe("");
  });
});

describe("each unit's ExecStart, run as systemd runs it", () => {
  let install: string;
  let discord: StandInDiscord;
  let slack: StandInSlack;

  beforeAll(async () => {
    install = await installBot();
    discord = await StandInDiscord.start();
    slack = await StandInSlack.start("xoxb-unit-test");
  });

  afterAll(async () => {
    await discord?.stop();
    await slack?.stop();
  });

  /** The bot's unit, started against the stand-ins and ready: answering /readyz with 200. */
  async function readyBot(variant: UnitVariant = {}): Promise<{ unit: RunningUnit; healthPort: number }> {
    const healthPort = await freePort();
    const settings = {
      DISCORD_TOKEN: "unit-test-discord-token",
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: "xoxb-unit-test",
      SLACK_SIGNING_SECRET: "unit-test-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
      HEALTH_PORT: String(healthPort),
    };
    const unit = runUnit("deploy/ceasefire-bot.service", install, settings, variant);
    running.push(unit);
    await until(
      `the bot to be ready (it logged: ${unit.output().slice(-500)})`,
      async () => ((await statusOf(`http://127.0.0.1:${healthPort}/readyz`)) === 200 ? true : undefined),
      30_000,
    );
    return { unit, healthPort };
  }

  it("the bot: becomes ready on Discord and Slack with its store in the state directory, and exits 0 on SIGTERM within TimeoutStopSec", async () => {
    const { unit } = await readyBot();
    expect(existsSync(join(unit.stateRoot, "ceasefire-bot", "ceasefire-bot.sqlite"))).toBe(true);

    const { exit, ms } = await stopUnit(unit);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(unit.timeoutStopMs);
    expect(unit.output()).toContain('"msg":"stopped"');
  }, 60_000);

  it("the bot in a memory cgroup of the unit's MemoryMax=: V8 sizes its young generation from the limit (two 1 MiB semi-spaces, where with no limit they have grown when it is ready)", async () => {
    const limit = bytesOf(one(serviceSettings("deploy/ceasefire-bot.service"), "MemoryMax"));
    const newSpaceAtReady = async (limited: boolean) => {
      const cgroup = limited ? memoryCgroup(limit) : undefined;
      if (limited && !cgroup)
        throw new Error("no memory cgroup could be made: root and a memory controller are needed");
      try {
        const { unit, healthPort } = await readyBot(cgroup ? { cgroup } : {});
        const metrics = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
        await stopUnit(unit);
        return Number(/^nodejs_heap_space_size_total_bytes\{space="new"\} (\d+)$/m.exec(metrics)?.[1]);
      } finally {
        cgroup?.remove();
      }
    };
    const limited = await newSpaceAtReady(true);
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThanOrEqual(2 * 1024 ** 2);
    expect(await newSpaceAtReady(false)).toBeGreaterThan(2 * 1024 ** 2);
  }, 90_000);

  it("the Discord proxy: passes requests on, and exits 0 on SIGTERM within TimeoutStopSec", async () => {
    const port = await freePort();
    const unit = runUnit("deploy/ceasefire-bot-discord-proxy.service", install, {
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PROXY_PORT: String(port),
    });
    running.push(unit);
    await until(
      `the proxy to listen (it logged: ${unit.output().slice(-500)})`,
      async () => ((await statusOf(`http://127.0.0.1:${port}/healthz`)) === 200 ? true : undefined),
      30_000,
    );
    const gateway = await fetch(`http://127.0.0.1:${port}/api/v10/gateway/bot`, {
      headers: { authorization: "Bot unit-test-discord-token" },
    });
    expect(await gateway.json()).toMatchObject({ url: discord.gatewayUrl });

    const { exit, ms } = await stopUnit(unit);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(unit.timeoutStopMs);
  }, 60_000);
});
