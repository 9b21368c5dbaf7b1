/** The compiled entry point (`node dist/src/cli/run.js …`), which `npm start` runs after building. */
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2));
