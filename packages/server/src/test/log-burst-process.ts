// A process that logs a burst through the server's logger on standard output and ends straight after, as a server
// does when it is stopped or fails: `node --import tsx log-burst-process.ts LINES exit|throw`.
import Fastify from "fastify";
import { serverLoggerOptions } from "../cli/logger-options.js";

const [lines = "0", end = "exit"] = process.argv.slice(2);
const app = Fastify({ logger: serverLoggerOptions({ level: "info", output: process.stdout }) });
for (let i = 0; i < Number(lines); i++) app.log.info({ line: i }, "burst");
if (end === "throw") throw new Error("the process fails with lines still buffered");
process.exit(0);
