/**
 * `ceasefire-bot` with FakeChat registered beside the shipped platforms: the real CLI, given one more
 * entry in its platform list.
 *
 *   node bin/run-ts.mjs test/platforms/fake/start-child.ts start --clock …
 */
import { main } from "../../../src/cli/main.js";
import { platforms } from "../../../src/platforms/index.js";
import { fakeChat } from "./platform.js";

process.exitCode = await main(process.argv.slice(2), undefined, process.env, [...platforms, fakeChat]);
