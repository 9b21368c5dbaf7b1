/**
 * `npm run test:system`: the tests of test/system/, which need what a machine with only Node lacks:
 * root, a systemd manager of their own (namespaces, overlayfs, cgroup2), systemd-analyze, Node at
 * /usr/bin/node. CI runs them (.ci/run); `npm test` leaves them out.
 */
import { testRun } from "./vitest.config.js";

export default testRun(["test/system/**/*.test.ts"]);
