/**
 * The stop settings of the systemd units in deploy/, read from the unit files: SIGTERM, a
 * TimeoutStopSec that leaves the bot its SHUTDOWN_TIMEOUT_MS and the time to close its connections
 * before systemd would send SIGKILL, and restarts only on failure.
 *
 * What needs the machine the units are written for (systemd-analyze, Node at /usr/bin/node, a systemd
 * manager, root) is in test/system/, run by `npm run test:system`.
 */
import { describe, expect, it } from "vitest";
import { milliseconds, one, serviceSettings, unitEnvironment } from "../support/index.js";

const UNITS = ["deploy/ceasefire-bot.service", "deploy/ceasefire-bot-discord-proxy.service"];
/** How long the bot may take to close its connections and store after SHUTDOWN_TIMEOUT_MS (src/cli/start.ts). */
const CLOSE_TIMEOUT_MS = 5_000;

describe("the systemd units", () => {
  it.each(UNITS)(
    "%s stops with SIGTERM, leaving the stop its time before SIGKILL, and restarts only on failure",
    (path) => {
      const settings = serviceSettings(path);
      expect(one(settings, "KillSignal")).toBe("SIGTERM");
      const shutdownMs = Number(unitEnvironment(settings, "/var/lib").SHUTDOWN_TIMEOUT_MS ?? 10_000);
      expect(milliseconds(one(settings, "TimeoutStopSec"))).toBeGreaterThan(shutdownMs + CLOSE_TIMEOUT_MS);
      expect(one(settings, "Restart")).toBe("on-failure");
      // Exit status 2 is a configuration error, which restarting cannot mend.
      expect(one(settings, "RestartPreventExitStatus")).toBe("2");
      expect(settings.get("EnvironmentFile")).toHaveLength(1);
    },
  );
});
