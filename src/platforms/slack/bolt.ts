/**
 * The parts of Bolt the bot uses (the App, its HTTP and Socket Mode receivers, the log levels), each
 * loaded from its own file of the package. Bolt's index loads everything it has besides: Express and
 * its receiver, AWS Lambda's receiver, the assistant framework, about 60 modules and 2 MB of heap that
 * a bot process never uses (docs/decisions/0028-v8-defaults-and-lazy-loading.md). The package has no
 * "exports" map, so these files are reachable; test/platforms/slack/bolt.test.ts checks that they are
 * the very classes the index exports, so an upgrade that moves them fails there, not in production.
 */
import { createRequire } from "node:module";
import type * as Bolt from "@slack/bolt";

const load = createRequire(import.meta.url);

const appModule = load("@slack/bolt/dist/App.js") as {
  default: typeof Bolt.App;
  LogLevel: typeof Bolt.LogLevel;
};

export const App = appModule.default;
export type App = Bolt.App;
export const LogLevel = appModule.LogLevel;
export type LogLevel = Bolt.LogLevel;
export const HTTPReceiver = (
  load("@slack/bolt/dist/receivers/HTTPReceiver.js") as { default: typeof Bolt.HTTPReceiver }
).default;
export type HTTPReceiver = Bolt.HTTPReceiver;
export const SocketModeReceiver = (
  load("@slack/bolt/dist/receivers/SocketModeReceiver.js") as { default: typeof Bolt.SocketModeReceiver }
).default;
export type SocketModeReceiver = Bolt.SocketModeReceiver;
/** The HTTP receiver's request functions (reading, parsing and bounding a request's body). */
export const HTTPModuleFunctions = load(
  "@slack/bolt/dist/receivers/HTTPModuleFunctions.js",
) as typeof Bolt.HTTPModuleFunctions;
export const { defaultBodyLimit, isRawBodyError } = HTTPModuleFunctions;
export const { isValidSlackRequest } = load("@slack/bolt/dist/receivers/verify-request.js") as Pick<
  typeof Bolt,
  "isValidSlackRequest"
>;
