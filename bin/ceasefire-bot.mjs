#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx ceasefire-bot` works right after `npm ci`
// without a build step (see docs/decisions/0001-run-typescript-with-tsx.md).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
