#!/usr/bin/env node
import { resolve } from "node:path";
// Runs one TypeScript file (benchmarks, scripts) through tsx's loader.
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error("usage: run-ts.mjs FILE.ts [args…]");
  process.exit(2);
}
register();
process.argv = [process.argv[0], resolve(file), ...rest];
await import(pathToFileURL(resolve(file)).href);
