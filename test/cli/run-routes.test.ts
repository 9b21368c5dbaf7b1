/**
 * The run's HTTP routes: none without HEALTH_PORT (a warning when PUBLIC_URL asks for calendar
 * feeds); else /readyz following the platforms, the store and the stop as they stand, naming what is
 * away; and the server of their own, or what keeps it from listening.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { type PlatformsReadiness, runRoutes, serveRoutes } from "../../src/cli/run-routes.js";
import { startHealthServer } from "../../src/monitoring/health.js";
import { createPrometheusMetrics } from "../../src/monitoring/prometheus.js";
import { fixedClock } from "../../src/time/clock.js";
import { captureLog, shippedData, silentLog } from "../support/index.js";

const base = {
  config: { PUBLIC_URL: undefined },
  data: { dataset: shippedData() },
  clock: fixedClock("2025-02-28T07:00:00Z"),
  store: { ping: async () => {} },
  stopping: () => false,
};

describe("the run's routes", () => {
  it("are none without HEALTH_PORT, and say so when PUBLIC_URL asks for calendar feeds", () => {
    const { log, lines } = captureLog();
    const platforms = () => ({ connected: () => ({}), outages: () => ({}) });
    expect(runRoutes({ ...base, prometheus: undefined, log, platforms })).toBeUndefined();
    expect(lines()).toEqual([]);
    const config = { PUBLIC_URL: "https://bot.example.org" };
    expect(runRoutes({ ...base, config, prometheus: undefined, log, platforms })).toBeUndefined();
    expect(lines().map((l) => l.msg)).toEqual([
      "PUBLIC_URL is set but HEALTH_PORT is not: no calendar feeds are served",
    ]);
  });

  it("answer /readyz with the platforms as they stand, naming one that is away, and serve the calendar", async () => {
    let now: PlatformsReadiness = {
      connected: () => ({ discord: false }),
      outages: () => ({
        discord: "Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_API_URL)",
      }),
    };
    const routes = runRoutes({
      ...base,
      prometheus: createPrometheusMetrics({ commands: [] }),
      log: silentLog(),
      platforms: () => now,
    });
    expect(Object.keys(routes ?? {})).toEqual(expect.arrayContaining(["/healthz", "/readyz", "/metrics"]));
    const server = await startHealthServer({ port: 0, host: "127.0.0.1", routes: routes ?? {} });
    try {
      const readyz = () => fetch(`http://127.0.0.1:${server.port()}/readyz`);
      const away = await readyz();
      expect(away.status).toBe(503);
      expect(((await away.json()) as { reasons: string[] }).reasons).toEqual([
        "discord: Discord is unreachable: connect ECONNREFUSED 127.0.0.1:4123 (DISCORD_API_URL)",
      ]);
      now = { connected: () => ({ discord: true }), outages: () => ({}) };
      expect((await readyz()).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${server.port()}/calendar/gaza-2025.ics`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("the routes' own server", () => {
  it("is none without HEALTH_PORT, and fails naming the port when it is taken", async () => {
    const errors: string[] = [];
    const io = { out: () => {}, err: (t: string) => void errors.push(t) };
    expect(await serveRoutes({ HEALTH_PORT: undefined }, {}, silentLog(), io)).toBeUndefined();
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, r));
    const port = (taken.address() as { port: number }).port;
    try {
      expect(await serveRoutes({ HEALTH_PORT: port }, {}, silentLog(), io)).toBe("failed");
      expect(errors[0]).toMatch(new RegExp(`^HEALTH_PORT ${port}: .*EADDRINUSE`));
    } finally {
      taken.close();
    }
  });
});
