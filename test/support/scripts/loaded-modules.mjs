/**
 * A preload (`node --import …/loaded-modules.mjs`, or in NODE_OPTIONS) that records every module the
 * process loads from a file: the ESM imports (through a module resolution hook, which sees every
 * `import` and `import()`) and the CommonJS modules (in the require cache, which also holds those an
 * ES module imports). On SIGUSR2 it writes them, one file path a line, to the file LOADED_MODULES_FILE
 * names, and leaves the process running.
 */
import { writeFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";

const file = process.env.LOADED_MODULES_FILE;
if (!file) throw new Error("LOADED_MODULES_FILE is not set");

const imported = new Set();
const { port1, port2 } = new MessageChannel();
port1.on("message", (url) => {
  if (typeof url === "string" && url.startsWith("file:")) imported.add(fileURLToPath(url));
});
port1.unref();

const hooks = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
  data: { port: port2 },
  transferList: [port2],
});

const require = createRequire(import.meta.url);
process.on("SIGUSR2", () => {
  const all = new Set([...imported, ...Object.keys(require.cache)]);
  writeFileSync(file, `${[...all].sort().join("\n")}\n`);
});
