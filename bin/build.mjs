#!/usr/bin/env node
// `npm run build`: the bot as plain JavaScript in dist/ (src/cli/build.ts).
import { register } from "tsx/esm/api";

register();
const { buildBot } = await import("../src/cli/build.ts");
await buildBot(process.cwd());
