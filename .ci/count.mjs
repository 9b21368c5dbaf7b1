// Checks one test run against the tests its config holds: node .ci/count.mjs NAME LIST.json REPORT.json
// LIST.json is `vitest list --json`'s (every test collected), REPORT.json the JSON reporter's. Fails
// when the run executed (passed or failed) fewer tests than the list holds, or none at all: a file
// that failed to load, a hook that threw before its tests, a global setup that threw.
import { readFileSync } from "node:fs";

const [name, listFile, reportFile] = process.argv.slice(2);
const read = (file, what) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`${name}: no ${what} (${file}: ${err.message})`);
    process.exit(1);
  }
};
const listed = read(listFile, "list of its tests").length;
const report = read(reportFile, "JSON report");
const executed = report.numPassedTests + report.numFailedTests;
console.log(`${name}: executed ${executed} of the ${listed} tests vitest list finds`);
if (executed === 0 || executed < listed) {
  console.error(`${name}: ${executed === 0 ? "no test ran" : `${listed - executed} of them did not run`}`);
  process.exit(1);
}
