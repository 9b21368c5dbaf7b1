/**
 * deploy/ceasefire-bot.service started and stopped by systemd itself: a real systemd manager (the
 * installed systemd, PID 1 of new namespaces on this machine's own root, test/support/systemd-manager.ts)
 * is given the unit file as shipped, in /etc/systemd/system, a settings file at its EnvironmentFile=
 * pointing the bot at the Discord and Slack stand-ins, and an install of the bot at its
 * WorkingDirectory. No drop-in: every setting of the unit applies (DynamicUser, StateDirectory,
 * ProtectSystem=strict, PrivateDevices, …). Then:
 *
 * - `systemctl start ceasefire-bot` succeeds, the unit is active (running) under a dynamic user, and
 *   the bot answers /readyz on its HEALTH_PORT: connected to Discord and Slack; the kernel shows its
 *   process with that user, no new privileges, a read-only root and the unit's malloc setting, and
 *   systemd holds the unit's MemoryMax=;
 * - its SQLite store is in the unit's state directory, /var/lib/private/ceasefire-bot (what
 *   StateDirectory= with DynamicUser= makes), owned by that dynamic user;
 * - `systemctl stop ceasefire-bot` returns within TimeoutStopSec, the bot having logged its clean
 *   stop, and systemd records an exit status of 0 (a timeout would be Result=timeout, a SIGKILL
 *   ExecMainCode=2).
 *
 * It fails, naming what is missing, on a machine that cannot run the manager (not root, no systemd,
 * no cgroup2): CI machines must be able to. Hence it is in test/system/, run by `npm run test:system`,
 * not by `npm test`.
 */
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  installBot,
  milliseconds,
  one,
  repoRoot,
  StandInDiscord,
  StandInSlack,
  serviceSettings,
  until,
} from "../support/index.js";
import { type SystemdManager, startSystemdManager } from "../support/systemd-manager.js";

const UNIT = "ceasefire-bot.service";
const UNIT_PATH = `deploy/${UNIT}`;
/** The install's links into the repository (test/fixtures/install.ts). */
const LINKED = ["node_modules", "data"];
/** systemd's range for DynamicUser= users (systemd.exec(5)). */
const DYNAMIC_UIDS = { min: 61184, max: 65519 };

async function statusOf(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url)).status;
  } catch {
    return undefined;
  }
}

describe("deploy/ceasefire-bot.service under a real systemd manager", () => {
  let install: string | undefined;
  let discord: StandInDiscord | undefined;
  let slack: StandInSlack | undefined;
  let manager: SystemdManager | undefined;
  let healthPort: number;
  let settings: Record<string, string>;

  beforeAll(async () => {
    install = await installBot();
    // The dynamic user reads the install, as it reads /opt/ceasefire-bot cloned by root.
    chmodSync(install, 0o755);
    // Its node_modules and data/ are links into the repository, which ProtectHome=yes would hide
    // from the bot in a repository under /home: folders instead, the repository's bound onto them.
    for (const name of LINKED) {
      unlinkSync(join(install, name));
      mkdirSync(join(install, name));
    }
    discord = await StandInDiscord.start();
    slack = await StandInSlack.start("xoxb-systemd-test");
    healthPort = await freePort();
    settings = {
      DISCORD_TOKEN: "systemd-test-discord-token",
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: "xoxb-systemd-test",
      SLACK_SIGNING_SECRET: "systemd-test-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
      HEALTH_PORT: String(healthPort),
    };
  });

  afterAll(async () => {
    await manager?.stop();
    await discord?.stop();
    await slack?.stop();
  });

  it("systemctl start makes it active and ready on Discord and Slack, with its store in the state directory; systemctl stop ends it with exit status 0 within TimeoutStopSec", async () => {
    // In the test, not in beforeAll: a machine that cannot run it fails the test, not skips it.
    const systemd = await startSystemdManager({
      files: {
        [`/etc/systemd/system/${UNIT}`]: readFileSync(join(repoRoot, UNIT_PATH), "utf8"),
        "/etc/ceasefire-bot/ceasefire-bot.env": {
          content: Object.entries(settings)
            .map(([key, value]) => `${key}=${value}\n`)
            .join(""),
          mode: 0o600,
        },
      },
      binds: {
        "/opt/ceasefire-bot": install as string,
        ...Object.fromEntries(LINKED.map((name) => [`/opt/ceasefire-bot/${name}`, join(repoRoot, name)])),
      },
      keepLoaded: [UNIT],
    });
    manager = systemd;
    const journal = async () => `\n--- journal of ${UNIT} ---\n${await systemd.journal(UNIT)}`;

    const started = await systemd.systemctl("start", UNIT);
    expect(started.code, `systemctl start: ${started.stderr}${await journal()}`).toBe(0);
    await until(
      `the bot to answer /readyz with 200 on port ${healthPort}`,
      async () => ((await statusOf(`http://127.0.0.1:${healthPort}/readyz`)) === 200 ? true : undefined),
      30_000,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}${await journal()}`);
    });

    const status = await systemd.systemctl("status", UNIT);
    expect(status.code, status.stdout).toBe(0);
    expect(status.stdout).toMatch(/Active: active \(running\)/);
    expect(status.stdout).toContain(`/etc/systemd/system/${UNIT}`);
    const running = await systemd.show(UNIT, ["ActiveState", "SubState", "MainPID", "UID"]);
    expect(running).toMatchObject({ ActiveState: "active", SubState: "running" });
    expect(Number(running.MainPID)).toBeGreaterThan(1);
    const uid = Number(running.UID);
    expect(uid).toBeGreaterThanOrEqual(DYNAMIC_UIDS.min);
    expect(uid).toBeLessThanOrEqual(DYNAMIC_UIDS.max);
    // The bot as the kernel sees it (the manager's /proc): that user, NoNewPrivileges=yes, and
    // ProtectSystem=strict's read-only root.
    const proc = join(systemd.root, "proc", running.MainPID as string);
    const processStatus = readFileSync(join(proc, "status"), "utf8");
    expect(processStatus).toMatch(new RegExp(`^Uid:\\t${uid}\\t${uid}\\t`, "m"));
    expect(processStatus).toMatch(/^NoNewPrivs:\t1$/m);
    // The unit's malloc setting reaches the bot's process (it keeps idle memory down: BENCHMARKS.md).
    expect(readFileSync(join(proc, "environ"), "utf8").split("\0")).toContain(
      "MALLOC_MMAP_THRESHOLD_=131072",
    );
    // systemd takes the unit's memory limit. That the limit sizes V8's heap is checked in
    // systemd-units.test.ts, in a memory cgroup made as systemd makes it: the managers these tests
    // start run on the host's cgroup2 hierarchy, which on a machine with cgroup v1's memory
    // controller (this one) has no memory controller to enforce it with.
    expect(await systemd.show(UNIT, ["MemoryMax"])).toEqual({ MemoryMax: String(512 * 1024 ** 2) });
    const rootMount = readFileSync(join(proc, "mountinfo"), "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .findLast((fields) => fields[4] === "/");
    expect(rootMount?.[5]?.split(",")).toContain("ro");

    // StateDirectory=ceasefire-bot with DynamicUser=yes: /var/lib/ceasefire-bot → private/ceasefire-bot.
    expect(readlinkSync(join(systemd.root, "var/lib/ceasefire-bot"))).toBe("private/ceasefire-bot");
    const store = join(systemd.root, "var/lib/private/ceasefire-bot/ceasefire-bot.sqlite");
    expect(lstatSync(store).isFile()).toBe(true);
    expect(statSync(store).uid).toBe(uid);

    const timeoutStopMs = milliseconds(one(serviceSettings(UNIT_PATH), "TimeoutStopSec"));
    const asked = performance.now();
    const stopped = await systemd.systemctl("stop", UNIT);
    const stopMs = performance.now() - asked;
    expect(stopped.code, `systemctl stop: ${stopped.stderr}${await journal()}`).toBe(0);
    expect(stopMs).toBeLessThan(timeoutStopMs);

    const after = await systemd.show(UNIT, ["ActiveState", "Result", "ExecMainCode", "ExecMainStatus"]);
    // ExecMainCode 1 is CLD_EXITED: the process exited by itself, not killed by a signal.
    expect(after, await journal()).toEqual({
      ActiveState: "inactive",
      Result: "success",
      ExecMainCode: "1",
      ExecMainStatus: "0",
    });
    const logged = await systemd.journal(UNIT);
    expect(logged).toContain('"msg":"stopped"');
    expect(logged).not.toMatch(/timed out\. Killing/);
  }, 60_000);
});
