// The `duban` command run from source, as packages/server/bin/duban.js runs it from the build: tests that need
// the real server in a separate process (killed, restarted) start this with `node --import tsx`.
import { runCli } from "../cli/index.js";

const code = await runCli(process.argv.slice(2));
if (process.argv[2] !== "serve" || code !== 0) process.exit(code);
