// `duban serve` run from the TypeScript sources (bin/duban.js runs the compiled ones), so a test spawns the
// server exactly as the command line starts it, on the code under test. Cluster workers re-run this file.
import { runCli } from "../cli/index.js";

const code = await runCli(["serve", ...process.argv.slice(2)]);
if (code !== 0) process.exit(code);
